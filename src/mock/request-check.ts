/**
 * The mock's checks of a request against the operation it matched, as a validating mock (Prism) makes
 * them: the connection's credentials where `securityDefinitions` asks for them, required parameters,
 * the types and `enum`s of path, query and header values, and a JSON body against its schema.
 */
import { isObject, type JsonValue, own, ownArray, ownString } from '../connector/json.ts';
import type { Connector, Operation, Parameter } from '../connector/model.ts';
import { type AuthKind, optsOutOfAuth, resolveAuth } from '../runtime/connection/auth.ts';
import { connectionParametersOf, isSettingParameter } from '../runtime/connection/parameters.ts';
import { valueConformance } from '../runtime/response-conformance.ts';

/** What the request got wrong; `at` names the place: `query.top`, `header.X-Key`, `body/owner/email`. */
export interface RequestProblem {
  readonly at: string;
  readonly message: string;
}

/** A request as the mock received it, the path already matched. */
export interface MockRequest {
  readonly pathValues: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body's text; undefined when there is none. */
  readonly body: string | undefined;
  /**
   * The path was one a `routerequesttoendpoint` policy made: path parameters it carries in
   * expressions rather than `{name}` placeholders cannot be told apart, so none is asked for.
   */
  readonly routed?: boolean;
  /** A policy reshapes the body on its way (`setproperty`…): it is not checked against the swagger. */
  readonly reshaped?: boolean;
  /** The fields of a form body (URL-encoded or multipart); a file field's value is `file`. */
  readonly form?: ReadonlyMap<string, string>;
}

/**
 * The kinds of credentials the connector's connections send, as the runtime decides them for each
 * parameter set (a connector whose connection parameters cannot supply any sends none, whatever its
 * `securityDefinitions` say).
 */
export function credentialKinds(connector: Connector): ReadonlySet<AuthKind> {
  const sets = connector.properties.parameterSets.map((s) => s.name);
  const kinds = new Set<AuthKind>();
  for (const parameterSet of sets.length > 0 ? sets : [undefined]) {
    try {
      const kind = resolveAuth(connector, {
        values: {},
        ...(parameterSet !== undefined && { parameterSet }),
      }).kind;
      // An API key comes from a connection parameter: a connector with none (a lone swagger) sends none.
      const keyed = connectionParametersOf(connector, parameterSet).some((p) => !isSettingParameter(p));
      if (kind !== 'api-key' || keyed) kinds.add(kind);
    } catch {
      // A flow the platform does not run (an OAuth implicit grant) sends nothing the mock can expect.
    }
  }
  // A parameter set that sends no credentials (its policies may send its values as headers of their
  // own) makes a request without any as valid as one with: nothing can be asked for.
  if (kinds.has('none')) return new Set();
  return kinds;
}

/**
 * The credentials missing from a request, or undefined when it carries what one of the connector's
 * kinds sends: an `Authorization` header for OAuth 2 and basic (of any scheme: policies such as
 * `setheader` may rewrite it), the header or query parameter an `apiKey` definition names.
 */
export function missingCredentials(
  connector: Connector,
  operation: Operation,
  request: MockRequest,
  kinds: ReadonlySet<AuthKind>,
): string | undefined {
  // `security: []` on the operation, or on the document with none on the operation, asks for none.
  const documentSecurity = ownArray(connector.definition.raw, 'security');
  const documentOptsOut = documentSecurity?.length === 0 && own(operation.raw, 'security') === undefined;
  if (kinds.size === 0 || optsOutOfAuth(operation) || documentOptsOut) return undefined;
  const wanted: string[] = [];
  if (kinds.has('oauth2') || kinds.has('basic')) {
    if (request.headers.authorization) return undefined;
    wanted.push(kinds.has('oauth2') ? '`Authorization: Bearer …`' : '`Authorization: Basic …`');
  }
  if (kinds.has('api-key')) {
    for (const scheme of connector.definition.securityDefinitions) {
      if (scheme.type?.toLowerCase() !== 'apikey') continue;
      const name = ownString(scheme.raw, 'name') ?? '';
      const inQuery = ownString(scheme.raw, 'in')?.toLowerCase() === 'query';
      if (inQuery ? request.query.get(name) : request.headers[name.toLowerCase()]) return undefined;
      wanted.push(`the API key in ${inQuery ? 'query parameter' : 'header'} \`${name}\``);
    }
  }
  if (wanted.length === 0) return undefined;
  return `\`${operation.label}\` needs ${wanted.join(' or ')} (securityDefinitions); the request has none. Give the connection's values (\`--conn\`), or start the mock with --no-auth.`;
}

