import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import type { ResponseBody } from '../types.ts';
import { bodyKind, decodeBody, parseMediaType, preview } from './decode.ts';

const subject = { target: 'GET api.example.com/items', status: 200 };
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseMediaType', () => {
  it.each([
    [null, '', undefined],
    ['application/json', 'application/json', undefined],
    ['Application/JSON; charset=UTF-8', 'application/json', 'utf-8'],
    ['text/plain;charset="ISO-8859-1"', 'text/plain', 'iso-8859-1'],
    ['text/plain; format=flowed; charset=windows-1252', 'text/plain', 'windows-1252'],
  ] as const)('reads %s', (header, essence, charset) => {
    expect(parseMediaType(header)).toEqual({ essence, charset });
  });
});

describe('bodyKind', () => {
  it.each([
    ['application/json', 'json'],
    ['text/json', 'json'],
    ['application/problem+json', 'json'],
    ['application/vnd.api+json', 'json'],
    ['text/plain', 'text'],
    ['text/html', 'text'],
    ['text/csv', 'text'],
    ['application/xml', 'text'],
    ['application/atom+xml', 'text'],
    ['application/x-www-form-urlencoded', 'text'],
    ['application/octet-stream', 'binary'],
    ['image/png', 'binary'],
    ['application/pdf', 'binary'],
    ['', 'binary'],
  ] as const)('presents %s as %s', (essence, kind) => {
    expect(bodyKind(essence)).toBe(kind);
  });
});

describe('decodeBody', () => {
  const cases: [string, Uint8Array, string | null, ResponseBody][] = [
    [
      'JSON',
      utf8('{"a":[1,true,null]}'),
      'application/json',
      { kind: 'json', value: { a: [1, true, null] } },
    ],
    [
      'JSON with a byte-order mark',
      utf8('\uFEFF{"a":1}'),
      'application/json',
      { kind: 'json', value: { a: 1 } },
    ],
    [
      'JSON without charset but non-ASCII',
      utf8('"Zürich"'),
      'application/json',
      { kind: 'json', value: 'Zürich' },
    ],
    ['an empty JSON body as none', new Uint8Array(0), 'application/json', { kind: 'none' }],
    ['an empty text body as none', new Uint8Array(0), 'text/plain', { kind: 'none' }],
    ['UTF-8 text', utf8('héllo'), 'text/plain; charset=utf-8', { kind: 'text', text: 'héllo' }],
    [
      'Latin-1 text',
      Uint8Array.of(0x68, 0xe9),
      'text/plain; charset=iso-8859-1',
      { kind: 'text', text: 'hé' },
    ],
    [
      'UTF-16 JSON',
      Uint8Array.of(0x5b, 0x00, 0x31, 0x00, 0x5d, 0x00),
      'application/json; charset=utf-16le',
      { kind: 'json', value: [1] },
    ],
    ['XML as text', utf8('<a/>'), 'application/xml', { kind: 'text', text: '<a/>' }],
    [
      'bytes as binary',
      Uint8Array.of(0, 1, 2),
      'application/octet-stream',
      { kind: 'binary', bytes: Uint8Array.of(0, 1, 2) },
    ],
    ['a body without content type as binary', utf8('{}'), null, { kind: 'binary', bytes: utf8('{}') }],
    [
      'text in an unknown charset as bytes',
      Uint8Array.of(0x68, 0x69),
      'text/plain; charset=x-made-up',
      { kind: 'binary', bytes: Uint8Array.of(0x68, 0x69) },
    ],
    [
      'JSON in an unknown charset as UTF-8',
      utf8('{"ok":1}'),
      'application/json; charset=x-made-up',
      { kind: 'json', value: { ok: 1 } },
    ],
  ];
  it.each(cases)('decodes %s', (_name, bytes, contentType, expected) => {
    expect(decodeBody(bytes, contentType, subject)).toEqual(expected);
  });

  it('fails a 2xx with invalid JSON, naming the status and a sanitised preview', () => {
    const body = utf8('<html>\n<body>`Oops`\u0007</body></html>');
    let error: unknown;
    try {
      decodeBody(body, 'application/json', subject);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FlowportError);
    const { code, message } = error as FlowportError;
    expect(code).toBe('UPSTREAM_INVALID_RESPONSE');
    expect(message).toContain('answered 200');
    expect(message).toContain('`GET api.example.com/items`');
    expect(message).toContain('<html> <body> Oops </body></html>');
    expect(message).not.toMatch(/\p{Cc}/u);
    expect(message.endsWith('.')).toBe(true);
  });

  it('keeps invalid JSON of an error response as text so the status reaches the caller', () => {
    expect(decodeBody(utf8('Bad Gateway'), 'application/json', { ...subject, status: 502 })).toEqual({
      kind: 'text',
      text: 'Bad Gateway',
    });
  });

  it('preserves `__proto__` keys as data', () => {
    const body = decodeBody(utf8('{"__proto__":{"x":1}}'), 'application/json', subject);
    expect(body.kind).toBe('json');
    const value = (body as { value: object }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });
});

describe('preview', () => {
  it('cuts long text to 60 characters with an ellipsis', () => {
    expect(preview('x'.repeat(500))).toBe(`${'x'.repeat(60)}…`);
  });

  it('keeps short text whole', () => {
    expect(preview('  not json  ')).toBe('not json');
  });
});
