import { describe, expect, it } from 'vitest';
import { testConnector } from './_test-connector.ts';
import { schemaOutline } from './schema-outline.ts';

const connector = testConnector({ swagger: '2.0', paths: {} });
const labelled = { type: 'string', 'x-ms-summary': 'Name', description: 'The name.' };

describe('schemaOutline', () => {
  it('sizes the inline tree and lists its references in document order', () => {
    const schema = {
      properties: {
        id: { type: 'string' },
        owner: { $ref: '#/definitions/User' },
        tags: { type: 'array', items: { $ref: '#/definitions/Tag' } },
      },
      allOf: [{ properties: { due: { type: 'string' } } }],
    };
    const outline = schemaOutline(connector, schema);
    // The schema, id, tags, the allOf member and due, two levels (allOf shares its parent's); the
    // references count only through their targets.
    expect(outline).toMatchObject({ count: 5, nesting: 2, deepest: 2, complete: true });
    expect(outline.refs).toEqual([
      { ref: '#/definitions/User', depth: 1, nesting: 1 },
      { ref: '#/definitions/Tag', depth: 2, nesting: 2 },
    ]);
  });
  it('counts unlabelled properties and keeps the paths to the first five', () => {
    const properties = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, { type: 'string' }]));
    const schema = {
      type: 'array',
      items: { properties: { ...properties, ok: labelled, skipped: { $ref: 7, properties: { x: {} } } } },
    };
    const { unlabelled, shown } = schemaOutline(connector, schema);
    expect(unlabelled).toBe(6);
    expect(shown).toHaveLength(5);
    expect(shown[0]).toEqual({
      kind: 'property',
      key: 'a',
      parent: { kind: 'items', key: '', parent: undefined },
    });
  });
  it('walks below a non-string $ref for sizes but not for labels', () => {
    const outline = schemaOutline(connector, { properties: { odd: { $ref: 7, properties: { x: {} } } } });
    expect(outline).toMatchObject({ count: 3, unlabelled: 0, refs: [] });
  });
  it('is computed once per schema object', () => {
    const schema = { properties: { id: { type: 'string' } } };
    expect(schemaOutline(connector, schema)).toBe(schemaOutline(connector, schema));
  });
});
