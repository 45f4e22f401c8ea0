import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../connector/json.ts';
import { connectorFromFiles } from '../../connector/load.ts';
import { FlowportError } from '../../errors.ts';
import type { Arguments } from '../types.ts';
import { buildRequest } from './build.ts';

const encoder = new TextEncoder();

/** A connector with one operation `Op` at `path` (method `post`), plus extra swagger keys. */
function op(operation: JsonObject, path = '/items', extra: JsonObject = {}) {
  const swagger = {
    swagger: '2.0',
    info: { title: 'Test', version: '1' },
    host: 'api.example.com',
    basePath: '/v1',
    schemes: ['https'],
    paths: {
      [path]: { post: { operationId: 'Op', responses: { '200': { description: 'OK' } }, ...operation } },
    },
    ...extra,
  };
  const connector = connectorFromFiles([
    { name: 'apiDefinition.swagger.json', bytes: encoder.encode(JSON.stringify(swagger)) },
  ]);
  const operationModel = connector.operation('Op');
  if (!operationModel) throw new Error('fixture has no operation');
  return (args: Arguments, options = {}) => buildRequest(connector, operationModel, args, options);
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

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '';
}

const q = (name: string, more: JsonObject = {}): JsonObject => ({
  name,
  in: 'query',
  type: 'string',
  ...more,
});

describe('buildRequest: which value a parameter gets (runtime spec §3.2)', () => {
  const cases: Array<{
    name: string;
    parameter: JsonObject;
    args: Arguments;
    sent: string | null;
    warns?: boolean;
  }> = [
    { name: 'a caller value is used', parameter: q('a'), args: { a: 'x' }, sent: 'x' },
    {
      name: 'an optional parameter without value is omitted',
      parameter: q('a', { default: 'd' }),
      args: {},
      sent: null,
    },
    {
      name: 'a required parameter with a default gets it',
      parameter: q('a', { required: true, default: 'd' }),
      args: {},
      sent: 'd',
    },
    {
      name: 'a caller value beats the default of a required parameter',
      parameter: q('a', { required: true, default: 'd' }),
      args: { a: 'x' },
      sent: 'x',
    },
    {
      name: 'an internal required parameter gets its default',
      parameter: q('a', { required: true, default: 'd', 'x-ms-visibility': 'internal' }),
      args: {},
      sent: 'd',
    },
    {
      name: 'an internal required parameter keeps its default against a caller value, with a warning',
      parameter: q('a', { required: true, default: 'd', 'x-ms-visibility': 'internal' }),
      args: { a: 'x' },
      sent: 'd',
      warns: true,
    },
    {
      name: 'an optional internal parameter is omitted even with a default',
      parameter: q('a', { default: 'd', 'x-ms-visibility': 'internal' }),
      args: {},
      sent: null,
    },
    {
      name: 'an optional internal parameter is sent when the caller gives it',
      parameter: q('a', { default: 'd', 'x-ms-visibility': 'internal' }),
      args: { a: 'x' },
      sent: 'x',
    },
    {
      name: 'null counts as no value',
      parameter: q('a', { required: true, default: 'd' }),
      args: { a: null },
      sent: 'd',
    },
  ];
  it.each(cases)('$name', ({ parameter, args, sent, warns }) => {
    const { request, warnings } = op({ parameters: [parameter] })(args);
    expect(request.query.get('a')).toBe(sent);
    expect(warnings.length > 0).toBe(warns === true);
  });

  it('refuses a required parameter without value or default, naming it and its summary', () => {
    const build = op({ parameters: [q('top', { required: true, 'x-ms-summary': 'Top count' })] });
    expect(codeOf(() => build({}))).toBe('PARAMETER_REQUIRED');
    expect(messageOf(() => build({}))).toBe(
      'Operation `Op` needs a value for `top` (Top count), which has no default; pass it as arguments.',
    );
  });

  it('lists every missing value at once', () => {
    const build = op({
      parameters: [q('a', { required: true }), { ...q('b', { required: true }), in: 'header' }],
    });
    expect(messageOf(() => build({}))).toContain('values for `a`, `b`');
  });
});

