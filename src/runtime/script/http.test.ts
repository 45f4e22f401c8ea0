import { describe, expect, it } from 'vitest';
import type { RuntimeResponse } from '../types.ts';
import { runtimeResponseOf, scriptRequestOf, scriptResponseOf, wireRequestOf } from './http.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('runtimeResponseOf', () => {
  it.each([
    [
      'JSON by `application/json`',
      'application/json; charset=utf-8',
      '{"a":[1]}',
      { kind: 'json', value: { a: [1] } },
    ],
    [
      'JSON by a `+json` suffix',
      'application/problem+json',
      '{"title":"x"}',
      { kind: 'json', value: { title: 'x' } },
    ],
    ['invalid JSON as text', 'application/json', '{oops', { kind: 'text', text: '{oops' }],
    ['CSV as text', 'text/csv', 'a,b', { kind: 'text', text: 'a,b' }],
    ['XML as text', 'application/xml', '<a/>', { kind: 'text', text: '<a/>' }],
    ['an unknown type as bytes', 'application/pdf', '%PDF', { kind: 'binary', bytes: bytes('%PDF') }],
    ['a missing type as bytes', undefined, 'x', { kind: 'binary', bytes: bytes('x') }],
    ['an empty body as none', 'application/json', '', { kind: 'none' }],
  ])('decodes %s', (_name, contentType, body, expected) => {
    const headers: [string, string][] = contentType ? [['content-type', contentType]] : [];
    expect(runtimeResponseOf({ status: 200, headers, body: bytes(body) }).body).toEqual(expected);
  });
});

describe('scriptResponseOf', () => {
  it.each([
    ['JSON, adding a content type', { kind: 'json', value: { a: 1 } }, '{"a":1}', 'application/json'],
    ['text', { kind: 'text', text: 'hi' }, 'hi', null],
    ['bytes', { kind: 'binary', bytes: bytes('raw') }, 'raw', null],
  ] as const)('serialises %s', (_name, body, text, contentType) => {
    const response: RuntimeResponse = { status: 200, headers: new Headers(), body };
    const plain = scriptResponseOf(response);
    expect(new TextDecoder().decode(plain.body as Uint8Array)).toBe(text);
    expect(new Headers(plain.headers.map(([n, v]): [string, string] => [n, v])).get('content-type')).toBe(
      contentType,
    );
  });

  it('gives no body for `none`', () => {
    expect(
      scriptResponseOf({ status: 204, headers: new Headers(), body: { kind: 'none' } }).body,
    ).toBeUndefined();
  });
});

describe('wire requests', () => {
  it('round-trips method, URL, headers and body, encoding a string body as UTF-8', () => {
    const plain = scriptRequestOf({
      method: 'POST',
      url: 'https://api.parcel.example/a?b=1',
      headers: new Headers({ 'X-Key': 'v' }),
      body: bytes('é'),
    });
    expect(plain).toEqual({
      method: 'POST',
      url: 'https://api.parcel.example/a?b=1',
      headers: [['x-key', 'v']],
      body: bytes('é'),
    });
    const wire = wireRequestOf({ ...plain, method: 'patch', body: 'é' });
    expect(wire.method).toBe('PATCH');
    expect(wire.headers.get('x-key')).toBe('v');
    expect(wire.body).toEqual(bytes('é'));
  });
});
