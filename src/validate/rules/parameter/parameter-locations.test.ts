import { describe, expect, it } from 'vitest';
import { messages, pointers, withOperation } from '../../testing.ts';
import allowEmptyValue from './allow-empty-value-only-valid-for-query-form-data.ts';
import bodyPropertyNotValid from './body-parameter-property-not-valid.ts';
import bodySchemaRequired from './body-parameter-schema-required.ts';
import collectionFormat from './collection-format-value-not-supported.ts';
import fileInFormData from './file-parameter-must-be-in-form-data.ts';
import headerName from './header-parameter-name-not-valid.ts';
import formDataName from './invalid-form-data-parameter-name.ts';
import nonBodySchema from './non-body-parameter-schema-not-valid.ts';
import formAndBody from './parameter-list-contains-form-data-and-body.ts';
import stringBinary from './string-binary-not-supported-for-form-url-encoded.ts';

const param = (name: string, where: string, extra: Record<string, unknown> = {}) => ({
  name,
  in: where,
  ...(where === 'body' ? { schema: { type: 'object' } } : { type: 'string' }),
  ...extra,
});
const post = (parameters: unknown[], extra: Record<string, unknown> = {}) => ({
  swagger: withOperation({ parameters, ...extra }, '/tasks', 'post'),
});

describe('body-parameter-property-not-valid', () => {
  it('reports each non-body keyword of a body parameter', () => {
    const files = post([param('body', 'body', { type: 'object', default: {} })]);
    expect(pointers(bodyPropertyNotValid, files)).toEqual([
      '/paths/~1tasks/post/parameters/0/type',
      '/paths/~1tasks/post/parameters/0/default',
    ]);
    expect(messages(bodyPropertyNotValid, files)[0]).toBe(
      'Parameter `body` of operation `ListTasks` is a `body` parameter and cannot use property `type`; the `schema` property should be used to define its type.',
    );
  });
  it('accepts a body with only a schema and display properties', () => {
    const files = post([param('body', 'body', { 'x-ms-summary': 'Task', description: 'The task.' })]);
    expect(messages(bodyPropertyNotValid, files)).toEqual([]);
  });
});

describe('body-parameter-schema-required', () => {
  it('reports a body parameter without schema', () => {
    expect(messages(bodySchemaRequired, post([{ name: 'body', in: 'body' }]))).toEqual([
      'Parameter `body` of operation `ListTasks` is a `body` parameter and must define a `schema` property.',
    ]);
  });
  it('accepts a body with a schema', () => {
    expect(messages(bodySchemaRequired, post([param('body', 'body')]))).toEqual([]);
  });
});

describe('non-body-parameter-schema-not-valid', () => {
  it('reports a schema on a query parameter at the schema', () => {
    const files = post([param('q', 'query', { schema: { type: 'string' } })]);
    expect(pointers(nonBodySchema, files)).toEqual(['/paths/~1tasks/post/parameters/0/schema']);
  });
  it('accepts a schema on the body', () => {
    expect(messages(nonBodySchema, post([param('body', 'body')]))).toEqual([]);
  });
});

describe('allow-empty-value-only-valid-for-query-form-data', () => {
  it('reports allowEmptyValue on a header', () => {
    expect(messages(allowEmptyValue, post([param('X-Tag', 'header', { allowEmptyValue: true })]))).toEqual([
      'Parameter `X-Tag` of operation `ListTasks` cannot use the `allowEmptyValue` keyword as it is not in the `query` or `formData` location.',
    ]);
  });
  it('accepts it on query and formData', () => {
    const files = post([
      param('q', 'query', { allowEmptyValue: true }),
      param('f', 'formData', { allowEmptyValue: true }),
    ]);
    expect(messages(allowEmptyValue, files)).toEqual([]);
  });
});

describe('collection-format-value-not-supported', () => {
  const array = (where: string, format: unknown) =>
    param('ids', where, { type: 'array', items: { type: 'string' }, collectionFormat: format });
  it.each([
    ['query', 'comma'],
    ['query', 'CSV'],
    ['header', 'multi'],
    ['path', 'multi'],
  ])('reports %s parameters with %s', (where, format) => {
    expect(pointers(collectionFormat, post([array(where, format)]))).toEqual([
      '/paths/~1tasks/post/parameters/0/collectionFormat',
    ]);
  });
  it.each([
    ['query', 'csv'],
    ['query', 'multi'],
    ['formData', 'multi'],
    ['header', 'pipes'],
    ['query', 'ssv'],
    ['query', 'tsv'],
  ])('accepts %s parameters with %s', (where, format) => {
    expect(messages(collectionFormat, post([array(where, format)]))).toEqual([]);
  });
});

