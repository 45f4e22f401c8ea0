import { type JsonValue, own, ownBoolean, ownString } from '../../connector/json.ts';
import type { Connector, Operation, Parameter } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { Arguments, ArgumentValue, RequestBody, RuntimeRequest } from '../types.ts';
import { acceptFor } from './accept.ts';
import { matchArguments, NOT_GIVEN } from './arguments.ts';
import { baseUrlOf, overrideBaseUrl } from './base-url.ts';
import { type BuiltBody, bodyFromFormData, bodyFromParameter } from './body.ts';
import { coerceValue, enumWarning, isFileValue, type ValueSpec } from './coerce.ts';
import type { MissingProperty } from './fill-body.ts';
import { assertNoDotSegment, encodePathValue, type PathEncodingMode } from './path-encoding.ts';
import { collectionTexts } from './serialize-value.ts';

export interface BuildOptions {
  /** Replaces `scheme://host/basePath` of the swagger (`--base-url`); validated by `overrideBaseUrl`. */
  readonly baseUrl?: string;
  /** How `x-ms-url-encoding` is applied; default `gateway` (docs/runtime/requests.md). */
  readonly pathEncoding?: PathEncodingMode;
}

export interface BuiltRequest {
  readonly request: RuntimeRequest;
  /** Path parameter values as text, unencoded, for policy `{name}` placeholders. */
  readonly pathValues: Record<string, string>;
  /** Non-fatal problems: values outside `enum`, internal parameters whose caller value was replaced. */
  readonly warnings: string[];
}

/**
 * Builds the backend request of `operation` from caller arguments (runtime spec §3): defaults and
 * internal parameters per §3.2, values checked and coerced to their types, path values encoded per
 * `x-ms-url-encoding`, query arrays per `collectionFormat`, the body by its content type. Pure.
 * Throws `PARAMETER_REQUIRED`, `PARAMETER_INVALID` or `REQUEST_UNSAFE`.
 *
 * @example
 * const { request } = buildRequest(connector, connector.operation('GetTask')!, { taskId: '42' });
 */
export function buildRequest(
  connector: Connector,
  operation: Operation,
  args: Arguments,
  options: BuildOptions = {},
): BuiltRequest {
  const plan = planOf(operation);
  const { parameters } = plan;
  const given = matchArguments(operation, parameters, args);
  const warnings: string[] = [];
  const missing: MissingProperty[] = [];
  const mode = options.pathEncoding ?? 'gateway';
  const headers = new Headers();
  const query = new URLSearchParams();
  const pathValues: Record<string, string> = {};
  const encoded = new Map<string, string>();
  const formData: Array<readonly [Parameter, ArgumentValue]> = [];
  let bodyParameter: Parameter | undefined;
  let bodyValue: ArgumentValue | undefined;
  let headerContentType: string | undefined;
  let acceptGiven = false;

  for (let i = 0; i < plan.steps.length; i++) {
    const { parameter, location, where, spec } = plan.steps[i] as ParameterStep;
    const argument = given[i];
    const value = chooseValue(
      operation,
      parameter,
      location === 'path',
      argument === NOT_GIVEN ? undefined : argument,
      warnings,
    );
    if (location === 'body') {
      bodyParameter = parameter;
      bodyValue = value;
      continue;
    }
    if (value === undefined) {
      if (parameter.required || location === 'path')
        missing.push({ path: parameter.name, summary: parameter.summary });
      continue;
    }
    const coerced = coerceValue(value, spec, where);
    if (isFileValue(coerced)) {
      if (location === 'formdata') formData.push([parameter, coerced]);
      else throw new FlowportError('PARAMETER_INVALID', `${where} cannot take a file; pass text.`);
      continue;
    }
    const warning = enumWarning(coerced, Array.isArray(coerced) ? itemsOf(parameter) : parameter.raw, where);
    if (warning) warnings.push(warning);
    switch (location) {
      case 'path': {
        const text =
          typeof coerced === 'string'
            ? coerced
            : collectionTexts(coerced, singleText(parameter.collectionFormat)).join(',');
        if (text === '')
          throw new FlowportError('PARAMETER_INVALID', `${where} is empty; a path parameter needs a value.`);
        const segment = encodeOrFail(text, parameter.urlEncoding, mode, where);
        assertNoDotSegment(segment, where);
        pathValues[parameter.name] = text;
        encoded.set(parameter.name, segment);
        break;
      }
      case 'query':
        if (typeof coerced === 'string' && coerced !== '') query.append(parameter.name, coerced);
        else for (const text of queryTexts(coerced, parameter, where)) query.append(parameter.name, text);
        break;
      case 'header': {
        const text =
          typeof coerced === 'string'
            ? coerced
            : collectionTexts(coerced, singleText(parameter.collectionFormat)).join(',');
        setHeader(headers, parameter.name, text, where);
        const name = parameter.name.toLowerCase();
        if (name === 'content-type') headerContentType = headers.get('content-type') ?? text;
        else if (name === 'accept') acceptGiven = true;
        break;
      }
      case 'formdata':
        formData.push([parameter, coerced]);
        break;
      default:
        warnings.push(`${where} has an unknown location \`${parameter.in}\` and is not sent.`);
    }
  }

  let built: BuiltBody | undefined;
  if (bodyParameter) {
    built = bodyFromParameter(connector, operation, bodyParameter, bodyValue, headerContentType);
    if (formData.length > 0)
      warnings.push(
        `Operation \`${operation.label}\` has a body parameter, so its \`formData\` values are not sent.`,
      );
  } else built = bodyFromFormData(operation, formData, headerContentType);
  if (built.missing.length > 0) missing.push(...built.missing);
  if (built.warnings.length > 0) warnings.push(...built.warnings);
  if (missing.length > 0) throw requiredError(operation, missing);

  const path = substitute(operation, plan.path, encoded, warnings);
  if (built.contentType !== undefined && built.body.kind !== 'none' && !headers.has('content-type'))
    setHeader(
      headers,
      'Content-Type',
      built.contentType,
      `The content type of operation \`${operation.label}\``,
    );
  const accept = plan.accept;
  if (accept !== undefined && !acceptGiven) headers.set('Accept', accept);

  const body: RequestBody = built.body;
  const request: RuntimeRequest = {
    method: plan.method,
    baseUrl: options.baseUrl !== undefined ? cachedOverride(options.baseUrl) : cachedBase(connector),
    path,
    query,
    headers,
    body,
  };
  return { request, pathValues, warnings };
}

