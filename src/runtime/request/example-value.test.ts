import { describe, expect, it } from 'vitest';
import { memoryConnector } from '../testing.ts';
import { exampleValue } from './example-value.ts';

const connector = memoryConnector({
  swagger: '2.0',
  info: { title: 'T', version: '1' },
  host: 'api.contoso.com',
  paths: {},
  definitions: {
    Node: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        size: { type: 'integer', minimum: 10, maximum: 11 },
        created: { type: 'string', format: 'date-time', readOnly: true },
        done: { type: 'boolean', enum: ['true', 'false'] },
        children: { type: 'array', items: { $ref: '#/definitions/Node' } },
      },
    },
  },
});

describe('exampleValue for answers (flowport mock)', () => {
  it('gives a request the required properties only, an answer every one (readOnly too, a cycle left out)', () => {
    const node = { $ref: '#/definitions/Node' };
    expect(exampleValue(connector, node, 'body').value).toEqual({ id: 'example' });
    expect(exampleValue(connector, node, 'body', { answer: true }).value).toEqual({
      id: 'example',
      size: 10,
      created: '2024-01-15T09:30:00Z',
      done: true,
      children: [],
    });
  });

  it('makes the items of an answer differ where the schema allows, going on from an offset', () => {
    const list = { type: 'array', items: { $ref: '#/definitions/Node' } };
    const made = exampleValue(connector, list, 'body', { answer: true, items: 3 }).value as {
      id: string;
      size: number;
    }[];
    expect(made.map((n) => n.id)).toEqual(['example', 'example-2', 'example-3']);
    // `maximum: 11` stops the numbers from going on.
    expect(made.map((n) => n.size)).toEqual([10, 11, 10]);
    const later = exampleValue(connector, list, 'body', { answer: true, items: 2, offset: 3 }).value as {
      id: string;
    }[];
    expect(later.map((n) => n.id)).toEqual(['example-4', 'example-5']);
    const one = exampleValue(connector, { $ref: '#/definitions/Node' }, 'n', {
      answer: true,
      variant: 1,
    }).value;
    expect((one as { id: string }).id).toBe('example-2');
  });

  it('keeps a format or pattern value as it is rather than vary it out of shape', () => {
    const ids = { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } };
    const made = exampleValue(connector, ids, 'body', { answer: true, items: 2 }).value as string[];
    for (const id of made) expect(id).toMatch(/^[a-z]+$/);
  });
});
