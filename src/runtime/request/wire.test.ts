import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import type { RequestBody, RuntimeRequest } from '../types.ts';
import { toWireRequest } from './wire.ts';

function request(over: Partial<RuntimeRequest> = {}): RuntimeRequest {
  return {
    method: 'post',
    baseUrl: 'https://api.example.com/v1',
    path: '/items',
    query: new URLSearchParams(),
    headers: new Headers(),
    body: { kind: 'none' },
    ...over,
  };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof FlowportError) return error.code;
    throw error;
  }
  return undefined;
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('toWireRequest: URL', () => {
  const cases: Array<{ name: string; over: Partial<RuntimeRequest>; url: string }> = [
    {
      name: 'joins base, path and query',
      over: {
        query: new URLSearchParams([
          ['q', 'a b'],
          ['n', '1'],
        ]),
      },
      url: 'https://api.example.com/v1/items?q=a%20b&n=1',
    },
    {
      name: 'encodes reserved characters once',
      over: { query: new URLSearchParams([['f', 'a&b=c/d?+']]) },
      url: 'https://api.example.com/v1/items?f=a%26b%3Dc%2Fd%3F%2B',
    },
    {
      name: 'repeats keys given several times',
      over: {
        query: new URLSearchParams([
          ['t', 'a'],
          ['t', 'b'],
        ]),
      },
      url: 'https://api.example.com/v1/items?t=a&t=b',
    },
    {
      name: 'keeps empty values',
      over: { query: new URLSearchParams([['e', '']]) },
      url: 'https://api.example.com/v1/items?e=',
    },
    {
      name: 'uses `absoluteUrl` verbatim',
      over: { absoluteUrl: 'https://api.example.com/next?page=2', query: new URLSearchParams([['x', '1']]) },
      url: 'https://api.example.com/next?page=2',
    },
    {
      name: 'keeps an encoded slash',
      over: { path: '/items/a%2Fb' },
      url: 'https://api.example.com/v1/items/a%2Fb',
    },
  ];
  it.each(cases)('$name', ({ over, url }) => {
    expect(toWireRequest(request(over)).url).toBe(url);
  });

  const unsafe: Array<{ name: string; over: Partial<RuntimeRequest>; code: string }> = [
    { name: 'a `..` path segment', over: { path: '/items/../admin' }, code: 'REQUEST_UNSAFE' },
    { name: 'a `%2e%2e` path segment', over: { path: '/items/%2e%2e/admin' }, code: 'REQUEST_UNSAFE' },
    {
      name: 'a double-encoded `..` segment',
      over: { path: '/items/%252e%252e/admin' },
      code: 'REQUEST_UNSAFE',
    },
    { name: 'a `.` segment', over: { path: '/items/./x' }, code: 'REQUEST_UNSAFE' },
    {
      name: 'an encoded slash hiding `..`',
      over: { path: '/items/a%2F..%2F..%2Fadmin' },
      code: 'REQUEST_UNSAFE',
    },
    { name: 'a backslash', over: { path: '/items\\..\\admin' }, code: 'REQUEST_UNSAFE' },
    {
      name: 'credentials in the URL',
      over: { absoluteUrl: 'https://user:pw@api.example.com/x' },
      code: 'REQUEST_UNSAFE',
    },
    {
      name: 'an `@` in the authority',
      over: { baseUrl: 'https://api.example.com@evil.com' },
      code: 'REQUEST_UNSAFE',
    },
    {
      name: 'a scheme other than http(s)',
      over: { absoluteUrl: 'file:///etc/passwd' },
      code: 'REQUEST_UNSAFE',
    },
    { name: 'a `javascript:` URL', over: { absoluteUrl: 'javascript:alert(1)' }, code: 'REQUEST_UNSAFE' },
    { name: 'a relative URL', over: { baseUrl: '', path: '//evil.com/x' }, code: 'REQUEST_UNSAFE' },
    {
      name: 'a newline in the URL',
      over: { absoluteUrl: 'https://api.example.com/a\nb' },
      code: 'REQUEST_UNSAFE',
    },
  ];
  it.each(unsafe)('refuses $name', ({ over, code }) => {
    expect(codeOf(() => toWireRequest(request(over)))).toBe(code);
  });

  it('lets `//evil.com` in a path stay on the host', () => {
    expect(new URL(toWireRequest(request({ path: '//evil.com/x' })).url).host).toBe('api.example.com');
  });

  it('lets an `@` in the path stay on the host', () => {
    expect(new URL(toWireRequest(request({ path: '/@evil.com' })).url).host).toBe('api.example.com');
  });
});

describe('toWireRequest: allowed origins', () => {
  const cases: Array<{ name: string; url: string; allowed: string[]; ok: boolean }> = [
    {
      name: 'the same origin is allowed',
      url: 'https://api.example.com/x',
      allowed: ['https://api.example.com'],
      ok: true,
    },
    {
      name: 'the default port is the same origin',
      url: 'https://api.example.com:443/x',
      allowed: ['https://API.example.com/'],
      ok: true,
    },
    {
      name: 'another host is refused',
      url: 'https://evil.com/x',
      allowed: ['https://api.example.com'],
      ok: false,
    },
    {
      name: 'another scheme is refused',
      url: 'http://api.example.com/x',
      allowed: ['https://api.example.com'],
      ok: false,
    },
    {
      name: 'another port is refused',
      url: 'https://api.example.com:8443/x',
      allowed: ['https://api.example.com'],
      ok: false,
    },
    {
      name: 'a lookalike suffix is refused',
      url: 'https://api.example.com.evil.com/x',
      allowed: ['https://api.example.com'],
      ok: false,
    },
  ];
  it.each(cases)('$name', ({ url, allowed, ok }) => {
    const code = codeOf(() => toWireRequest(request({ absoluteUrl: url }), { allowedOrigins: allowed }));
    expect(code).toBe(ok ? undefined : 'UPSTREAM_HOST_REFUSED');
  });
});