describe('buildRequest: types', () => {
  const cases: Array<{
    name: string;
    parameter: JsonObject;
    value: Arguments[string];
    sent?: string;
    code?: string;
  }> = [
    {
      name: 'an integer string becomes a number',
      parameter: q('n', { type: 'integer' }),
      value: '42',
      sent: '42',
    },
    {
      name: 'a fractional number is not an integer',
      parameter: q('n', { type: 'integer' }),
      value: 4.5,
      code: 'PARAMETER_INVALID',
    },
    {
      name: 'a word is not an integer',
      parameter: q('n', { type: 'integer' }),
      value: 'forty',
      code: 'PARAMETER_INVALID',
    },
    {
      name: 'a numeric string is a number',
      parameter: q('n', { type: 'number' }),
      value: '1.5',
      sent: '1.5',
    },
    { name: '`TRUE` is a boolean', parameter: q('b', { type: 'boolean' }), value: 'TRUE', sent: 'true' },
    {
      name: '`yes` is not a boolean',
      parameter: q('b', { type: 'boolean' }),
      value: 'yes',
      code: 'PARAMETER_INVALID',
    },
    { name: 'a number given for a string is sent as text', parameter: q('s'), value: 7, sent: '7' },
    { name: 'an object is not a string', parameter: q('s'), value: { a: 1 }, code: 'PARAMETER_INVALID' },
  ];
  it.each(cases)('$name', ({ parameter, value, sent, code }) => {
    const build = op({ parameters: [parameter] });
    const name = String(parameter.name);
    if (code) expect(codeOf(() => build({ [name]: value }))).toBe(code);
    else expect(build({ [name]: value }).request.query.get(name)).toBe(sent);
  });

  it('names the parameter and the expected type', () => {
    const build = op({ parameters: [q('top', { type: 'integer' })] });
    expect(messageOf(() => build({ top: 'ten' }))).toBe(
      'Query parameter `top` of operation `Op` must be an integer, not a string.',
    );
  });

  it('warns about a value outside `enum` but sends it', () => {
    const { request, warnings } = op({ parameters: [q('s', { enum: ['a', 'b'] })] })({ s: 'c' });
    expect(request.query.get('s')).toBe('c');
    expect(warnings).toEqual([
      'Query parameter `s` of operation `Op` has `"c"`, which is not one of `"a"`, `"b"`; the backend may refuse it.',
    ]);
  });
});

