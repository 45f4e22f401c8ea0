import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BackendHeaders } from './backend-headers.ts';

const raw = {
  'content-type': 'application/json',
  'set-cookie': ['a=1', 'b=2'],
  'content-encoding': 'gzip',
  'x-broken': 'a\0b',
};

/** What each read gives on a lazily filled copy and on a `Headers` filled at once. */
const reads: [string, (h: Headers) => unknown][] = [
  ['get', (h) => h.get('Content-Type')],
  ['has', (h) => h.has('set-cookie')],
  ['getSetCookie', (h) => h.getSetCookie()],
  ['iteration', (h) => [...h]],
  ['entries', (h) => [...h.entries()]],
  ['keys', (h) => [...h.keys()]],
  ['values', (h) => [...h.values()]],
  [
    'forEach',
    (h) => {
      const seen: string[] = [];
      h.forEach((value, name) => {
        seen.push(`${name}=${value}`);
      });
      return seen;
    },
  ],
  ['a copy', (h) => [...new Headers(h)]],
  ['a Response', (h) => [...new Response(null, { headers: h }).headers]],
  ['inspect', (h) => inspect(h)],
];

function eager(): Headers {
  const headers = new Headers();
  headers.append('content-type', 'application/json');
  headers.append('set-cookie', 'a=1');
  headers.append('set-cookie', 'b=2');
  headers.append('content-encoding', 'gzip');
  return headers;
}

describe('BackendHeaders', () => {
  it.each(reads)('gives the same %s as headers filled at once', (_, read) => {
    expect(read(new BackendHeaders(raw))).toEqual(read(eager()));
  });

  it('is a `Headers`', () => {
    expect(new BackendHeaders(raw)).toBeInstanceOf(Headers);
  });

  it('keeps the backend headers under changes made before any read', () => {
    const headers = new BackendHeaders(raw);
    headers.set('x-added', '1');
    headers.delete('content-encoding');
    headers.append('set-cookie', 'c=3');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('x-added')).toBe('1');
    expect(headers.has('content-encoding')).toBe(false);
    expect(headers.getSetCookie()).toEqual(['a=1', 'b=2', 'c=3']);
  });

  it('leaves out the names it is told to drop', () => {
    const headers = new BackendHeaders(raw, ['content-encoding', 'content-length']);
    expect(headers.has('content-encoding')).toBe(false);
    expect(headers.get('content-type')).toBe('application/json');
  });

  it('drops a value `Headers` refuses and keeps the others', () => {
    const headers = new BackendHeaders(raw);
    expect(headers.has('x-broken')).toBe(false);
    expect([...headers.keys()]).toEqual(['content-encoding', 'content-type', 'set-cookie', 'set-cookie']);
  });
});
