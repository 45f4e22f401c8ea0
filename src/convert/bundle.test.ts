import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { isFlowportError } from '../errors.ts';
import { bundleFiles, hasExternalRefs } from './bundle.ts';
import { convertInput } from './convert.ts';
import { readInput } from './input.ts';

/** Writes the files (path → YAML or JSON text) into a new folder; returns its path. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowport-bundle-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const PETS = {
  'openapi.yaml': `openapi: 3.0.3
info: {title: Pets, version: '1'}
servers: [{url: 'https://pets.contoso.com/v1'}]
paths:
  /pets:
    $ref: ./paths/pets.yaml
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - $ref: ./common.yaml#/components/parameters/PetId
      responses:
        '200':
          description: A pet
          content:
            application/json:
              schema: { $ref: ./schemas/Pet.yaml }
`,
  'paths/pets.yaml': `get:
  operationId: listPets
  parameters:
    - $ref: ../common.yaml#/components/parameters/Top
  responses:
    '200':
      description: Pets
      content:
        application/json:
          schema: { type: array, items: { $ref: ../schemas/Pet.yaml } }
`,
  'schemas/Pet.yaml': `type: object
properties:
  id: { type: integer }
  owner: { $ref: ./Owner.yaml, description: Who looks after it }
  parent: { $ref: ./Pet.yaml }
  tag: { $ref: ../other/Pet.yaml }
`,
  'schemas/Owner.yaml': `type: object
properties:
  pets: { type: array, items: { $ref: ./Pet.yaml } }
  site: { $ref: 'https://schemas.contoso.com/site.json' }
`,
  'other/Pet.yaml': `type: string
`,
  'common.yaml': `components:
  parameters:
    Top: { name: top, in: query, schema: { type: integer } }
    PetId: { name: petId, in: path, required: true, schema: { $ref: '#/components/schemas/Id' } }
  schemas:
    Id: { type: integer, format: int64 }
`,
};

describe('bundleFiles', () => {
  const dir = folder(PETS);
  const root = readInput(PETS['openapi.yaml']).document;
  const bundled = bundleFiles(root, join(dir, 'openapi.yaml'));

  it('brings schemas and parameters in as named components, each file once, cycles ending in refs', () => {
    expect(hasExternalRefs(root)).toBe(true);
    expect(hasExternalRefs(bundled)).toBe(false);
    const components = bundled.components as JsonObject;
    expect(Object.keys(components.schemas as JsonObject)).toEqual(['Pet', 'Owner', 'Pet2', 'Id']);
    expect((components.schemas as JsonObject).Pet).toEqual({
      type: 'object',
      properties: {
        id: { type: 'integer' },
        owner: { description: 'Who looks after it', $ref: '#/components/schemas/Owner' },
        parent: { $ref: '#/components/schemas/Pet' },
        tag: { $ref: '#/components/schemas/Pet2' },
      },
    });
    expect((components.schemas as JsonObject).Owner).toMatchObject({
      properties: { pets: { items: { $ref: '#/components/schemas/Pet' } } },
    });
    // A URL is left to the converter, which reports it unresolved.
    expect(JSON.stringify(bundled)).toContain('https://schemas.contoso.com/site.json');
    expect(Object.keys(components.parameters as JsonObject)).toEqual(['Top', 'PetId']);
    expect((components.parameters as JsonObject).PetId).toMatchObject({
      schema: { $ref: '#/components/schemas/Id' },
    });
  });

  it('puts a path item in place', () => {
    const pets = (bundled.paths as JsonObject)['/pets'] as JsonObject;
    expect((pets.get as JsonObject).operationId).toBe('listPets');
    expect((pets.get as JsonObject).parameters).toEqual([{ $ref: '#/components/parameters/Top' }]);
  });

  it('gives a connector whose definitions came from the files', () => {
    const result = convertInput(
      { ...readInput(PETS['openapi.yaml']), document: bundled },
      { source: 'openapi.yaml' },
    );
    expect(Object.keys(result.swagger.definitions as JsonObject)).toEqual(
      expect.arrayContaining(['Pet', 'Owner']),
    );
    expect(result.stats.keptOperations).toBe(2);
  });

  it('bundles Swagger 2.0 into definitions, parameters and responses', () => {
    const files = {
      'swagger.json': JSON.stringify({
        swagger: '2.0',
        info: { title: 'Items', version: '1' },
        paths: {
          '/items': {
            get: {
              parameters: [{ $ref: 'shared.json#/parameters/top' }],
              responses: { 200: { $ref: 'shared.json#/responses/Items' } },
            },
          },
        },
      }),
      'shared.json': JSON.stringify({
        parameters: { top: { name: 'top', in: 'query', type: 'integer' } },
        responses: { Items: { description: 'Items', schema: { $ref: 'item.json' } } },
      }),
      'item.json': JSON.stringify({ type: 'object', properties: { id: { type: 'string' } } }),
    };
    const d = folder(files);
    const out = bundleFiles(JSON.parse(files['swagger.json']) as JsonObject, join(d, 'swagger.json'));
    expect(out.parameters).toEqual({ top: { name: 'top', in: 'query', type: 'integer' } });
    expect(out.responses).toEqual({
      Items: { description: 'Items', schema: { $ref: '#/definitions/item' } },
    });
    expect(out.definitions).toEqual({ item: { type: 'object', properties: { id: { type: 'string' } } } });
  });

  it('names the ref when a file cannot be read or a place in it does not exist', () => {
    const d = folder({ 'a.yaml': 'components: {}\n' });
    const refused = (ref: string) => {
      try {
        bundleFiles({ openapi: '3.0.0', paths: { '/x': { $ref: ref } } }, join(d, 'root.yaml'));
      } catch (error) {
        return isFlowportError(error) ? `${error.code}: ${error.message}` : String(error);
      }
      return 'not refused';
    };
    expect(refused('./missing.yaml')).toBe(
      `CONVERT_INPUT_INVALID: \`$ref: ./missing.yaml\` in root.yaml names ${join(d, 'missing.yaml')}, which cannot be read.`,
    );
    expect(refused('./a.yaml#/components/pathItems/x')).toBe(
      'CONVERT_INPUT_INVALID: `$ref: ./a.yaml#/components/pathItems/x` in root.yaml points at nothing: a.yaml has no `#/components/pathItems/x`.',
    );
  });
});