describe('toWireRequest: bodies', () => {
  const cases: Array<{ name: string; body: RequestBody; type: string | null; text: string | undefined }> = [
    { name: 'no body has no content type', body: { kind: 'none' }, type: null, text: undefined },
    {
      name: 'JSON',
      body: { kind: 'json', value: { a: [1, 'é'] } },
      type: 'application/json',
      text: '{"a":[1,"é"]}',
    },
    {
      name: 'form fields',
      body: {
        kind: 'form',
        fields: [
          ['a', 'x y'],
          ['b', '&='],
        ],
      },
      type: 'application/x-www-form-urlencoded',
      text: 'a=x+y&b=%26%3D',
    },
    {
      name: 'text as UTF-8',
      body: { kind: 'text', text: 'héllo' },
      type: 'text/plain; charset=utf-8',
      text: 'héllo',
    },
    {
      name: 'binary as is',
      body: { kind: 'binary', bytes: new TextEncoder().encode('raw') },
      type: 'application/octet-stream',
      text: 'raw',
    },
  ];
  it.each(cases)('$name', ({ body, type, text: expected }) => {
    const wire = toWireRequest(request({ body }));
    expect(wire.headers.get('content-type')).toBe(type);
    expect(wire.body === undefined ? undefined : text(wire.body)).toBe(expected);
  });

  it('keeps a content type already set', () => {
    const wire = toWireRequest(
      request({
        headers: new Headers({ 'content-type': 'application/vnd.a+json' }),
        body: { kind: 'json', value: 1 },
      }),
    );
    expect(wire.headers.get('content-type')).toBe('application/vnd.a+json');
  });

  it('does not change the request headers it was given', () => {
    const headers = new Headers();
    toWireRequest(request({ headers, body: { kind: 'json', value: 1 } }));
    expect(headers.has('content-type')).toBe(false);
  });

  it('encodes multipart with the boundary it announces', () => {
    const file = {
      kind: 'file' as const,
      name: 'a.txt',
      contentType: 'text/plain',
      bytes: new TextEncoder().encode('hi'),
    };
    const wire = toWireRequest(
      request({
        headers: new Headers({ 'content-type': 'multipart/form-data' }),
        body: {
          kind: 'multipart',
          parts: [
            { name: 'n', value: 'v' },
            { name: 'f', value: file },
          ],
        },
      }),
    );
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(
      wire.headers.get('content-type') ?? '',
    )?.[1];
    expect(boundary).toMatch(/^flowport-[0-9a-f]{24}$/);
    expect(text(wire.body)).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="n"\r\n\r\nv\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhi\r\n` +
        `--${boundary}--\r\n`,
    );
  });

  it('produces multipart that a standard parser reads back', async () => {
    const file = {
      kind: 'file' as const,
      name: 'q"x.bin',
      contentType: 'application/octet-stream',
      bytes: new Uint8Array([0, 255, 13, 10]),
    };
    const wire = toWireRequest(
      request({
        body: {
          kind: 'multipart',
          parts: [
            { name: 'note', value: 'line1\r\nline2' },
            { name: 'file', value: file },
          ],
        },
      }),
    );
    const form = await new Response(wire.body, {
      headers: { 'content-type': wire.headers.get('content-type') ?? '' },
    }).formData();
    expect(form.get('note')).toBe('line1\r\nline2');
    const got = form.get('file');
    expect(got).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (got as Blob).arrayBuffer())).toEqual(new Uint8Array([0, 255, 13, 10]));
  });
});

describe('the URL fast path', () => {
  // A base already in the URL parser's form takes the fast path; the same base written otherwise
  // (upper-case host) takes the full parse. Both must give the same URL or both refuse.
  const fast = 'https://api.example.com/v1';
  const slow = 'https://API.example.com/v1';
  const segment = fc.oneof(
    fc.string().map((s) => encodeURIComponent(s)),
    fc.string({
      unit: fc.constantFrom(
        'a',
        '.',
        '%',
        '2',
        'e',
        "'",
        '{',
        '}',
        '|',
        '^',
        '"',
        '<',
        '>',
        ' ',
        '\\',
        '/',
        '~',
        '@',
      ),
    }),
  );
  const outcome = (baseUrl: string, path: string, query: [string, string][]) => {
    const request = {
      method: 'GET',
      baseUrl,
      path,
      query: new URLSearchParams(query),
      headers: new Headers(),
      body: { kind: 'none' as const },
    };
    try {
      return toWireRequest(request, { allowedOrigins: ['https://api.example.com'] }).url;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };
  it('gives what a full parse gives, for any path and query', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 4 }),
        fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 3 }),
        (segments, query) => {
          const path = `/${segments.join('/')}`;
          expect(outcome(fast, path, query)).toBe(outcome(slow, path, query));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
