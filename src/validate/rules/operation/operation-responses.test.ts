import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import operationHasManyResponsesWithSchema from './operation-has-many-responses-with-schema.ts';
import operationMustHaveResponse from './operation-must-have-response.ts';
import operationShouldHaveSuccessfulResponse from './operation-should-have-successful-response.ts';
import totalOperationsCountExceedsMaxAllowed from './total-operations-count-exceeds-max-allowed.ts';

const schema = { type: 'object', properties: { id: { type: 'string' } } };

describe('operation-must-have-response', () => {
  it('reports an operation without `responses`, at the operation', () => {
    const files = { swagger: withOperation({ responses: undefined }) };
    expect(messages(operationMustHaveResponse, files)).toEqual([
      'The operation `ListTasks` is not valid; it must contain at least one response definition.',
    ]);
    expect(pointers(operationMustHaveResponse, files)).toEqual(['/paths/~1tasks/get']);
  });
  it('reports empty `responses` (extensions do not count), at `responses`', () => {
    const files = { swagger: withOperation({ responses: { 'x-note': {} } }) };
    expect(pointers(operationMustHaveResponse, files)).toEqual(['/paths/~1tasks/get/responses']);
  });
  it('accepts an operation with a response', () => {
    expect(messages(operationMustHaveResponse, { swagger: withOperation({}) })).toEqual([]);
  });
  it('accepts a webhook trigger whose outputs come from `x-ms-notification-content`', () => {
    const hook = {
      operationId: 'OnTaskCreated',
      'x-ms-trigger': 'single',
      parameters: [
        {
          name: 'body',
          in: 'body',
          schema: { type: 'object', properties: { url: { type: 'string', 'x-ms-notification-url': true } } },
        },
      ],
      responses: {},
    };
    const item = { post: hook, 'x-ms-notification-content': { schema: { type: 'object' } } };
    expect(messages(operationMustHaveResponse, { swagger: swagger({ paths: { '/hooks': item } }) })).toEqual(
      [],
    );
    const bare = swagger({ paths: { '/hooks': { post: hook } } });
    expect(messages(operationMustHaveResponse, { swagger: bare })).toHaveLength(1);
  });
});

describe('operation-should-have-successful-response', () => {
  it('reports an operation with only `default`', () => {
    const files = { swagger: withOperation({ responses: { default: { description: 'Error' } } }) };
    expect(messages(operationShouldHaveSuccessfulResponse, files)).toEqual([
      'The operation `ListTasks` should have at least one successful response definition; it has only `default`.',
    ]);
  });
  it.each(['200', '201', '204'])('accepts a %s response', (code) => {
    const files = { swagger: withOperation({ responses: { [code]: { description: 'OK' } } }) };
    expect(messages(operationShouldHaveSuccessfulResponse, files)).toEqual([]);
  });
  it('leaves operations without responses to operation-must-have-response', () => {
    const files = { swagger: withOperation({ responses: {} }) };
    expect(messages(operationShouldHaveSuccessfulResponse, files)).toEqual([]);
  });
});

describe('operation-has-many-responses-with-schema', () => {
  it('reports two responses with a schema, including `$ref` responses', () => {
    const files = {
      swagger: withOperation(
        { responses: { '200': { description: 'OK', schema }, '400': { $ref: '#/responses/Error' } } },
        '/tasks',
        'get',
        { responses: { Error: { description: 'Error', schema } } },
      ),
    };
    expect(messages(operationHasManyResponsesWithSchema, files)).toEqual([
      'The operation `ListTasks` has more than one response with a schema (`200`, `400`); only one schema will be used in the designer.',
    ]);
  });
  it('accepts one schema and error responses without one', () => {
    const responses = { '200': { description: 'OK', schema }, '400': { description: 'Bad request' } };
    expect(messages(operationHasManyResponsesWithSchema, { swagger: withOperation({ responses }) })).toEqual(
      [],
    );
  });
});

describe('total-operations-count-exceeds-max-allowed', () => {
  const many = (n: number) =>
    swagger({
      paths: Object.fromEntries(
        Array.from({ length: n }, (_, i) => [
          `/items${i}`,
          { get: { operationId: `Get${i}`, responses: { '200': { description: 'OK' } } } },
        ]),
      ),
    });
  it('reports 257 operations, at `/paths`', () => {
    const files = { swagger: many(257) };
    expect(messages(totalOperationsCountExceedsMaxAllowed, files)).toEqual([
      'The total number of operations in the swagger (257) exceeds the maximum allowed value of 256.',
    ]);
    expect(pointers(totalOperationsCountExceedsMaxAllowed, files)).toEqual(['/paths']);
  });
  it('accepts 256 operations', () => {
    expect(messages(totalOperationsCountExceedsMaxAllowed, { swagger: many(256) })).toEqual([]);
  });
});
