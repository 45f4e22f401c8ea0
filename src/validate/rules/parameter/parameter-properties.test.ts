import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import connectionIdNotAllowed from './connection-id-parameter-not-allowed.ts';
import inNotValid from './parameter-in-not-valid.ts';
import inRequired from './parameter-in-required.ts';
import nameRequired from './parameter-name-required.ts';
import typeRequired from './parameter-type-required.ts';
import urlEncodingNotValid from './parameter-url-encoding-not-valid.ts';
import visibilityNotValid from './parameter-visibility-not-valid.ts';
import reservedParameter from './reserved-parameter-is-used.ts';

const query = (extra: Record<string, unknown>) => ({
  name: 'top',
  in: 'query',
  type: 'integer',
  'x-ms-summary': 'Top',
  description: 'How many tasks to return.',
  ...extra,
});
const withParams = (...parameters: unknown[]) => ({ swagger: withOperation({ parameters }) });

describe('parameter-name-required', () => {
  it('reports a parameter without a name at the parameter', () => {
    const files = withParams(query({ name: undefined }));
    expect(messages(nameRequired, files)).toEqual([
      'The parameter at `/paths/~1tasks/get/parameters/0` has no `name`; the `name` property is required.',
    ]);
  });
  it('reports an empty name at the name', () => {
    expect(pointers(nameRequired, withParams(query({ name: '' })))).toEqual([
      '/paths/~1tasks/get/parameters/0/name',
    ]);
  });
  it('accepts a named parameter', () => {
    expect(messages(nameRequired, withParams(query({})))).toEqual([]);
  });
});

describe('parameter-in-required', () => {
  it('reports a parameter without `in`', () => {
    expect(messages(inRequired, withParams(query({ in: undefined })))).toEqual([
      'Parameter `top` of operation `ListTasks` has no `in`; the `in` property is required.',
    ]);
  });
  it('accepts a parameter with `in`', () => {
    expect(messages(inRequired, withParams(query({})))).toEqual([]);
  });
});

describe('parameter-in-not-valid', () => {
  it.each([['formdata'], ['cookie'], [3]])('reports `in: %s`', (value) => {
    const [message] = messages(inNotValid, withParams(query({ in: value })));
    expect(message).toMatch(/must be one of the following: `path`, `query`, `header`, `body`, `formData`\.$/);
  });
  it('accepts the five Swagger locations', () => {
    const files = withParams(
      query({ name: 'a', in: 'query' }),
      query({ name: 'b', in: 'header' }),
      query({ name: 'c', in: 'formData' }),
    );
    expect(messages(inNotValid, files)).toEqual([]);
  });
});

describe('parameter-type-required', () => {
  it('reports a query parameter without `type`', () => {
    expect(messages(typeRequired, withParams(query({ type: undefined })))).toEqual([
      'Parameter `top` of operation `ListTasks` has no `type`; the `type` property is required for `query` parameters.',
    ]);
  });
  it('does not ask body parameters for a type', () => {
    const body = { name: 'body', in: 'body', schema: { type: 'object' } };
    expect(messages(typeRequired, withParams(body))).toEqual([]);
  });
});

describe('parameter-visibility-not-valid', () => {
  it('reports an unknown visibility at the property', () => {
    expect(pointers(visibilityNotValid, withParams(query({ 'x-ms-visibility': 'hidden' })))).toEqual([
      '/paths/~1tasks/get/parameters/0/x-ms-visibility',
    ]);
  });
  it('reports upper-case values', () => {
    expect(messages(visibilityNotValid, withParams(query({ 'x-ms-visibility': 'Advanced' })))).toHaveLength(
      1,
    );
  });
  it('accepts the three documented values', () => {
    const files = withParams(
      query({ name: 'a', 'x-ms-visibility': 'important' }),
      query({ name: 'b', 'x-ms-visibility': 'advanced' }),
      query({ name: 'c', 'x-ms-visibility': 'internal', default: 1 }),
    );
    expect(messages(visibilityNotValid, files)).toEqual([]);
  });
});

describe('parameter-url-encoding-not-valid', () => {
  it('reports a value other than single or double', () => {
    expect(messages(urlEncodingNotValid, withParams(query({ 'x-ms-url-encoding': 'triple' })))).toEqual([
      'Parameter `top` of operation `ListTasks` has `x-ms-url-encoding` `triple`; the property value must be one of the following: `single`, `double`.',
    ]);
  });
  it('accepts single and double', () => {
    const files = withParams(
      query({ name: 'a', 'x-ms-url-encoding': 'single' }),
      query({ name: 'b', 'x-ms-url-encoding': 'double' }),
    );
    expect(messages(urlEncodingNotValid, files)).toEqual([]);
  });
});

describe('connection-id-parameter-not-allowed', () => {
  it('reports a parameter named connectionId at its name', () => {
    const files = withParams(query({ name: 'connectionId' }));
    expect(pointers(connectionIdNotAllowed, files)).toEqual(['/paths/~1tasks/get/parameters/0/name']);
    expect(messages(connectionIdNotAllowed, files)[0]).toMatch(/cannot be named as `connectionId`/);
  });
  it('accepts other names', () => {
    expect(messages(connectionIdNotAllowed, withParams(query({ name: 'connection' })))).toEqual([]);
  });
});

describe('reserved-parameter-is-used', () => {
  it('reports a reserved name in another letter case', () => {
    expect(messages(reservedParameter, withParams(query({ name: 'ConnectionID' })))).toEqual([
      'Parameter `ConnectionID` of operation `ListTasks` uses the reserved name `connectionId`; it is reserved and cannot be used in `query`.',
    ]);
  });
  it('leaves the exact name `connectionId` to connection-id-parameter-not-allowed', () => {
    expect(messages(reservedParameter, withParams(query({ name: 'connectionId' })))).toEqual([]);
  });
  it('reports shared parameters once, at their definition', () => {
    const doc = swagger({
      paths: { '/a': { get: { parameters: [{ $ref: '#/parameters/Conn' }], responses: {} } } },
      parameters: { Conn: query({ name: 'connectionid' }) },
    });
    expect(pointers(reservedParameter, { swagger: doc })).toEqual(['/parameters/Conn/name']);
  });
});
