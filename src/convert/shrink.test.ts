import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { createLosses } from './loss.ts';
import { MAX_SCHEMAS, shrinkSchemas } from './shrink.ts';

/** An object schema with `width` text properties and, below them, `depth` more levels of the same. */
function wide(width: number, depth: number): JsonObject {
  const properties: JsonObject = {};
  for (let i = 0; i < width; i++) properties[`p${i}`] = { type: 'string' };
  if (depth > 0) properties.next = wide(width, depth - 1);
  properties.markets = { type: 'array', items: { type: 'string' }, example: ['CA', 'BR'] };
  properties.codes = { type: 'array', items: { $ref: '#/definitions/Code' } };
  properties.tags = { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } };
  return { type: 'object', properties };
}

/** Nodes as the validator counts them: every schema, property, `items`, `allOf` member. */
function count(schema: unknown): number {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return 0;
  const s = schema as JsonObject;
  let n = 1;
  for (const p of Object.values((s.properties as JsonObject | undefined) ?? {})) n += count(p);
  n += count(s.items);
  n += count(s.additionalProperties);
  for (const m of (s.allOf as unknown[] | undefined) ?? []) n += count(m);
  return n;
}

/** The deepest `next` of a schema, and how many levels down it is. */
function deepest(schema: JsonObject): { node: JsonObject; level: number } {
  let node = schema;
  let level = 0;
  for (;;) {
    const next = (node.properties as JsonObject | undefined)?.next as JsonObject | undefined;
    if (!next?.properties) return { node, level };
    node = next;
    level++;
  }
}

describe('shrinkSchemas', () => {
  it('leaves schemas within the limit alone, and reports nothing', () => {
    const swagger: JsonObject = {
      definitions: { Small: wide(5, 3), Code: { type: 'string', enum: ['a', 'b'] } },
    };
    const before = structuredClone(swagger);
    const losses = createLosses();
    shrinkSchemas(swagger, losses);
    expect(swagger).toEqual(before);
    expect(losses.items).toEqual([]);
  });

  it('cuts a too deep schema to the limit, reported, keeping arrays of text and of referenced text as they are', () => {
    const swagger: JsonObject = {
      definitions: { Deep: wide(40, 20), Code: { type: 'string', enum: ['a', 'b'] } },
    };
    const losses = createLosses();
    shrinkSchemas(swagger, losses);
    const deep = (swagger.definitions as JsonObject).Deep as JsonObject;
    expect(count(deep)).toBeLessThanOrEqual(MAX_SCHEMAS);
    expect(losses.items).toEqual([
      {
        pointer: '/definitions/Deep',
        construct: 'schema size',
        action: expect.stringMatching(
          /^expanded to \d+ schemas \(limit 512\); levels below \d+ became plain objects$/,
        ),
      },
    ]);
    // At the last level kept, the object's arrays: text stays text (its example still fits), a
    // reference to text becomes the text schema, and objects become plain objects.
    const { node } = deepest(deep);
    const last = (node.properties as JsonObject).next as JsonObject;
    expect(last.type).toBe('object');
    const leaves = node.properties as JsonObject;
    expect(leaves.markets).toEqual({ type: 'array', items: { type: 'string' }, example: ['CA', 'BR'] });
    expect(leaves.codes).toEqual({ type: 'array', items: { type: 'string', enum: ['a', 'b'] } });
    expect(leaves.tags).toEqual({ type: 'array', items: { type: 'object' } });
  });
});