describe('file-parameter-must-be-in-form-data', () => {
  it('reports a file in the query', () => {
    expect(messages(fileInFormData, post([param('f', 'query', { type: 'file' })]))).toEqual([
      'Parameter `f` of operation `ListTasks` is of type `file` but in `query`; parameters of type `file` are not valid in locations other than `formData`.',
    ]);
  });
  it('accepts a file in formData', () => {
    expect(messages(fileInFormData, post([param('f', 'formData', { type: 'file' })]))).toEqual([]);
  });
});

describe('invalid-form-data-parameter-name', () => {
  it('reports a form field with non-ASCII characters', () => {
    expect(pointers(formDataName, post([param('größe', 'formData')]))).toEqual([
      '/paths/~1tasks/post/parameters/0/name',
    ]);
  });
  it('accepts ASCII form names and non-ASCII names elsewhere', () => {
    expect(messages(formDataName, post([param('size', 'formData'), param('größe', 'query')]))).toEqual([]);
  });
});

describe('header-parameter-name-not-valid', () => {
  it("reports Robots for Power BI's `Account Id` and TxtSync's `Content-Type:`, at the name", () => {
    const files = post([param('Account Id', 'header'), param('Content-Type:', 'header')]);
    expect(pointers(headerName, files)).toEqual([
      '/paths/~1tasks/post/parameters/0/name',
      '/paths/~1tasks/post/parameters/1/name',
    ]);
    expect(messages(headerName, files)[0]).toMatch(
      /^The header name `Account Id` has a space, which no HTTP header name may have, so the request cannot be sent \(/,
    );
    expect(messages(headerName, files)[1]).toMatch(
      /^The header name `Content-Type:` has a character such as `:`/,
    );
  });
  it('accepts header names that are tokens, and names with spaces elsewhere', () => {
    expect(
      messages(
        headerName,
        post([
          param('X-Api-Key', 'header'),
          param("If-Match_2.0~!#$%&'*+^`|", 'header'),
          param('Account Id', 'query'),
        ]),
      ),
    ).toEqual([]);
  });
});

describe('parameter-list-contains-form-data-and-body', () => {
  it('reports an operation with both, at the form parameter', () => {
    const files = post([param('body', 'body'), param('file', 'formData')]);
    expect(pointers(formAndBody, files)).toEqual(['/paths/~1tasks/post/parameters/1']);
  });
  it('counts a body inherited from the path item', () => {
    const doc = withOperation({ parameters: [param('file', 'formData')] }, '/tasks', 'post');
    const item = (doc.paths as Record<string, Record<string, unknown>>)['/tasks'] as Record<string, unknown>;
    item.parameters = [param('body', 'body')];
    expect(messages(formAndBody, { swagger: doc })).toHaveLength(1);
  });
  it('accepts form parameters alone', () => {
    expect(messages(formAndBody, post([param('a', 'formData'), param('b', 'formData')]))).toEqual([]);
  });
});

describe('string-binary-not-supported-for-form-url-encoded', () => {
  const binary = param('file', 'formData', { format: 'binary' });
  it('reports a string/binary form field of a form-urlencoded operation', () => {
    const files = post([binary], { consumes: ['application/x-www-form-urlencoded'] });
    expect(messages(stringBinary, files)).toEqual([
      'String/binary parameters are not supported for operation `ListTasks` with `application/x-www-form-urlencoded` consumes type (parameter `file`).',
    ]);
  });
  it('reports a binary body through its $ref', () => {
    const doc = withOperation(
      {
        consumes: ['application/x-www-form-urlencoded'],
        parameters: [param('body', 'body', { schema: { $ref: '#/definitions/Bytes' } })],
      },
      '/tasks',
      'post',
      { definitions: { Bytes: { type: 'string', format: 'binary' } } },
    );
    expect(messages(stringBinary, { swagger: doc })).toHaveLength(1);
  });
  it('accepts the same field in a multipart operation', () => {
    const files = post([binary], { consumes: ['multipart/form-data'] });
    expect(messages(stringBinary, files)).toEqual([]);
  });
});
