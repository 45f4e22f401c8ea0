import { describe, expect, it } from 'vitest';
import { swagger } from '../testing.ts';
import { walkDefinition } from '../walk.ts';
import { testConnector } from './_test-connector.ts';
import { parameterLabel } from './parameter-label.ts';

const connector = testConnector(
  swagger({
    paths: {
      '/tasks/{id}': {
        parameters: [{ name: 'id', in: 'path' }],
        get: {
          operationId: 'GetTask',
          parameters: [{ name: 'fields', in: 'query' }, { $ref: '#/parameters/Top' }],
        },
      },
    },
    parameters: { Top: { name: 'top', in: 'query' }, Unused: { in: 'query' } },
  }),
);

const labels: string[] = [];
walkDefinition(connector, {
  parameter: (p) => labels.push(parameterLabel(p, connector)),
  response: () => {},
  schema: () => {},
});

describe('parameterLabel', () => {
  it('names the operation, the path or the shared entry', () => {
    expect(labels).toEqual([
      'Parameter `id` of path `/tasks/{id}`',
      'Parameter `fields` of operation `GetTask`',
      'Shared parameter `top` (`#/parameters/Top`)',
      'Shared parameter `(unnamed)` (`#/parameters/Unused`)',
    ]);
  });
});