describe('buildRequest: path parameters', () => {
  const path = (encoding?: string): JsonObject => ({
    name: 'id',
    in: 'path',
    required: true,
    type: 'string',
    ...(encoding && { 'x-ms-url-encoding': encoding }),
  });
  const cases: Array<{
    name: string;
    encoding?: string;
    value: string;
    mode?: 'literal';
    path?: string;
    code?: string;
  }> = [
    { name: 'single encoding lets `/` through', encoding: 'single', value: 'a b/c', path: '/items/a%20b/c' },
    { name: 'no encoding means single', value: 'a/c?d', path: '/items/a/c%3Fd' },
    {
      name: 'double encoding keeps `/` encoded once',
      encoding: 'double',
      value: 'a b/c',
      path: '/items/a%20b%2Fc',
    },
    {
      name: 'literal single encodes once',
      encoding: 'single',
      value: 'a/c',
      mode: 'literal',
      path: '/items/a%2Fc',
    },
    {
      name: 'literal double encodes twice',
      encoding: 'double',
      value: 'a/c',
      mode: 'literal',
      path: '/items/a%252Fc',
    },
    { name: '`..` is refused', value: '..', code: 'REQUEST_UNSAFE' },
    { name: '`../admin` is refused', value: '../admin', code: 'REQUEST_UNSAFE' },
    { name: '`a/../../b` is refused', value: 'a/../../b', code: 'REQUEST_UNSAFE' },
    { name: '`%2e%2e` is refused', value: '%2e%2e', code: 'REQUEST_UNSAFE' },
    { name: '`.%2E` is refused', value: '.%2E', code: 'REQUEST_UNSAFE' },
    {
      name: 'a double-encoded `a/../b` is refused',
      encoding: 'double',
      value: 'a/../b',
      code: 'REQUEST_UNSAFE',
    },
    { name: '`..\\admin` is refused', value: '..\\admin', code: 'REQUEST_UNSAFE' },
    { name: '`http://evil` stays in the path', value: 'http://evil', path: '/items/http%3A//evil' },
    { name: '`@evil.com` stays in the path', value: '@evil.com', path: '/items/%40evil.com' },
    { name: '`//evil.com` stays in the path', value: '//evil.com', path: '/items///evil.com' },
    { name: 'dots inside a name are fine', value: 'v1..2', path: '/items/v1..2' },
    { name: 'an empty value is refused', value: '', code: 'PARAMETER_INVALID' },
  ];
  it.each(cases)('$name', ({ encoding, value, mode, path: expected, code }) => {
    const build = op({ parameters: [path(encoding)] }, '/items/{id}');
    const options = mode ? { pathEncoding: mode } : {};
    if (code) expect(codeOf(() => build({ id: value }, options))).toBe(code);
    else expect(build({ id: value }, options).request.path).toBe(expected);
  });

  it('returns the unencoded values for policies', () => {
    const { pathValues } = op({ parameters: [path()] }, '/items/{id}')({ id: 'a b' });
    expect(pathValues).toEqual({ id: 'a b' });
  });

  it('requires a path parameter even when the swagger says it is optional', () => {
    const build = op({ parameters: [{ ...path(), required: false }] }, '/items/{id}');
    expect(codeOf(() => build({}))).toBe('PARAMETER_REQUIRED');
  });

  it('lets a caller fill a placeholder the swagger forgot to declare', () => {
    expect(op({}, '/items/{id}')({ id: '7' }).request.path).toBe('/items/7');
    expect(codeOf(() => op({}, '/items/{id}')({}))).toBe('PARAMETER_REQUIRED');
  });
});

describe('buildRequest: query parameters', () => {
  const list = (collectionFormat?: string): JsonObject =>
    q('tags', { type: 'array', items: { type: 'string' }, ...(collectionFormat && { collectionFormat }) });
  const cases: Array<{ name: string; parameter: JsonObject; value: Arguments[string]; query: string[] }> = [
    { name: 'csv is the default', parameter: list(), value: ['a', 'b'], query: ['a,b'] },
    { name: 'ssv joins with spaces', parameter: list('ssv'), value: ['a', 'b'], query: ['a b'] },
    { name: 'tsv joins with tabs', parameter: list('tsv'), value: ['a', 'b'], query: ['a\tb'] },
    { name: 'pipes joins with bars', parameter: list('pipes'), value: ['a', 'b'], query: ['a|b'] },
    { name: 'multi repeats the key', parameter: list('multi'), value: ['a', 'b'], query: ['a', 'b'] },
    {
      name: 'a command-line list is split on commas',
      parameter: list('multi'),
      value: 'a,b',
      query: ['a', 'b'],
    },
    {
      name: 'a command-line list is split on pipes for `pipes`',
      parameter: list('pipes'),
      value: 'a|b',
      query: ['a|b'],
    },
    {
      name: 'a JSON array string is read as JSON',
      parameter: list('multi'),
      value: '["a,b","c"]',
      query: ['a,b', 'c'],
    },
    {
      name: 'integer items are coerced',
      parameter: q('n', { type: 'array', items: { type: 'integer' } }),
      value: '1,2',
      query: ['1,2'],
    },
    { name: 'an empty optional value is dropped', parameter: q('s'), value: '', query: [] },
    {
      name: 'an empty value is sent when `allowEmptyValue`',
      parameter: q('s', { allowEmptyValue: true }),
      value: '',
      query: [''],
    },
  ];
  it.each(cases)('$name', ({ parameter, value, query }) => {
    const name = String(parameter.name);
    expect(op({ parameters: [parameter] })({ [name]: value }).request.query.getAll(name)).toEqual(query);
  });

  it('refuses an empty required value without `allowEmptyValue`', () => {
    expect(codeOf(() => op({ parameters: [q('s', { required: true })] })({ s: '' }))).toBe(
      'PARAMETER_INVALID',
    );
  });

  it('refuses items that are not integers', () => {
    const build = op({ parameters: [q('n', { type: 'array', items: { type: 'integer' } })] });
    expect(messageOf(() => build({ n: '1,x' }))).toBe(
      'Item 1 of query parameter `n` of operation `Op` must be an integer, not a string.',
    );
  });
});

