import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isObject, type JsonValue, own } from '../connector/json.ts';
import type { Operation } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { staticTokenProvider } from '../runtime/connection/token-provider.ts';
import type { ArgumentValue, Connection, FileValue } from '../runtime/types.ts';

/** Flags shared by `run`, `smoke` and later `trigger`: where the connection comes from. */
export interface ConnectionFlags {
  conn: string[];
  connFile?: string;
  connSet?: string;
  token?: string;
}

function splitPair(flag: string, raw: string): [string, string] {
  const eq = raw.indexOf('=');
  if (eq <= 0) {
    throw new FlowportError('USAGE', `\`${flag} ${raw}\` must be \`name=value\`.`);
  }
  return [raw.slice(0, eq), raw.slice(eq + 1)];
}

/** A file's text for a flag; unreadable is a usage error naming the flag and the file. */
export function readText(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new FlowportError('USAGE', `Cannot read the file given to \`${flag}\`: ${path}.`, { cause: error });
  }
}

function parseJson(flag: string, text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new FlowportError(
      'USAGE',
      `The value of \`${flag}\` is not valid JSON (${(error as Error).message}).`,
      { cause: error },
    );
  }
}

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  json: 'application/json',
  txt: 'text/plain',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
};

function fileValue(path: string): FileValue {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new FlowportError('USAGE', `Cannot read the file ${path}.`, { cause: error });
  }
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  return {
    kind: 'file',
    name: basename(path),
    contentType: MEDIA_TYPES[ext] ?? 'application/octet-stream',
    bytes,
  };
}

/**
 * `--param name=value` pairs into arguments. `@path` reads a file (a file part for `file` parameters,
 * JSON for object and array parameters, text otherwise); values of object/array parameters are parsed
 * as JSON; everything else stays a string the request builder coerces by the parameter's type.
 */
/** What `--param` parsing needs of an operation (the local model, or the server's operations view). */
export interface ParamTarget {
  readonly label: string;
  readonly parameters: readonly Pick<Operation['parameters'][number], 'name' | 'in' | 'type' | 'format'>[];
}

export function parseParams(
  operation: ParamTarget,
  pairs: readonly string[],
  body: string | undefined,
): Record<string, ArgumentValue> {
  // Null-prototype: a user may type `--param __proto__=x`.
  const args: Record<string, ArgumentValue> = Object.create(null);
  for (const raw of pairs) {
    const [name, value] = splitPair('--param', raw);
    const bare = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    const parameter = operation.parameters.find((p) => p.name === bare);
    const type = parameter?.type ?? (parameter?.in === 'body' ? 'object' : undefined);
    if (value.startsWith('@') && value.length > 1) {
      const path = value.slice(1);
      if (type === 'file' || parameter?.format === 'binary') args[name] = fileValue(path);
      else if (type === 'object' || type === 'array')
        args[name] = parseJson(`--param ${name}`, readText('--param', path));
      else args[name] = readText('--param', path);
    } else if ((type === 'object' || type === 'array') && /^\s*[[{]/.test(value)) {
      args[name] = parseJson(`--param ${name}`, value);
    } else args[name] = value;
  }
  if (body !== undefined) {
    const target = operation.parameters.find((p) => p.in === 'body');
    if (!target) {
      throw new FlowportError(
        'USAGE',
        `Operation \`${operation.label}\` has no body parameter; drop \`--body\`.`,
      );
    }
    const text = body.startsWith('@') ? readText('--body', body.slice(1)) : body;
    args[target.name] = parseJson('--body', text);
  }
  return args;
}

/** `--conn`, `--conn-file`, `--conn-set` and `--token` into a connection. */
export function parseConnection(flags: ConnectionFlags): Connection {
  const values: Record<string, string> = Object.create(null);
  let parameterSet = flags.connSet;
  if (flags.connFile) {
    const file = parseJson('--conn-file', readText('--conn-file', flags.connFile));
    if (!isObject(file)) {
      throw new FlowportError(
        'USAGE',
        '`--conn-file` must hold a JSON object: `{ "values": { "name": "value" }, "parameterSet": "…" }` or `{ "name": "value" }`.',
      );
    }
    const inner = own(file, 'values');
    const source = isObject(inner) ? inner : file;
    for (const [k, v] of Object.entries(source)) {
      if (k === 'parameterSet' && !isObject(inner)) continue;
      if (v !== null && typeof v !== 'object') values[k] = String(v);
    }
    const set = own(file, 'parameterSet');
    if (typeof set === 'string' && parameterSet === undefined) parameterSet = set;
  }
  for (const raw of flags.conn) {
    const [name, value] = splitPair('--conn', raw);
    values[name] = value;
  }
  const token = flags.token ?? process.env.FLOWPORT_TOKEN;
  return {
    values,
    ...(parameterSet !== undefined && { parameterSet }),
    ...(token && { tokenProvider: staticTokenProvider(token) }),
  };
}
