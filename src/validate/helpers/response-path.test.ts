import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { swagger } from '../testing.ts';
import { arrayness, followPath, pathSegments, successSchema } from './response-path.ts';

const connect = (doc: unknown) =>
  connectorFromFiles([
    { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) },
  ]);

const connector = connect(
  swagger({
    paths: {
      '/items': {
        get: {
          operationId: 'ListItems',
          responses: {
            '202': { description: 'Accepted', schema: { type: 'string' } },
            '200': { description: 'OK', schema: { $ref: '#/definitions/Page' } },
          },
        },
      },
    },
    definitions: {
      Page: {
        allOf: [{ properties: { meta: { type: 'object' } } }],
        properties: { value: { type: 'array', items: { type: 'object' } }, total: { type: 'integer' } },
      },
    },
  }),
);
const page = successSchema(connector, connector.operation('ListItems')!)!;

describe('successSchema', () => {
  it('prefers the 200 response and follows its $ref', () => {
    expect(page.pointer).toBe('/definitions/Page');
  });
});

describe('pathSegments', () => {
  it('drops empty segments', () => {
    expect(pathSegments('/value//items/')).toEqual(['value', 'items']);
  });
});

describe('followPath', () => {
  it('finds properties, including those of allOf members', () => {
    expect(followPath(connector, page, ['value'])).toMatchObject({ status: 'found' });
    expect(followPath(connector, page, ['meta'])).toMatchObject({ status: 'found' });
  });
  it('says missing only where the schema lists its properties', () => {
    expect(followPath(connector, page, ['values'])).toEqual({
      status: 'missing',
      segment: 'values',
      pointer: '/definitions/Page',
    });
    expect(followPath(connector, page, ['meta', 'anything'])).toEqual({ status: 'unknown' });
  });
});

describe('arrayness', () => {
  it('tells arrays, non-arrays and open schemas apart', () => {
    const at = (path: string[]) => followPath(connector, page, path);
    const value = at(['value']);
    const total = at(['total']);
    expect(value.status === 'found' && arrayness(connector, value)).toBe('array');
    expect(total.status === 'found' && arrayness(connector, total)).toBe('not-array');
    expect(arrayness(connector, page)).toBe('not-array');
    expect(arrayness(connector, { schema: { type: 'object' }, pointer: '' })).toBe('unknown');
  });
});