describe('buildRequest: headers', () => {
  const h = (name: string, more: JsonObject = {}): JsonObject => ({
    name,
    in: 'header',
    type: 'string',
    ...more,
  });
  const cases: Array<{ name: string; value: string; sent?: string; code?: string }> = [
    { name: 'a plain value is sent', value: 'abc', sent: 'abc' },
    { name: 'CR LF inside a value is refused', value: 'a\r\nX-Evil: 1', code: 'REQUEST_UNSAFE' },
    { name: 'a bare LF inside a value is refused', value: 'a\nb', code: 'REQUEST_UNSAFE' },
    { name: 'NUL is refused', value: 'a\u0000b', code: 'REQUEST_UNSAFE' },
    { name: 'a trailing CR (fetch strips it) is trimmed', value: 'abc\r', sent: 'abc' },
    { name: 'text beyond Latin-1 is refused', value: 'a€', code: 'PARAMETER_INVALID' },
  ];
  it.each(cases)('$name', ({ value, sent, code }) => {
    const build = op({ parameters: [h('X-Key')] });
    if (code) expect(codeOf(() => build({ 'X-Key': value }))).toBe(code);
    else expect(build({ 'X-Key': value }).request.headers.get('x-key')).toBe(sent);
  });

  it('takes the content type from a `Content-Type` header parameter', () => {
    const build = op({
      consumes: ['application/json'],
      parameters: [
        h('Content-Type', { required: true, default: 'text/plain' }),
        { name: 'body', in: 'body', schema: { type: 'string' } },
      ],
    });
    const { request } = build({ body: 'hello' });
    expect(request.body).toEqual({ kind: 'text', text: 'hello' });
    expect(request.headers.get('content-type')).toBe('text/plain');
  });
});

describe('buildRequest: Accept', () => {
  const cases: Array<{ name: string; produces?: string[]; caller?: string; accept: string | null }> = [
    {
      name: 'a JSON type is preferred',
      produces: ['application/xml', 'application/json'],
      accept: 'application/json',
    },
    {
      name: 'without JSON every declared type is accepted',
      produces: ['text/csv', 'text/plain'],
      accept: 'text/csv, text/plain',
    },
    { name: 'nothing is added without `produces`', accept: null },
    {
      name: 'a caller `Accept` wins',
      produces: ['application/json'],
      caller: 'text/html',
      accept: 'text/html',
    },
  ];
  it.each(cases)('$name', ({ produces, caller, accept }) => {
    const build = op({
      ...(produces && { produces }),
      parameters: [{ name: 'Accept', in: 'header', type: 'string' }],
    });
    expect(build(caller ? { Accept: caller } : {}).request.headers.get('accept')).toBe(accept);
  });
});

