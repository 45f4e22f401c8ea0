import { describe, expect, it } from 'vitest';
import { messages, pointers, withOperation } from '../../testing.ts';
import { withBody, withDefinition, withParameter } from './_fixtures.ts';
import exampleValueMismatch from './example-value-mismatch.ts';

describe('example-value-mismatch', () => {
  it('reports an example of another type, at the keyword', () => {
    const swagger = withDefinition({
      type: 'object',
      properties: {
        count: { type: 'integer', example: 'ten' },
        tags: { type: 'array', items: { type: 'string' }, example: 'urgent' },
      },
    });
    expect(messages(exampleValueMismatch, { swagger })).toEqual([
      'Property `count` of definition `Thing` has an `example` of type `string`; its schema says `integer`.',
      'Property `tags` of definition `Thing` has an `example` of type `string`; its schema says `array`.',
    ]);
    expect(pointers(exampleValueMismatch, { swagger })).toEqual([
      '/definitions/Thing/properties/count/example',
      '/definitions/Thing/properties/tags/example',
    ]);
  });

  it('reports an x-ms-test-value or example outside the enum, on parameters and body schemas', () => {
    expect(
      pointers(exampleValueMismatch, {
        swagger: withParameter({ type: 'string', enum: ['open', 'done'], 'x-ms-test-value': 'closed' }),
      }),
    ).toEqual(['/paths/~1tasks/get/parameters/0/x-ms-test-value']);
    expect(
      pointers(exampleValueMismatch, {
        swagger: withBody({
          type: 'object',
          properties: { level: { type: 'integer', enum: [1, 2], example: 3 } },
        }),
      }),
    ).toEqual(['/paths/~1tasks/post/parameters/0/schema/properties/level/example']);
  });

  it('accepts examples of the type, text the platform converts, enum values written as text, and schemas saying nothing', () => {
    const swagger = withDefinition({
      type: 'object',
      example: { count: 3 },
      properties: {
        count: { type: 'integer', example: 3, 'x-ms-test-value': '3' },
        flag: { type: 'boolean', example: 'true' },
        level: { type: 'integer', enum: [1, 2], example: '2' },
        status: { type: 'string', enum: ['open', 'done'], example: 'open' },
        anything: { example: { free: true } },
        none: { type: 'string', example: null },
        upload: { type: 'file', example: 'a.png' },
        linked: { $ref: '#/definitions/Thing', example: 'ignored beside $ref' },
      },
    });
    expect(messages(exampleValueMismatch, { swagger })).toEqual([]);
  });

  it("checks an object or array example's values against their schemas, through $refs, once with the count of the rest", () => {
    const swagger = withDefinition({
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string', readOnly: true },
        seats: { type: 'integer' },
        owner: { $ref: '#/definitions/Thing' },
        markets: { type: 'array', items: { type: 'string' }, example: ['CA', 3] },
      },
      example: { seats: 'ten', owner: { seats: null } },
    });
    expect(messages(exampleValueMismatch, { swagger })).toEqual([
      'Property `markets` of definition `Thing` has an `example` that does not fit its schema: `/*` is an integer; the schema says a string.',
      'Definition `Thing` has an `example` that does not fit its schema: `/seats` is a string; the schema says an integer (and 1 more).',
    ]);
    expect(pointers(exampleValueMismatch, { swagger })).toEqual([
      '/definitions/Thing/properties/markets/example',
      '/definitions/Thing/example',
    ]);
    // A request body's example need not give a `readOnly` property the schema requires; an answer's must.
    const schema = {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string', readOnly: true } },
      example: {},
    };
    expect(messages(exampleValueMismatch, { swagger: withBody(schema) })).toEqual([]);
    expect(messages(exampleValueMismatch, { swagger: withDefinition(schema) })).toEqual([]);
    expect(
      messages(exampleValueMismatch, {
        swagger: withOperation({
          operationId: 'GetTask',
          responses: { '200': { description: 'OK', schema } },
        }),
      }),
    ).toEqual([
      'The `200` response schema of `GetTask` has an `example` that does not fit its schema: `/id` is missing; the schema says it is required.',
    ]);
  });

  describe('response examples', () => {
    const withExamples = (examples: Record<string, unknown>) =>
      withOperation({
        operationId: 'GetTask',
        responses: {
          '200': {
            description: 'OK',
            schema: {
              type: 'object',
              required: ['id'],
              properties: { id: { type: 'string' }, due: { type: 'string', format: 'date-time' } },
            },
            examples,
          },
        },
      });

    it('reports a JSON example that does not fit the response schema, once, with the count of the rest', () => {
      expect(
        messages(exampleValueMismatch, {
          swagger: withExamples({ 'application/json': { id: 7, due: null } }),
        }),
      ).toEqual([
        'The `application/json` example of response `200` of `GetTask` does not fit its schema: `/id` is an integer; the schema says a string (and 1 more).',
      ]);
      expect(pointers(exampleValueMismatch, { swagger: withExamples({ 'application/json': {} }) })).toEqual([
        '/paths/~1tasks/get/responses/200/examples/application~1json',
      ]);
    });

    it('names JSON written inside a string', () => {
      expect(
        messages(exampleValueMismatch, { swagger: withExamples({ 'application/json': '{"id": "t-1"}' }) }),
      ).toEqual([
        'The `application/json` example of response `200` of `GetTask` is JSON written inside a string; the example is the value itself, so the body would be that text.',
      ]);
    });

    it('accepts an example that fits, and leaves other media types alone', () => {
      expect(
        messages(exampleValueMismatch, {
          swagger: withExamples({ 'application/json': { id: 't-1', extra: true }, 'text/plain': 42 }),
        }),
      ).toEqual([]);
    });
  });
});
