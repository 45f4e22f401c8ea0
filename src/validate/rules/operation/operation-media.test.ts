import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import bodyInFetch from './body-or-form-data-parameter-in-fetch-operation-not-allowed.ts';
import consumesMissing from './consumes-missing.ts';
import mimeTypeNotSupported from './mime-type-not-supported.ts';
import mimeTypeNotValid from './mime-type-not-valid.ts';

const body = { name: 'task', in: 'body', schema: { type: 'object' } };
const file = { name: 'file', in: 'formData', type: 'file' };
const post = (op: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  swagger: withOperation({ operationId: 'CreateTask', parameters: [body], ...op }, '/tasks', 'post', extra),
});

describe('body-or-form-data-parameter-in-fetch-operation-not-allowed', () => {
  it.each([
    [body, 'body', 'task'],
    [file, 'formData', 'file'],
  ])('reports a %s parameter on GET, at the parameter', (param, where, name) => {
    const files = { swagger: withOperation({ parameters: [param] }) };
    expect(messages(bodyInFetch, files)).toEqual([
      `The \`${where}\` parameter \`${name}\` of \`ListTasks\` is not supported in a fetch (\`GET\`) operation.`,
    ]);
    expect(pointers(bodyInFetch, files)).toEqual(['/paths/~1tasks/get/parameters/0']);
  });
  it('accepts a body on POST and query parameters on GET', () => {
    expect(messages(bodyInFetch, post({}))).toEqual([]);
    const query = { name: 'q', in: 'query', type: 'string' };
    expect(messages(bodyInFetch, { swagger: withOperation({ parameters: [query] }) })).toEqual([]);
  });
});

describe('consumes-missing', () => {
  it('reports a body operation when the effective `consumes` is empty', () => {
    const files = post({}, { consumes: [] });
    expect(messages(consumesMissing, files)).toEqual([
      'At least one supported MIME type must be provided in `consumes` for operation `CreateTask`, which has the `body` parameter `task`.',
    ]);
    expect(pointers(consumesMissing, files)).toEqual(['/paths/~1tasks/post']);
  });
  it('reports an operation-level `consumes` with only unsupported types, at that list', () => {
    expect(pointers(consumesMissing, post({ consumes: ['text/xml'] }))).toEqual([
      '/paths/~1tasks/post/consumes',
    ]);
  });
  it('accepts a supported type inherited from the document or with parameters', () => {
    expect(messages(consumesMissing, post({}))).toEqual([]);
    expect(messages(consumesMissing, post({ consumes: ['application/json; charset=utf-8'] }))).toEqual([]);
  });
  it('ignores operations without body or form data', () => {
    expect(
      messages(consumesMissing, { swagger: withOperation({}, '/tasks', 'get', { consumes: [] }) }),
    ).toEqual([]);
  });
});

describe('mime-type-not-supported', () => {
  it('reports an unsupported type once, where it is written, for every operation inheriting it', () => {
    const op = (id: string) => ({ operationId: id, responses: { '200': { description: 'OK' } } });
    const files = {
      swagger: swagger({
        produces: ['application/xml'],
        paths: { '/a': { get: op('A') }, '/b': { get: op('B') } },
      }),
    };
    expect(messages(mimeTypeNotSupported, files)).toEqual([
      'The MIME type `application/xml` in `produces` is not supported; the supported MIME types are `application/json`, `text/plain`, `multipart/form-data`, `application/x-www-form-urlencoded`.',
    ]);
    expect(pointers(mimeTypeNotSupported, files)).toEqual(['/produces/0']);
  });
  it('reports operation-level entries at the operation', () => {
    expect(pointers(mimeTypeNotSupported, post({ consumes: ['application/json', 'text/xml'] }))).toEqual([
      '/paths/~1tasks/post/consumes/1',
    ]);
  });
  it('ignores document-level entries that every operation overrides', () => {
    const files = post(
      { consumes: ['application/json'], produces: ['application/json'] },
      { consumes: ['text/xml'] },
    );
    expect(messages(mimeTypeNotSupported, files)).toEqual([]);
  });
  it('accepts the four supported types, in any case and with parameters', () => {
    const consumes = ['Application/JSON', 'text/plain; charset=utf-8', 'multipart/form-data'];
    expect(messages(mimeTypeNotSupported, post({ consumes }))).toEqual([]);
  });
});

describe('mime-type-not-valid', () => {
  it.each(['json', 'application json', '', 'application/json; charset'])('reports `%s`', (value) => {
    const files = post({ consumes: [value] });
    expect(messages(mimeTypeNotValid, files)).toEqual([
      `The MIME type \`${value}\` in \`consumes\` is not valid; write it as \`type/subtype\`, e.g. \`application/json\`.`,
    ]);
    expect(pointers(mimeTypeNotValid, files)).toEqual(['/paths/~1tasks/post/consumes/0']);
  });
  it('checks the document-level lists too', () => {
    expect(pointers(mimeTypeNotValid, post({}, { produces: ['text'] }))).toEqual(['/produces/0']);
  });
  it.each([
    'application/json',
    'application/*+json',
    '*/*',
    'application/json; odata.metadata=minimal',
    'text/plain; charset="utf-8"',
  ])('accepts `%s`', (value) => {
    expect(messages(mimeTypeNotValid, post({ consumes: [value] }))).toEqual([]);
  });
});
