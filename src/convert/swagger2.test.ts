import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { createLosses } from './loss.ts';
import { convertSwagger2 } from './swagger2.ts';

/** A key in the shape of an AWS access key (not the published `…EXAMPLE` one). */
const KEY = 'AKIAZZZZQQQQ7WWWXX3Y';

function swagger(paths: JsonObject, definitions: JsonObject = {}): JsonObject {
  return { swagger: '2.0', info: { title: 'T', version: '1' }, host: 'api.example.org', paths, definitions };
}

describe('convertSwagger2', () => {
  it('drops response, schema and parameter examples that look like credentials, and reports each', () => {
    const losses = createLosses();
    const { swagger: out } = convertSwagger2(
      swagger(
        {
          '/keys': {
            get: {
              produces: ['application/json', 'text/plain'],
              parameters: [{ name: 'id', in: 'query', type: 'string', 'x-example': KEY }],
              responses: {
                '200': {
                  description: 'OK',
                  schema: { $ref: '#/definitions/Key' },
                  examples: { 'application/json': { access_key: KEY }, 'text/plain': 'fine' },
                },
              },
            },
          },
        },
        { Key: { type: 'object', properties: { id: { type: 'string', example: KEY } } } },
      ),
      losses,
    );
    const text = JSON.stringify(out);
    expect(text).not.toContain(KEY);
    expect(text).toContain('"text/plain":"fine"');
    expect(losses.items.filter((l) => l.construct === 'example').map((l) => l.pointer)).toEqual([
      '/paths/~1keys/get/parameters/0/x-example',
      '/paths/~1keys/get/responses/200/examples/application~1json',
      '/definitions/Key/properties/id/example',
    ]);
  });

  it('keeps ordinary examples and a property that is named `example`', () => {
    const losses = createLosses();
    const input = swagger(
      {},
      { Thing: { type: 'object', properties: { example: { type: 'string', example: 'a value' } } } },
    );
    const { swagger: out } = convertSwagger2(input, losses);
    expect(out.definitions).toEqual(input.definitions);
    expect(losses.items.filter((l) => l.construct === 'example')).toEqual([]);
  });
});
