/** RFC 6901 JSON pointers, as Microsoft's validator prints them in `ValuePath`. */

// The fast paths matter: the engine escapes and unescapes every segment of every finding's pointer.
export function escapeSegment(segment: string | number): string {
  const s = String(segment);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

export function unescapeSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

/** Joins segments onto a pointer: `join('/paths', '/pets', 'get')` → `/paths/~1pets/get`. */
export function join(base: string, ...segments: (string | number)[]): string {
  let out = base;
  for (const s of segments) out += `/${escapeSegment(s)}`;
  return out;
}

export function split(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** Local `$ref` (`#/definitions/Pet`) → pointer (`/definitions/Pet`); undefined when not local. */
export function refToPointer(ref: string): string | undefined {
  if (!ref.startsWith('#')) return undefined;
  const p = ref.slice(1);
  if (p !== '' && !p.startsWith('/')) return undefined;
  try {
    return p.includes('%') ? decodeURIComponent(p) : p;
  } catch {
    return p;
  }
}