/** Runtime spec §3.2: caller value, internal-required default, required default, else nothing. */
function chooseValue(
  operation: Operation,
  parameter: Parameter,
  inPath: boolean,
  value: ArgumentValue | undefined,
  warnings: string[],
): ArgumentValue | undefined {
  const given = value === null ? undefined : value;
  const required = parameter.required || inPath;
  if (parameter.visibility === 'internal' && required && parameter.default !== undefined) {
    if (given !== undefined && JSON.stringify(given) !== JSON.stringify(parameter.default))
      warnings.push(
        `Parameter \`${parameter.name}\` of operation \`${operation.label}\` is internal and required, so its default \`${JSON.stringify(parameter.default)}\` is sent instead of the value given.`,
      );
    return parameter.default;
  }
  if (given !== undefined) return given;
  if (required && parameter.default !== undefined) return parameter.default;
  return undefined;
}

function specOf(parameter: Parameter): ValueSpec {
  return {
    type: parameter.type ?? ownString(parameter.schema, 'type'),
    format: parameter.format ?? ownString(parameter.schema, 'format'),
    items: itemsOf(parameter),
    collectionFormat: parameter.collectionFormat,
  };
}

function itemsOf(parameter: Parameter): JsonValue | undefined {
  return own(parameter.raw, 'items') ?? own(parameter.schema, 'items');
}

/** `multi` only means something in a query or form; elsewhere a list is sent comma-separated. */
function singleText(collectionFormat: string | undefined): string | undefined {
  return collectionFormat?.trim().toLowerCase() === 'multi' ? 'csv' : collectionFormat;
}

function queryTexts(value: JsonValue, parameter: Parameter, where: string): string[] {
  if (Array.isArray(value) && value.length === 0) return [];
  const texts = collectionTexts(value, parameter.collectionFormat);
  if (texts.every((t) => t !== '') || ownBoolean(parameter.raw, 'allowEmptyValue') === true) return texts;
  // Swagger 2.0: without `allowEmptyValue` an empty query value is not a value.
  if (parameter.required)
    throw new FlowportError(
      'PARAMETER_INVALID',
      `${where} is empty and the parameter does not set \`allowEmptyValue\`; pass a value.`,
    );
  return texts.filter((t) => t !== '');
}

function encodeOrFail(
  text: string,
  encoding: string | undefined,
  mode: PathEncodingMode,
  where: string,
): string {
  try {
    return encodePathValue(text, encoding, mode);
  } catch {
    throw new FlowportError('PARAMETER_INVALID', `${where} is not valid Unicode text (a lone surrogate).`);
  }
}

function setHeader(headers: Headers, name: string, value: string, where: string): void {
  // Fetch strips leading and trailing HTTP whitespace (CR and LF included) from header values, so only
  // a break inside the value could start another header.
  const text = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  if (/[\r\n\0]/.test(text))
    throw new FlowportError(
      'REQUEST_UNSAFE',
      `${where} contains a line break or NUL, which could inject another header; pass a single-line value.`,
    );
  try {
    headers.set(name, text);
  } catch {
    throw new FlowportError(
      'PARAMETER_INVALID',
      /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)
        ? `${where} has characters an HTTP header cannot carry (only Latin-1 text is allowed).`
        : `${where} is not a valid HTTP header name; rename it in the swagger.`,
    );
  }
}

