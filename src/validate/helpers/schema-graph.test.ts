import { describe, expect, it } from 'vitest';
import { schemaNodes, testConnector } from './_test-connector.ts';
import { definitionNameOf, forEachSubschema, rootDefinitionName } from './schema-graph.ts';

describe('forEachSubschema', () => {
  it('visits properties, items (object or tuple), additionalProperties and allOf members', () => {
    const seen: string[] = [];
    forEachSubschema(
      {
        properties: { a: {}, b: 'not a schema' },
        items: [{}, 3, {}],
        additionalProperties: {},
        allOf: [{}],
      },
      (_child, kind, key) => seen.push(`${kind}:${key}`),
    );
    expect(seen).toEqual(['property:a', 'items:0', 'items:2', 'additionalProperties:', 'allOf:0']);
  });
});

describe('definitionNameOf', () => {
  it('names the definition a reference points into', () => {
    expect(definitionNameOf('#/definitions/Pet')).toBe('Pet');
    expect(definitionNameOf('#/definitions/A~1B/properties/id')).toBe('A/B');
    expect(definitionNameOf('#/responses/Ok')).toBeUndefined();
    expect(definitionNameOf('other.json#/definitions/Pet')).toBeUndefined();
  });
});

describe('rootDefinitionName', () => {
  it('finds the definition a nested node belongs to', () => {
    const nodes = schemaNodes(
      testConnector({
        swagger: '2.0',
        paths: {},
        definitions: { 'A/B': { properties: { x: { items: {} } } } },
      }),
    );
    expect(rootDefinitionName(nodes.get('/definitions/A~1B/properties/x/items')!)).toBe('A/B');
  });
});
