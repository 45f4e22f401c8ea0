import { describe, expect, it } from 'vitest';
import { messages, pointers } from '../../testing.ts';
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
});
