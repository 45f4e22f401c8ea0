import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import defaultResponseHasSchema from './default-response-has-schema.ts';
import defaultResponseOnly from './default-response-only.ts';
import responseDescriptionRequired from './response-description-required.ts';
import responseExample from './response-example-must-be-produced-by-operation.ts';
import responseHeadersNotUnique from './response-headers-are-not-unique.ts';
import responseStatus from './response-must-be-default-or-http-status-code.ts';
import responseRefLoop from './response-ref-loop-not-allowed.ts';
import responseReferenceNotFound from './response-reference-not-found.ts';
import responseReferenceNotValid from './response-reference-not-valid.ts';
import responseSchemaRequired from './response-schema-required.ts';
import schemaDefinitionSetIncorrectly from './schema-definition-set-incorrectly.ts';

const ok = { description: 'OK', schema: { type: 'object', properties: { id: { type: 'string' } } } };
const withResponses = (responses: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  withOperation({ responses }, '/tasks', 'get', extra);

describe('response-must-be-default-or-http-status-code', () => {
  it('reports keys that are not status codes', () => {
    expect(
      messages(responseStatus, { swagger: withResponses({ '200': ok, '2XX': ok, success: ok }) }),
    ).toEqual([
      'Operation `ListTasks` has response `2XX`; the response must be a valid HTTP status code, or the string `default`.',
      'Operation `ListTasks` has response `success`; the response must be a valid HTTP status code, or the string `default`.',
    ]);
  });
  it('accepts status codes, `default` and vendor extensions', () => {
    expect(
      messages(responseStatus, {
        swagger: withResponses({ '200': ok, '404': ok, default: ok, 'x-note': {} }),
      }),
    ).toEqual([]);
  });
});

describe('response-reference-not-valid', () => {
  it('reports a response reference outside `#/responses/`', () => {
    expect(
      messages(responseReferenceNotValid, {
        swagger: withResponses({ '200': { $ref: '#/definitions/Task' } }),
      }),
    ).toEqual([
      'Response `200` of `ListTasks` has reference `#/definitions/Task`, which is not valid; response references must start with `#/responses/`.',
    ]);
  });
  it('accepts a shared response reference', () => {
    const doc = withResponses({ '200': { $ref: '#/responses/Ok' } }, { responses: { Ok: ok } });
    expect(messages(responseReferenceNotValid, { swagger: doc })).toEqual([]);
  });
});

describe('response-reference-not-found', () => {
  it('reports a missing shared response', () => {
    expect(
      pointers(responseReferenceNotFound, {
        swagger: withResponses({ '200': { $ref: '#/responses/Missing' } }),
      }),
    ).toEqual(['/paths/~1tasks/get/responses/200/$ref']);
  });
  it('accepts an existing one', () => {
    const doc = withResponses({ '200': { $ref: '#/responses/Ok' } }, { responses: { Ok: ok } });
    expect(messages(responseReferenceNotFound, { swagger: doc })).toEqual([]);
  });
});

describe('response-ref-loop-not-allowed', () => {
  it('reports a shared response that is a `$ref`', () => {
    const doc = swagger({ responses: { Ok: ok, Fine: { $ref: '#/responses/Ok' } } });
    expect(messages(responseRefLoop, { swagger: doc })).toEqual([
      'Shared response `Fine` is a `$ref` to `#/responses/Ok`; the response definition may not use a `$ref` to point to another definition.',
    ]);
  });
  it('accepts ordinary shared responses', () => {
    expect(messages(responseRefLoop, { swagger: swagger({ responses: { Ok: ok } }) })).toEqual([]);
  });
});

describe('default-response-has-schema', () => {
  it('reports a schema on `default`, with a rename hint when it is the only response', () => {
    const found = messages(defaultResponseHasSchema, { swagger: withResponses({ '200': ok, default: ok }) });
    expect(found).toEqual([
      'The `default` response of `ListTasks` has a schema; the `default` response should not have schema definition, schemas should be defined on expected responses only.',
    ]);
    expect(pointers(defaultResponseHasSchema, { swagger: withResponses({ default: ok }) })).toEqual([
      '/paths/~1tasks/get/responses/default/schema',
    ]);
  });
  it('accepts a `default` with only a description', () => {
    expect(
      messages(defaultResponseHasSchema, {
        swagger: withResponses({ '200': ok, default: { description: 'Error' } }),
      }),
    ).toEqual([]);
  });
});

describe('default-response-only', () => {
  it('reports an operation whose only response is a schemaless `default`', () => {
    expect(
      messages(defaultResponseOnly, { swagger: withResponses({ default: { description: 'OK' } }) }),
    ).toEqual([
      'Operation `ListTasks` has only a `default` response; declare the expected success response as well.',
    ]);
  });
  it('accepts a success response next to `default`, and leaves a lone `default` with schema to default-response-has-schema', () => {
    expect(
      messages(defaultResponseOnly, {
        swagger: withResponses({ '200': ok, default: { description: 'Error' } }),
      }),
    ).toEqual([]);
    expect(messages(defaultResponseOnly, { swagger: withResponses({ default: ok }) })).toEqual([]);
  });
});

describe('response-headers-are-not-unique', () => {
  it('reports header names that differ only in case', () => {
    const doc = withResponses({
      '200': { ...ok, headers: { ETag: { type: 'string' }, etag: { type: 'string' } } },
    });
    expect(messages(responseHeadersNotUnique, { swagger: doc })).toEqual([
      'Response `200` of `ListTasks` declares headers `ETag` and `etag`; the response headers are not unique.',
    ]);
  });
  it('accepts distinct headers', () => {
    const doc = withResponses({
      '200': { ...ok, headers: { ETag: { type: 'string' }, Location: { type: 'string' } } },
    });
    expect(messages(responseHeadersNotUnique, { swagger: doc })).toEqual([]);
  });
});

describe('response-example-must-be-produced-by-operation', () => {
  it('reports an example for a MIME type the operation does not produce', () => {
    const doc = withResponses({ '200': { ...ok, examples: { 'application/xml': '<a/>' } } });
    expect(messages(responseExample, { swagger: doc })).toEqual([
      'Response `200` of `ListTasks` has an example for `application/xml`; the response example `application/xml` is not produced by the operation `ListTasks`.',
    ]);
  });
  it('accepts a produced type, ignoring parameters such as charset', () => {
    const doc = withResponses({
      '200': { ...ok, examples: { 'application/json; charset=utf-8': { id: '1' } } },
    });
    expect(messages(responseExample, { swagger: doc })).toEqual([]);
  });
});

describe('schema-definition-set-incorrectly', () => {
  it('reports an output schema only on another 2xx response', () => {
    expect(messages(schemaDefinitionSetIncorrectly, { swagger: withResponses({ '202': ok }) })).toEqual([
      'Operation `ListTasks` has its output schema on the `202` response; the operation should define an output schema on the 200 or 201 response code to be visible in the designer.',
    ]);
  });
  it('reports a webhook trigger without a notification content schema', () => {
    const doc = swagger({
      paths: {
        '/hooks': {
          'x-ms-notification-content': { description: 'Task' },
          post: {
            operationId: 'OnTask',
            'x-ms-trigger': 'single',
            parameters: [
              {
                name: 'body',
                in: 'body',
                schema: { properties: { url: { type: 'string', 'x-ms-notification-url': true } } },
              },
            ],
            responses: { '201': ok },
          },
        },
      },
    });
    expect(messages(schemaDefinitionSetIncorrectly, { swagger: doc })).toHaveLength(1);
  });
  it('accepts a schema on 200 and operations without any schema', () => {
    expect(
      messages(schemaDefinitionSetIncorrectly, { swagger: withResponses({ '200': ok, '202': ok }) }),
    ).toEqual([]);
    expect(
      messages(schemaDefinitionSetIncorrectly, {
        swagger: withResponses({ '204': { description: 'Done' } }),
      }),
    ).toEqual([]);
  });
});

describe('response-description-required', () => {
  it('reports a response without description', () => {
    expect(
      messages(responseDescriptionRequired, { swagger: withResponses({ '200': { schema: ok.schema } }) }),
    ).toEqual([
      'Response `200` of `ListTasks` has no `description`; the `description` property is required.',
    ]);
  });
  it('reports a shared response without description', () => {
    expect(
      pointers(responseDescriptionRequired, { swagger: swagger({ responses: { Ok: { schema: {} } } }) }),
    ).toEqual(['/responses/Ok']);
  });
  it('accepts responses with a description', () => {
    expect(messages(responseDescriptionRequired, { swagger: withResponses({ '200': ok }) })).toEqual([]);
  });
});

describe('response-schema-required', () => {
  it('reports an action whose success response has no or an empty schema', () => {
    expect(
      messages(responseSchemaRequired, {
        swagger: withResponses({ '200': { description: 'OK', schema: {} } }),
      }),
    ).toEqual([
      'Operation `ListTasks` has no schema describing its `200` response; certification requires a response schema unless the output is dynamic.',
    ]);
    expect(
      pointers(responseSchemaRequired, { swagger: withResponses({ default: { description: 'OK' } }) }),
    ).toEqual(['/paths/~1tasks/get/responses']);
  });
  it.each([
    ['an object with properties', { '200': ok }],
    [
      'an array with items',
      { '200': { description: 'OK', schema: { type: 'array', items: { type: 'string' } } } },
    ],
    ['a file', { '200': { description: 'OK', schema: { type: 'file' } } }],
    [
      'a dynamic schema',
      { '200': { description: 'OK', schema: { 'x-ms-dynamic-schema': { operationId: 'GetSchema' } } } },
    ],
    ['only 204', { '204': { description: 'Deleted' } }],
  ])('accepts %s', (_what, responses) => {
    expect(messages(responseSchemaRequired, { swagger: withResponses(responses) })).toEqual([]);
  });
  it('accepts a schema through a definition and skips internal operations', () => {
    const doc = withResponses(
      { '200': { description: 'OK', schema: { $ref: '#/definitions/Task' } } },
      { definitions: { Task: ok.schema } },
    );
    expect(messages(responseSchemaRequired, { swagger: doc })).toEqual([]);
    const internal = withOperation({
      'x-ms-visibility': 'internal',
      responses: { '200': { description: 'OK' } },
    });
    expect(messages(responseSchemaRequired, { swagger: internal })).toEqual([]);
  });
});
