import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { swagger } from '../testing.ts';
import {
  inputInternal,
  inputLabel,
  inputRequired,
  inputType,
  operationInputs,
  resolveInput,
} from './operation-inputs.ts';

const connect = (doc: unknown) =>
  connectorFromFiles([
    { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) },
  ]);

const connector = connect(
  swagger({
    paths: {
      '/tasks/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
        post: {
          operationId: 'UpdateTask',
          parameters: [{ name: 'task', in: 'body', required: true, schema: { $ref: '#/definitions/Task' } }],
          responses: { '200': { description: 'OK' } },
        },
      },
    },
    definitions: {
      Task: {
        type: 'object',
        required: ['owner'],
        properties: {
          id: { type: 'integer' },
          owner: { $ref: '#/definitions/Person' },
          parent: { $ref: '#/definitions/Task' },
        },
      },
      Person: {
        type: 'object',
        'x-ms-visibility': 'internal',
        allOf: [{ required: ['name'], properties: { name: { type: 'string' } } }],
      },
    },
  }),
);
const op = connector.operation('UpdateTask')!;
const inputs = operationInputs(connector, op);

describe('operationInputs', () => {
  it('indexes path-level and body parameters by name', () => {
    expect([...inputs.parameters.keys()]).toEqual(['id', 'task']);
    expect(inputs.body?.name).toBe('task');
  });
  it('lists body properties by path through $refs, allOf and one level of recursion', () => {
    expect([...inputs.properties.keys()]).toEqual(['id', 'owner', 'owner/name', 'parent']);
  });
  it('tracks required and internal along the chain', () => {
    const name = inputs.properties.get('owner/name')!;
    expect([name.required, name.internal, name.type]).toEqual([true, true, 'string']);
    expect(inputs.properties.get('id')!.required).toBe(false);
  });
  it('is computed once per operation', () => {
    expect(operationInputs(connector, op)).toBe(inputs);
  });
});

describe('resolveInput', () => {
  it('finds both a parameter and a body property for an ambiguous name (name form)', () => {
    expect(resolveInput(inputs, 'id', 'name').map((t) => t.kind)).toEqual(['parameter', 'property']);
  });
  it('reads path-form names as the parameter first, then a path inside the body', () => {
    expect(resolveInput(inputs, 'id', 'path').map((t) => t.kind)).toEqual(['parameter']);
    const [owner] = resolveInput(inputs, 'task/owner/name', 'path');
    expect(owner && inputLabel(owner)).toBe('owner/name');
    expect(resolveInput(inputs, 'owner/name', 'path')).toEqual([]);
  });
  it('describes what it found', () => {
    const [id] = resolveInput(inputs, 'id', 'path');
    const [task] = resolveInput(inputs, 'task', 'path');
    expect([inputType(connector, id!), inputRequired(id!), inputInternal(id!)]).toEqual([
      'string',
      true,
      false,
    ]);
    expect(inputType(connector, task!)).toBe('object');
  });
});
