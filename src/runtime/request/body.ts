import { isObject, type JsonValue, own } from '../../connector/json.ts';
import type { Connector, Operation, Parameter } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { ArgumentValue, MultipartPart, RequestBody } from '../types.ts';
import { coerceValue, isFileValue } from './coerce.ts';
import { fillBody, type MissingProperty } from './fill-body.ts';
import { bodyContentType, bodyKindOf } from './media-type.ts';
import { viewSchema } from './schema.ts';
import { collectionTexts, scalarText } from './serialize-value.ts';

/** Content type used when neither the operation nor the document has `consumes` (runtime spec §14.24). */
export const DEFAULT_CONTENT_TYPE = 'application/json';

export interface BuiltBody {
  readonly body: RequestBody;
  /** The `Content-Type` to send; undefined when there is no body. */
  readonly contentType: string | undefined;
  readonly missing: MissingProperty[];
  readonly warnings: string[];
}

const NONE: BuiltBody = { body: { kind: 'none' }, contentType: undefined, missing: [], warnings: [] };
const encoder = new TextEncoder();

/**
 * The body of an `in: body` parameter, serialised by its content type: the `Content-Type` header
 * argument, else the operation's `consumes` (the model falls back to the document's) as
 * {@link bodyContentType} picks it — JSON first, form types last — else `application/json`. A `format: binary` or `type: file` schema, or a file value, is sent as bytes
 * with the declared content type, else the file's, else `application/octet-stream`.
 */
export function bodyFromParameter(
  connector: Connector,
  operation: Operation,
  parameter: Parameter,
  value: ArgumentValue | undefined,
  headerContentType: string | undefined,
): BuiltBody {
  const view = viewSchema(connector, parameter.schema);
  const binary = isFileValue(value) || view?.format === 'binary' || view?.type === 'file';
  const declared = headerContentType ?? bodyContentType(operation.consumes, false) ?? DEFAULT_CONTENT_TYPE;
  const where = `Body parameter \`${parameter.name}\` of operation \`${operation.label}\``;
  if (value === undefined) {
    if (!parameter.required) return NONE;
    // A required body the caller left out may still be made of defaults alone (§3.2, last line).
    const filled =
      view?.type === 'object' ? fillBody(connector, parameter.schema, {}, parameter.name) : undefined;
    const made = filled && filled.missing.length === 0 && isObject(filled.value) ? filled.value : undefined;
    if (!made || Object.keys(made).length === 0)
      return {
        ...NONE,
        missing: filled?.missing.length
          ? filled.missing
          : [{ path: parameter.name, summary: parameter.summary }],
      };
    return {
      body: { kind: 'json', value: made },
      contentType: declared,
      missing: [],
      warnings: filled?.warnings ?? [],
    };
  }
  if (binary) {
    const bytes = isFileValue(value)
      ? value.bytes
      : encoder.encode(typeof value === 'string' ? value : JSON.stringify(value));
    const fileType = isFileValue(value) ? value.contentType : 'application/octet-stream';
    const contentType = headerContentType ?? bodyContentType(operation.consumes, true) ?? fileType;
    return { body: { kind: 'binary', bytes }, contentType, missing: [], warnings: [] };
  }
  const kind = bodyKindOf(declared);
  const coerced = coerceValue(value, { type: view?.type, format: view?.format, items: view?.items }, where);
  const json: JsonValue = isFileValue(coerced) ? null : coerced;
  const filled =
    kind === 'json' || kind === 'form' || kind === 'multipart'
      ? fillBody(connector, parameter.schema, json, parameter.name)
      : { value: json, missing: [], warnings: [] };
  const base = { contentType: declared, missing: filled.missing, warnings: filled.warnings };
  switch (kind) {
    case 'json':
      return { ...base, body: { kind: 'json', value: filled.value } };
    case 'form':
      return { ...base, body: { kind: 'form', fields: objectFields(filled.value, where) } };
    case 'multipart':
      return {
        ...base,
        body: {
          kind: 'multipart',
          parts: objectFields(filled.value, where).map(([name, v]) => ({ name, value: v })),
        },
      };
    case 'text':
      return {
        ...base,
        body: { kind: 'text', text: typeof json === 'string' ? json : JSON.stringify(json) },
      };
    default:
      return {
        ...base,
        body: {
          kind: 'binary',
          bytes: encoder.encode(typeof json === 'string' ? json : JSON.stringify(json)),
        },
      };
  }
}

/**
 * The body made of `in: formData` parameters: multipart when the operation consumes
 * `multipart/form-data` or a file is passed, else `application/x-www-form-urlencoded`.
 */
export function bodyFromFormData(
  operation: Operation,
  values: ReadonlyArray<readonly [Parameter, ArgumentValue]>,
  headerContentType: string | undefined,
): BuiltBody {
  if (values.length === 0) return NONE;
  const types = [headerContentType, ...operation.consumes].filter((t): t is string => t !== undefined);
  const multipart =
    values.some(([, v]) => isFileValue(v)) || types.some((t) => bodyKindOf(t) === 'multipart');
  const parts: MultipartPart[] = [];
  for (const [parameter, value] of values) {
    if (isFileValue(value)) parts.push({ name: parameter.name, value });
    else
      for (const text of collectionTexts(value, parameter.collectionFormat))
        parts.push({ name: parameter.name, value: text });
  }
  if (multipart) {
    const contentType = types.find((t) => bodyKindOf(t) === 'multipart') ?? 'multipart/form-data';
    return { body: { kind: 'multipart', parts }, contentType, missing: [], warnings: [] };
  }
  const fields = parts.flatMap(
    (p): Array<[string, string]> => (typeof p.value === 'string' ? [[p.name, p.value]] : []),
  );
  return {
    body: { kind: 'form', fields },
    contentType: 'application/x-www-form-urlencoded',
    missing: [],
    warnings: [],
  };
}

/**
 * Fields of an object body for form and multipart encodings; arrays repeat the key. A list of
 * `{ key, value }` (or `{ name, value }`) objects, as some connectors declare form bodies, is a field list.
 */
function isField(item: JsonValue): boolean {
  return isObject(item) && (typeof own(item, 'key') === 'string' || typeof own(item, 'name') === 'string');
}

function objectFields(value: JsonValue, where: string): Array<[string, string]> {
  if (typeof value === 'string') return [...new URLSearchParams(value)];
  if (Array.isArray(value) && value.every(isField))
    return value.map((f) => [
      scalarText(own(f, 'key') ?? own(f, 'name') ?? ''),
      scalarText(own(f, 'value') ?? ''),
    ]);
  if (!isObject(value))
    throw new FlowportError('PARAMETER_INVALID', `${where} must be an object of fields for a form body.`);
  const fields: Array<[string, string]> = [];
  for (const [name, item] of Object.entries(value)) {
    if (Array.isArray(item)) for (const v of item) fields.push([name, scalarText(v)]);
    else fields.push([name, scalarText(item)]);
  }
  return fields;
}
