import { basename } from 'node:path';
import { isObject, type JsonObject, ownObject, ownString } from '../connector/json.ts';
import type { PresetName } from '../validate/rule.ts';
import { buildApiProperties } from './api-properties.ts';
import { brandColor } from './brand-color.ts';
import { credentialPolicies } from './credentials.ts';
import { readCurl } from './curl.ts';
import { enrich } from './enrich.ts';
import type { Exchanges } from './exchange.ts';
import { dropNestedUnfittingExamples } from './fitting-examples.ts';
import { readHar } from './har.ts';
import { drawIcon } from './icon.ts';
import { type ApiInput, readInput } from './input.ts';
import { createLosses, type LossItem } from './loss.ts';
import { convertOpenApi3, type SwaggerParts } from './openapi3.ts';
import { pagingPolicies } from './paging.ts';
import { buildParts, type ConvertedPart } from './parts.ts';
import { convertPostman, postmanRequestCount } from './postman.ts';
import { buildReadme } from './readme.ts';
import { convertRecorded } from './recorded.ts';
import { mergeRemaining, remainingFindings } from './remaining.ts';
import { type ConversionStats, type Remaining, renderReport, summariseReport } from './report.ts';
import { routePolicies } from './routes.ts';
import { shrinkSchemas } from './shrink.ts';
import { MAX_OPERATIONS, measure, type SplitMode } from './split.ts';
import { stringify } from './stringify.ts';
import { convertSwagger2 } from './swagger2.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface ConvertOptions {
  /** File name shown in the report and readme. Default `input`. */
  readonly source?: string;
  /** `properties.publisher` (and `stackOwner`); default: `info.contact.name`. */
  readonly publisher?: string;
  /** `#rrggbb`; default: `x-logo.backgroundColor`, else a colour derived from the title. */
  readonly brandColor?: string;
  /** Preset whose error-level findings are listed as "left for you". Default `certification`; `false` skips validation. */
  readonly preset?: PresetName | false;
  /**
   * `tag` (default): a description over one connector's limits (256 operations, 1 MB swagger) also
   * gives `parts`, several connectors split by tag; `none`: one connector regardless.
   */
  readonly split?: SplitMode;
  /** For recorded calls (a HAR, cURL commands): the host whose calls become the connector; default: the one most calls went to. */
  readonly host?: string;
}

/** A converted connector, in memory. */
export interface ConvertResult {
  readonly format: ApiInput['format'];
  readonly swagger: JsonObject;
  readonly apiProperties: JsonObject;
  readonly readme: string;
  readonly icon: Uint8Array;
  readonly losses: readonly LossItem[];
  readonly stats: ConversionStats;
  readonly remaining: readonly Remaining[];
  /** `conversion-report.md`. */
  readonly report: string;
  /** A few lines for the terminal. */
  readonly summary: string;
  /** The folder's files by name: the swagger, apiProperties, readme, icon and the report (unsplit). */
  readonly files: Readonly<Record<string, Uint8Array>>;
  /** The connectors to write instead when the description exceeds one connector's limits; else empty. */
  readonly parts: readonly ConvertedPart[];
}

/** Operations a description has (requests for Postman). */
export function countOperations(input: ApiInput): number {
  if (input.format === 'postman-2.1') return postmanRequestCount(input.document);
  if (input.format === 'har' || input.format === 'curl') return recordedCalls(input).exchanges.length;
  let n = 0;
  for (const [path, item] of Object.entries(ownObject(input.document, 'paths') ?? {}))
    if (!path.startsWith('x-') && isObject(item)) for (const m of METHODS) if (isObject(item[m])) n++;
  return n;
}

/** Calls read from a recording, by its document: a conversion counts them and converts them. */
const readCalls = new WeakMap<JsonObject, Exchanges>();

/** The calls a HAR or a list of cURL commands holds, read once per document. */
function recordedCalls(input: ApiInput): Exchanges {
  let calls = readCalls.get(input.document);
  if (!calls) {
    calls =
      input.format === 'har'
        ? readHar(input.document)
        : readCurl(String(input.document.text ?? ''), input.readFile && { readFile: input.readFile });
    readCalls.set(input.document, calls);
  }
  return calls;
}

function toSwagger(
  input: ApiInput,
  losses: ReturnType<typeof createLosses>,
  options: ConvertOptions,
): SwaggerParts {
  if (input.format === 'har' || input.format === 'curl')
    return convertRecorded(recordedCalls(input), losses, {
      ...(options.host !== undefined && { host: options.host }),
      ...(options.source !== undefined && { source: options.source }),
    });
  if (input.format === 'swagger-2.0') return convertSwagger2(input.document, losses);
  if (input.format === 'postman-2.1') return convertPostman(input.document, losses);
  return convertOpenApi3(input.document, losses);
}

function formatName(input: ApiInput): string {
  if (input.format === 'postman-2.1') return `Postman collection ${input.version}`;
  if (input.format === 'har') return `HAR ${input.version} recording`;
  if (input.format === 'curl') return 'cURL commands';
  if (input.format === 'swagger-2.0') return 'Swagger 2.0';
  return `OpenAPI ${input.version}`;
}