/** Everything wrong with the request's parameters and body; empty when it is valid. */
export function requestProblems(
  connector: Connector,
  operation: Operation,
  request: MockRequest,
): RequestProblem[] {
  const problems: RequestProblem[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === 'body') {
      if (!request.reshaped) problems.push(...bodyProblems(connector, parameter, request));
      continue;
    }
    const value = parameterValue(parameter, request);
    const at = `${parameter.in === 'formData' ? 'form' : parameter.in}.${parameter.name}`;
    if (parameter.in === 'path' && request.routed && value === undefined) continue;
    if (value === undefined || value === '') {
      if (parameter.required && !(value === '' && parameter.in === 'query'))
        problems.push({
          at,
          message: `\`${parameter.name}\` (${parameter.in}) is required; the request has none.`,
        });
      continue;
    }
    const wrong = parameter.type === 'file' ? undefined : scalarProblem(parameter, value);
    if (wrong) problems.push({ at, message: `\`${parameter.name}\` (${parameter.in}) ${wrong}` });
  }
  return problems;
}

function parameterValue(parameter: Parameter, request: MockRequest): string | undefined {
  switch (parameter.in) {
    case 'path':
      return request.pathValues[parameter.name];
    case 'query':
      return request.query.get(parameter.name) ?? undefined;
    case 'header':
      return request.headers[parameter.name.toLowerCase()];
    case 'formData':
      return request.form?.get(parameter.name);
    default:
      return undefined;
  }
}

/** What is wrong with a path, query or header value for its type and `enum`; undefined when fine. */
function scalarProblem(parameter: Parameter, value: string): string | undefined {
  const type = parameter.type?.toLowerCase();
  if (type === 'integer' && !/^-?\d+$/.test(value))
    return `should be a whole number; it is "${short(value)}".`;
  if (type === 'number' && (value.trim() === '' || !Number.isFinite(Number(value))))
    return `should be a number; it is "${short(value)}".`;
  if (type === 'boolean' && !/^(true|false)$/i.test(value))
    return `should be true or false; it is "${short(value)}".`;
  const allowed = ownArray(parameter.raw, 'enum');
  if (type !== 'array' && allowed && allowed.length > 0 && !allowed.some((a) => String(a) === value))
    return `should be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; it is "${short(value)}".`;
  return undefined;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function bodyProblems(connector: Connector, parameter: Parameter, request: MockRequest): RequestProblem[] {
  const text = request.body;
  if (text === undefined || text.trim() === '')
    return parameter.required ? [{ at: 'body', message: 'The body is required; the request has none.' }] : [];
  const schema = parameter.schema;
  // Only a JSON body is checked (a form or XML body, as a `consumes` other than JSON sends, is not read).
  const type = request.headers['content-type'];
  if (schema === undefined || (type !== undefined && !/json/i.test(type))) return [];
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    // A text or binary body (`type: string`, `format: binary`) is not JSON, and need not be.
    const type = ownString(schema, 'type');
    return type === 'object' ||
      type === 'array' ||
      (type === undefined && isObject(own(schema, 'properties')))
      ? [{ at: 'body', message: 'The body is not JSON; the schema asks for JSON.' }]
      : [];
  }
  // A request need not carry a required property the schema marks `readOnly` (the API sets it).
  const { findings } = valueConformance(connector, schema, value, { request: true });
  return findings
    .filter((f) => f.severity === 'warning')
    .map((f) => ({ at: `body${f.at}`, message: f.message }));
}

/**
 * The fields of a URL-encoded or multipart body (read by the platform's own `Response.formData`);
 * undefined for other bodies, empty for one that cannot be read as its content type says.
 */
export async function formFields(
  contentType: string | undefined,
  bytes: Uint8Array | undefined,
): Promise<ReadonlyMap<string, string> | undefined> {
  if (!bytes || !/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(contentType ?? ''))
    return undefined;
  try {
    const data = await new Response(bytes, { headers: { 'content-type': contentType as string } }).formData();
    const out = new Map<string, string>();
    for (const [name, value] of data)
      if (!out.has(name)) out.set(name, typeof value === 'string' ? value : 'file');
    return out;
  } catch {
    return new Map();
  }
}
