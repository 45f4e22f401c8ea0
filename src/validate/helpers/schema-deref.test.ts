import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { swagger } from '../testing.ts';
import { derefSchema } from './schema-deref.ts';

const connect = (doc: unknown) =>
  connectorFromFiles([
    { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) },
  ]);

describe('derefSchema', () => {
  const connector = connect(
    swagger({
      definitions: {
        Pet: { type: 'object' },
        Alias: { $ref: '#/definitions/Pet' },
        Loop: { $ref: '#/definitions/Loop' },
      },
    }),
  );
  it('returns an inline schema as it is, with the given pointer', () => {
    const schema = { type: 'string' };
    expect(derefSchema(connector, schema, '/x')).toEqual({ schema, pointer: '/x' });
  });
  it('follows $ref chains to where the content lives', () => {
    expect(derefSchema(connector, { $ref: '#/definitions/Alias' }, '/x')).toEqual({
      schema: { type: 'object' },
      pointer: '/definitions/Pet',
    });
  });
  it('gives undefined for cycles, dangling refs and non-objects', () => {
    expect(derefSchema(connector, { $ref: '#/definitions/Loop' }, '/x')).toBeUndefined();
    expect(derefSchema(connector, { $ref: '#/definitions/Nope' }, '/x')).toBeUndefined();
    expect(derefSchema(connector, 'string', '/x')).toBeUndefined();
  });
});