/** The operation path split at its `{name}` placeholders: literal text at even indexes, names at odd. */
function pathPieces(path: string): readonly string[] {
  return path.split(/\{([^{}]+)\}/);
}

function substitute(
  operation: Operation,
  pieces: readonly string[],
  encoded: ReadonlyMap<string, string>,
  warnings: string[],
): string {
  let path = '';
  let used = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    if (i % 2 === 0) {
      path += piece;
      continue;
    }
    const value = encoded.get(piece);
    if (value === undefined) path += `{${piece}}`;
    else {
      path += value;
      used++;
    }
  }
  if (used < encoded.size) {
    const present = new Set(pieces.filter((_, i) => i % 2 === 1));
    for (const name of encoded.keys())
      if (!present.has(name))
        warnings.push(
          `Path parameter \`${name}\` of operation \`${operation.label}\` has no \`{${name}}\` in the path and is not sent.`,
        );
  }
  return path.startsWith('/') ? path : `/${path}`;
}

interface ParameterStep {
  readonly parameter: Parameter;
  /** `in`, lower-cased. */
  readonly location: string;
  /** How messages name the parameter. */
  readonly where: string;
  readonly spec: ValueSpec;
}

/** What building a request needs of an operation that does not change between calls. */
interface OperationPlan {
  readonly parameters: readonly Parameter[];
  readonly steps: readonly ParameterStep[];
  readonly path: readonly string[];
  readonly accept: string | undefined;
  readonly method: string;
}

const plans = new WeakMap<Operation, OperationPlan>();

function planOf(operation: Operation): OperationPlan {
  let plan = plans.get(operation);
  if (!plan) {
    const parameters = withUndeclaredPlaceholders(operation);
    plan = {
      parameters,
      steps: parameters.map((parameter) => {
        const location = parameter.in.toLowerCase();
        return {
          parameter,
          location,
          where: `${capitalise(location)} parameter \`${parameter.name}\` of operation \`${operation.label}\``,
          spec: specOf(parameter),
        };
      }),
      path: pathPieces(operation.path),
      accept: acceptFor(operation.produces),
      method: operation.method.toUpperCase(),
    };
    plans.set(operation, plan);
  }
  return plan;
}

const bases = new WeakMap<Connector, string>();
const overrides = new Map<string, string>();

function cachedBase(connector: Connector): string {
  let base = bases.get(connector);
  if (base === undefined) {
    base = baseUrlOf(connector);
    bases.set(connector, base);
  }
  return base;
}

function cachedOverride(url: string): string {
  let base = overrides.get(url);
  if (base === undefined) {
    base = overrideBaseUrl(url);
    // A handful of base URLs per process; the bound keeps a long-running server from growing it.
    if (overrides.size > 64) overrides.clear();
    overrides.set(url, base);
  }
  return base;
}

/**
 * Path placeholders with no declared parameter (a connector defect the validator reports) become
 * required string parameters, so a caller can still fill them.
 */
function withUndeclaredPlaceholders(operation: Operation): readonly Parameter[] {
  const declared = new Set(operation.parameters.filter((p) => p.in === 'path').map((p) => p.name));
  const extra: Parameter[] = [];
  for (const match of operation.path.matchAll(/\{([^{}]+)\}/g)) {
    const name = match[1] ?? '';
    if (declared.has(name)) continue;
    declared.add(name);
    extra.push({
      name,
      in: 'path',
      required: true,
      type: 'string',
      format: undefined,
      schema: undefined,
      default: undefined,
      summary: undefined,
      description: undefined,
      visibility: 'none',
      urlEncoding: undefined,
      collectionFormat: undefined,
      dynamic: [],
      raw: { name, in: 'path', required: true, type: 'string' },
      pointer: operation.pointer,
      usedAt: operation.pointer,
      ref: undefined,
      level: 'operation',
    });
  }
  return extra.length === 0 ? operation.parameters : [...operation.parameters, ...extra];
}

function requiredError(operation: Operation, missing: readonly MissingProperty[]): FlowportError {
  const names = missing.map((m) => (m.summary ? `\`${m.path}\` (${m.summary})` : `\`${m.path}\``));
  const what = missing.length === 1 ? `a value for ${names[0]}` : `values for ${names.join(', ')}`;
  return new FlowportError(
    'PARAMETER_REQUIRED',
    `Operation \`${operation.label}\` needs ${what}, which ${missing.length === 1 ? 'has' : 'have'} no default; pass ${missing.length === 1 ? 'it' : 'them'} as arguments.`,
  );
}

function capitalise(location: string): string {
  return location === 'formdata' ? 'Form' : location.charAt(0).toUpperCase() + location.slice(1);
}
