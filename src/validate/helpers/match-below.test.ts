import { describe, expect, it } from 'vitest';
import { isObject, type JsonObject } from '../../connector/json.ts';
import { connectorFromFiles } from '../../connector/load.ts';
import { matchBelow } from './match-below.ts';

const swagger = {
  swagger: '2.0',
  paths: {},
  definitions: {
    Leaf: { type: 'object', properties: { url: { type: 'string', 'x-mark': true } } },
    Holder: { type: 'object', properties: { child: { $ref: '#/definitions/Leaf' } } },
    ListOf: { type: 'array', items: { $ref: '#/definitions/Leaf' } },
    Cycle: { type: 'object', properties: { self: { $ref: '#/definitions/Cycle' } } },
    Plain: { type: 'object', properties: { name: { type: 'string' } } },
  },
};
const connector = connectorFromFiles([
  { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(swagger)) },
]);
const definitions = connector.definition.definitions;
const def = (name: string) => definitions[name] as JsonObject;
const marked = (schema: JsonObject) => isObject(schema) && schema['x-mark'] === true;

describe('matchBelow', () => {
  it('finds a match through properties and $refs', () => {
    const below = matchBelow(connector, marked, ['properties'], 32);
    expect(below(def('Holder'))).toBe(true);
    expect(below(def('Plain'))).toBe(false);
  });
  it('follows items only when asked to', () => {
    expect(matchBelow(connector, marked, ['properties'], 32)(def('ListOf'))).toBe(false);
    expect(matchBelow(connector, marked, ['properties', 'items'], 32)(def('ListOf'))).toBe(true);
  });
  it('terminates on a cycle, counting the schema met again as a match (costs a walk, never a miss)', () => {
    expect(matchBelow(connector, marked, ['properties'], 32)(def('Cycle'))).toBe(true);
  });
});
