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