const encoder = new TextEncoder();

export type { ConvertedPart };
export { stringify };

/** Converts a parsed description into a connector. */
export function convertInput(input: ApiInput, options: ConvertOptions = {}): ConvertResult {
  const losses = createLosses();
  const parts = toSwagger(input, losses, options);
  const swagger = parts.swagger;
  shrinkSchemas(swagger, losses);
  // A Swagger 2.0 description passes through as written (its examples are the author's).
  if (input.format !== 'swagger-2.0') dropNestedUnfittingExamples(swagger, losses);
  const source = options.source ?? 'input';
  const info = ownObject(input.document, 'info');
  enrich(swagger, losses, {
    fallbackTitle:
      basename(source)
        .replace(/\.[^.]+$/, '')
        .replace(/[^A-Za-z0-9 ]+/g, ' ')
        .trim()
        .slice(0, 30) || 'Connector',
    preserve: input.format === 'swagger-2.0',
  });
  const contactName = ownString(ownObject(ownObject(swagger, 'info'), 'contact'), 'name');
  const publisher = options.publisher ?? contactName;
  const color = brandColor(info, input.document, options.brandColor);
  let hasTriggers = false;
  let kept = 0;
  let skeletons = 0;
  for (const item of Object.values(ownObject(swagger, 'paths') ?? {}))
    if (isObject(item))
      for (const m of METHODS) {
        const op = ownObject(item, m);
        if (!op) continue;
        if (op['x-ms-trigger'] !== undefined) hasTriggers = true;
        if (op['x-flowport-skeleton'] === true) skeletons++;
        else kept++;
      }
  const routed = [
    ...routePolicies(ownObject(swagger, 'paths') ?? {}),
    ...pagingPolicies(ownObject(swagger, 'paths') ?? {}),
  ];
  const sent = credentialPolicies(ownObject(swagger, 'paths') ?? {}, parts.credentials ?? []);
  const apiProperties = buildApiProperties({
    connectionParameters: parts.connectionParameters,
    policies: [...parts.policies, ...sent, ...routed],
    brandColor: color,
    publisher,
    hasTriggers,
  });
  const title = ownString(ownObject(swagger, 'info'), 'title') ?? 'Connector';
  const readme = buildReadme({ swagger, apiProperties, publisher, source, losses: losses.items.length });
  const icon = drawIcon(color, title);
  const files: Record<string, Uint8Array> = {
    'apiDefinition.swagger.json': encoder.encode(stringify(swagger)),
    'apiProperties.json': encoder.encode(stringify(apiProperties)),
    'readme.md': encoder.encode(readme),
    'icon.png': icon,
  };
  const preset = options.preset ?? 'certification';
  const size = measure(swagger);
  const split =
    options.split !== 'none' && size.over
      ? buildParts({ swagger, apiProperties, color, publisher, source, losses: losses.items.length, preset })
      : [];
  if (size.over) {
    const limits = `${size.operations} operations${size.bytes === undefined ? '' : ` and ${size.bytes} bytes`} (one connector holds at most ${MAX_OPERATIONS} operations and less than 1 MB)`;
    losses.add(
      '/paths',
      'connector size',
      split.length > 0
        ? `${limits}; split by tag into ${split.length} connectors: ${split.map((p) => `\`${p.name}\` (${p.operationIds.length})`).join(', ')}`
        : `${limits}; kept as one connector (\`--split none\`), which the platform will refuse`,
    );
  }
  const remaining =
    preset === false ? [] : split.length > 0 ? mergeRemaining(split) : remainingFindings(files, preset);
  const stats: ConversionStats = {
    inputOperations: countOperations(input),
    keptOperations: kept,
    skeletons,
    ...((input.format === 'har' || input.format === 'curl') && { recorded: true }),
  };
  const reportInput = {
    source,
    format: formatName(input),
    stats,
    losses: losses.items,
    remaining,
    preset: preset === false ? 'certification' : preset,
    parts: split,
  };
  const report = renderReport(reportInput);
  files['conversion-report.md'] = encoder.encode(report);
  return {
    format: input.format,
    swagger,
    apiProperties,
    readme,
    icon,
    losses: losses.items,
    stats,
    remaining,
    report,
    summary: summariseReport(reportInput),
    files,
    parts: split,
  };
}

/**
 * Converts an OpenAPI 3.0 / 3.1, Swagger 2.0 or Postman v2.0 / v2.1 description (JSON or YAML text), a HAR
 * recording or a list of `curl` commands into a connector: swagger, apiProperties, readme, icon and a
 * loss report. Throws `FlowportError` (`CONVERT_INPUT_INVALID`, `CONVERT_UNSUPPORTED_VERSION`) when
 * the text is none of these, or records no API call.
 *
 * @example
 * const result = convert(readFileSync('openapi.yaml', 'utf8'), { source: 'openapi.yaml' });
 * result.losses; // [{ pointer: '/paths/~1pets/get/parameters/2', construct: 'cookie parameter', action: '…' }]
 */
export function convert(text: string, options: ConvertOptions = {}): ConvertResult {
  return convertInput(readInput(text, options.source ?? 'input'), options);
}