describe('buildRequest: bodies', () => {
  const body = (schema: JsonObject, more: JsonObject = {}): JsonObject => ({
    name: 'body',
    in: 'body',
    schema,
    ...more,
  });
  const task = {
    type: 'object',
    required: ['title', 'kind'],
    properties: {
      title: { type: 'string', 'x-ms-summary': 'Title' },
      kind: { type: 'string', default: 'task', 'x-ms-visibility': 'internal' },
      note: { type: 'string', default: 'n' },
    },
  };

  it('sends JSON by default and injects internal required defaults', () => {
    const { request } = op({ parameters: [body(task)] })({ body: { title: 'T' } });
    expect(request.body).toEqual({ kind: 'json', value: { title: 'T', kind: 'task' } });
    expect(request.headers.get('content-type')).toBe('application/json');
  });

  it('resolves `$ref` schemas and names a missing body property', () => {
    const build = op({ parameters: [body({ $ref: '#/definitions/Task' })] }, '/items', {
      definitions: { Task: task },
    });
    expect(messageOf(() => build({ body: { note: 'x' } }))).toBe(
      'Operation `Op` needs a value for `body.title` (Title), which has no default; pass it as arguments.',
    );
  });

  it('parses a JSON string given for an object body', () => {
    const { request } = op({ parameters: [body(task)] })({ body: '{"title":"T"}' });
    expect(request.body).toEqual({ kind: 'json', value: { title: 'T', kind: 'task' } });
  });

  it('makes a required body from defaults alone when it can', () => {
    const schema = {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string', default: 'k', 'x-ms-visibility': 'internal' } },
    };
    expect(op({ parameters: [body(schema, { required: true })] })({}).request.body).toEqual({
      kind: 'json',
      value: { kind: 'k' },
    });
  });

  it('refuses a required body it cannot make', () => {
    expect(codeOf(() => op({ parameters: [body(task, { required: true })] })({}))).toBe('PARAMETER_REQUIRED');
  });

  it('omits an optional body', () => {
    const { request } = op({ parameters: [body(task)] })({});
    expect(request.body).toEqual({ kind: 'none' });
    expect(request.headers.has('content-type')).toBe(false);
  });

  const kinds: Array<{
    name: string;
    consumes?: string[];
    schema: JsonObject;
    value: Arguments[string];
    kind: string;
    type: string;
  }> = [
    {
      name: 'operation `consumes` picks form encoding',
      consumes: ['application/x-www-form-urlencoded'],
      schema: { type: 'object' },
      value: { a: 1, b: ['x', 'y'] },
      kind: 'form',
      type: 'application/x-www-form-urlencoded',
    },
    {
      name: '`text/plain` is text',
      consumes: ['text/plain'],
      schema: { type: 'string' },
      value: 'hi',
      kind: 'text',
      type: 'text/plain',
    },
    {
      name: '`text/xml` is text',
      consumes: ['text/xml'],
      schema: { type: 'string' },
      value: '<a/>',
      kind: 'text',
      type: 'text/xml',
    },
    {
      name: 'a `+json` type is JSON',
      consumes: ['application/json-patch+json'],
      schema: { type: 'array' },
      value: [],
      kind: 'json',
      type: 'application/json-patch+json',
    },
    {
      name: 'octet-stream is binary',
      consumes: ['application/octet-stream'],
      schema: { type: 'string' },
      value: 'raw',
      kind: 'binary',
      type: 'application/octet-stream',
    },
    {
      name: 'a `format: binary` schema is binary with the declared type',
      consumes: ['application/pdf'],
      schema: { type: 'string', format: 'binary' },
      value: 'raw',
      kind: 'binary',
      type: 'application/pdf',
    },
    {
      name: 'multipart from a body object',
      consumes: ['multipart/form-data'],
      schema: { type: 'object' },
      value: { a: 'x' },
      kind: 'multipart',
      type: 'multipart/form-data',
    },
    {
      name: 'JSON before a form type listed first (form types belong to `formData`)',
      consumes: ['multipart/form-data', 'application/json'],
      schema: { type: 'object' },
      value: { a: 'x' },
      kind: 'json',
      type: 'application/json',
    },
    {
      name: 'bytes take the first type that is not a form type',
      consumes: ['multipart/form-data', 'application/octet-stream'],
      schema: { type: 'string', format: 'binary' },
      value: 'raw',
      kind: 'binary',
      type: 'application/octet-stream',
    },
  ];
  it.each(kinds)('$name', ({ consumes, schema, value, kind, type }) => {
    const { request } = op({ ...(consumes && { consumes }), parameters: [body(schema)] })({ body: value });
    expect(request.body.kind).toBe(kind);
    expect(request.headers.get('content-type')).toBe(type);
  });

  it('takes the document `consumes` when the operation has none', () => {
    const build = op({ parameters: [body({ type: 'string' })] }, '/items', { consumes: ['text/plain'] });
    expect(build({ body: 'x' }).request.body).toEqual({ kind: 'text', text: 'x' });
  });

  it('encodes form fields in order, repeating array keys', () => {
    const build = op({
      consumes: ['application/x-www-form-urlencoded'],
      parameters: [body({ type: 'object' })],
    });
    expect(build({ body: { a: 1, b: ['x', 'y'] } }).request.body).toEqual({
      kind: 'form',
      fields: [
        ['a', '1'],
        ['b', 'x'],
        ['b', 'y'],
      ],
    });
  });

  it('sends a file value as its bytes, with its type when nothing is declared', () => {
    const file = {
      kind: 'file' as const,
      name: 'a.bin',
      contentType: 'image/png',
      bytes: new Uint8Array([1, 2]),
    };
    const { request } = op({ parameters: [body({ type: 'string', format: 'binary' })] })({ body: file });
    expect(request.body).toEqual({ kind: 'binary', bytes: new Uint8Array([1, 2]) });
    expect(request.headers.get('content-type')).toBe('image/png');
  });
});

