import { parseDocument } from 'yaml';
import { isObject, type JsonObject, ownObject, ownString } from '../connector/json.ts';
import { FlowportError } from '../errors.ts';
import { looksLikeCurl } from './curl.ts';
import { isHar } from './har.ts';
import { upgradePostman20 } from './postman-v20.ts';

/** The kinds of API description `flowport init` reads. */
export type InputFormat = 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0' | 'postman-2.1' | 'har' | 'curl';

export interface ApiInput {
  readonly format: InputFormat;
  /** The version string as the document states it (`3.0.3`, `2.0`, `v2.1.0`). */
  readonly version: string;
  /** The parsed description; for `curl`, `{ text }` (the commands as written). */
  readonly document: JsonObject;
  /**
   * For `curl`: reads a file an option names (`-d @body.json`), relative to where the commands were
   * read from; undefined when it cannot be read. Without it (an upload to a server), files are not read.
   */
  readonly readFile?: (path: string) => string | undefined;
}

/** Parses JSON, or YAML 1.2 when the text is not JSON; errors name the line. */
export function parseText(text: string, name = 'input'): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(body);
    } catch {
      // Not strict JSON (comments, trailing commas, or YAML flow style): YAML reads those too.
    }
  }
  const doc = parseDocument(body, { uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const where = error.linePos?.[0];
    const place = where ? ` at line ${where.line}, column ${where.col}` : '';
    throw new FlowportError(
      'CONVERT_INPUT_INVALID',
      `${name} is neither JSON nor YAML${place}: ${error.message.split('\n')[0]}`,
    );
  }
  return doc.toJS({ maxAliasCount: -1 });
}

const POSTMAN_SCHEMA = /schema\.getpostman\.com\/json\/collection\/(v[\d.]+)/;

/** Tells which kind of description a parsed document is; throws for anything flowport cannot convert. */
export function detectInput(value: unknown, name = 'input'): ApiInput {
  if (!isObject(value))
    throw new FlowportError(
      'CONVERT_INPUT_INVALID',
      `${name} is not an API description: expected an object at the top level.`,
    );
  const openapi = value.openapi;
  if (openapi !== undefined) {
    const v = String(openapi);
    if (/^3\.0(\.\d+)?$/.test(v)) return { format: 'openapi-3.0', version: v, document: value };
    if (/^3\.1(\.\d+)?$/.test(v)) return { format: 'openapi-3.1', version: v, document: value };
    throw new FlowportError(
      'CONVERT_UNSUPPORTED_VERSION',
      `${name} is OpenAPI ${v}; flowport converts OpenAPI 3.0 and 3.1, Swagger 2.0, Postman v2.0 and v2.1, HAR recordings and curl commands.`,
    );
  }
  const swagger = value.swagger;
  if (swagger !== undefined) {
    const v = String(swagger);
    if (v === '2.0' || v === '2') return { format: 'swagger-2.0', version: '2.0', document: value };
    throw new FlowportError(
      'CONVERT_UNSUPPORTED_VERSION',
      `${name} is Swagger ${v}; flowport converts Swagger 2.0, OpenAPI 3.0 and 3.1, Postman v2.0 and v2.1, HAR recordings and curl commands.`,
    );
  }
  const schema = ownString(ownObject(value, 'info'), 'schema');
  const postman = schema ? POSTMAN_SCHEMA.exec(schema) : null;
  if (postman?.[1]) {
    const v = postman[1];
    if (v.startsWith('v2.1')) return { format: 'postman-2.1', version: v, document: value };
    // v2.0 differs from v2.1 only in how auth parameters are written: read as v2.1.
    if (v.startsWith('v2.0')) return { format: 'postman-2.1', version: v, document: upgradePostman20(value) };
    throw new FlowportError(
      'CONVERT_UNSUPPORTED_VERSION',
      `${name} is a Postman collection ${v}; flowport converts v2.0 and v2.1 (export it again from Postman as Collection v2.1).`,
    );
  }
  if (isHar(value))
    return {
      format: 'har',
      version: ownString(ownObject(value, 'log'), 'version') ?? '1.2',
      document: value,
    };
  if (Array.isArray(value.requests) && typeof value.id === 'string')
    throw new FlowportError(
      'CONVERT_UNSUPPORTED_VERSION',
      `${name} is a Postman collection v1; flowport converts v2.0 and v2.1 (export it again from Postman as Collection v2.1).`,
    );
  throw new FlowportError(
    'CONVERT_INPUT_INVALID',
    `${name} is not an API description: it has no \`openapi\`, \`swagger\`, Postman \`info.schema\` or HAR \`log.entries\`, and is not a list of \`curl\` commands.`,
  );
}

/** Parses and detects in one step. */
export function readInput(text: string, name = 'input'): ApiInput {
  if (looksLikeCurl(text)) return { format: 'curl', version: '', document: { text } };
  return detectInput(parseText(text, name), name);
}
