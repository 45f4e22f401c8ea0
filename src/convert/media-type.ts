/** Media types, ranked by how well a connector handles them. */

export function isJson(mediaType: string): boolean {
  const m = mediaType.toLowerCase().split(';')[0]?.trim() ?? '';
  return m === 'application/json' || m.endsWith('+json') || m === '*/*' || m === 'text/json';
}

export function isForm(mediaType: string): boolean {
  const m = mediaType.toLowerCase();
  return m.startsWith('multipart/form-data') || m.startsWith('application/x-www-form-urlencoded');
}

/** Lower is better: JSON, then forms, then text, then anything else. */
export function rank(mediaType: string): number {
  const m = mediaType.toLowerCase();
  if (m.startsWith('application/json')) return 0;
  if (isJson(m)) return 1;
  if (m.startsWith('multipart/form-data')) return 2;
  if (m.startsWith('application/x-www-form-urlencoded')) return 3;
  if (m.startsWith('text/plain')) return 4;
  if (m.includes('xml')) return 6;
  return 5;
}

/** The best media type of a `content` map, or undefined when it is empty. */
export function preferred(mediaTypes: readonly string[]): string | undefined {
  return [...mediaTypes].sort((a, b) => rank(a) - rank(b))[0];
}

/** A media type as Swagger 2.0 `consumes`/`produces` may list it (`*​/*` means JSON to a connector). */
export function listed(mediaType: string): string {
  const m = mediaType.split(';')[0]?.trim() ?? mediaType;
  return m === '*/*' || !/^[\w.+-]+\/[\w.+*-]+$/.test(m) ? 'application/json' : m;
}
