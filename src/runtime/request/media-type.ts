import type { RequestBody } from '../types.ts';

/** The media type without parameters, lower-cased: `Application/JSON; charset=utf-8` → `application/json`. */
export function essence(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Which {@link RequestBody} kind a content type is serialised as. */
export function bodyKindOf(contentType: string): Exclude<RequestBody['kind'], 'none'> {
  const type = essence(contentType);
  if (type === 'application/json' || type === 'text/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('multipart/')) return 'multipart';
  if (type.startsWith('text/') || type === 'application/xml' || type.endsWith('+xml')) return 'text';
  return 'binary';
}

/** True for JSON media types (`application/json`, `text/json`, `…+json`). */
export function isJsonType(contentType: string): boolean {
  return bodyKindOf(contentType) === 'json';
}

/** `application/x-www-form-urlencoded` and `multipart/*`: the types of `formData` parameters. */
export function isFormType(contentType: string): boolean {
  const kind = bodyKindOf(contentType);
  return kind === 'form' || kind === 'multipart';
}

/**
 * The content type of an `in: body` parameter among the operation's `consumes`: for a structured body
 * the first JSON type, else the first type that is not a form type, else the first; for bytes
 * (`format: binary`, `type: file`) the first type that is not a form type, else the first. Swagger 2.0
 * gives form types to `formData` parameters, so `consumes: [multipart/form-data, application/json]`
 * with a body parameter means JSON. Undefined when `consumes` is empty.
 *
 * @example
 * bodyContentType(['multipart/form-data', 'application/json'], false); // 'application/json'
 */
export function bodyContentType(consumes: readonly string[], binary: boolean): string | undefined {
  const types = consumes.filter((t) => t.trim() !== '');
  return (binary ? undefined : types.find(isJsonType)) ?? types.find((t) => !isFormType(t)) ?? types[0];
}