describe('buildRequest: formData', () => {
  const field = (name: string, type = 'string'): JsonObject => ({ name, in: 'formData', type });
  const file = {
    kind: 'file' as const,
    name: 'a.txt',
    contentType: 'text/plain',
    bytes: encoder.encode('hi'),
  };

  it('is form-urlencoded without multipart in `consumes`', () => {
    const { request } = op({ parameters: [field('a'), field('n', 'integer')] })({ a: 'x y', n: '3' });
    expect(request.body).toEqual({
      kind: 'form',
      fields: [
        ['a', 'x y'],
        ['n', '3'],
      ],
    });
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
  });

  it('is multipart when the operation consumes it', () => {
    const { request } = op({ consumes: ['multipart/form-data'], parameters: [field('a')] })({ a: 'x' });
    expect(request.body).toEqual({ kind: 'multipart', parts: [{ name: 'a', value: 'x' }] });
  });

  it('is multipart when a file is passed', () => {
    const { request } = op({
      consumes: ['application/form-data'],
      parameters: [field('f', 'file'), field('a')],
    })({ f: file, a: 'x' });
    expect(request.body).toEqual({
      kind: 'multipart',
      parts: [
        { name: 'f', value: file },
        { name: 'a', value: 'x' },
      ],
    });
    expect(request.headers.get('content-type')).toBe('multipart/form-data');
  });

  it('refuses a file for a query parameter', () => {
    expect(codeOf(() => op({ parameters: [q('a')] })({ a: file }))).toBe('PARAMETER_INVALID');
  });
});

describe('buildRequest: argument names', () => {
  it('refuses an unknown name and suggests the nearest', () => {
    const build = op({ parameters: [q('top'), q('skip')] });
    expect(messageOf(() => build({ tpo: 1 }))).toBe(
      'Operation `Op` has no parameter `tpo` (did you mean `top`?); its parameters are `top`, `skip`.',
    );
  });

  it('takes `in:name` keys for names shared by two locations and refuses the bare name', () => {
    const build = op(
      { parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }, q('id')] },
      '/items/{id}',
    );
    const { request } = build({ 'path:id': 'p', 'query:id': 'q' });
    expect(request.path).toBe('/items/p');
    expect(request.query.get('id')).toBe('q');
    expect(messageOf(() => build({ id: 'x' }))).toBe(
      'Operation `Op` has several parameters named `id`; pass `path:id` or `query:id` instead.',
    );
  });

  it('accepts a `__proto__` argument as a plain name', () => {
    const args = JSON.parse('{"__proto__": "x"}') as Arguments;
    expect(op({ parameters: [q('__proto__')] })(args).request.query.get('__proto__')).toBe('x');
  });
});

describe('buildRequest: base URL', () => {
  it('is the swagger scheme, host and basePath', () => {
    const { request } = op({})({});
    expect(request.baseUrl).toBe('https://api.example.com/v1');
    expect(request.method).toBe('POST');
  });

  it('is replaced by `baseUrl` when given', () => {
    expect(op({})({}, { baseUrl: 'http://localhost:4010/' }).request.baseUrl).toBe('http://localhost:4010');
  });
});
