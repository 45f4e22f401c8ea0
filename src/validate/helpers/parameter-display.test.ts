import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../connector/model.ts';
import { swagger } from '../testing.ts';
import { walkDefinition } from '../walk.ts';
import { testConnector } from './_test-connector.ts';
import { isDisplayedParameter, operationsUsing } from './parameter-display.ts';

const connector = testConnector(
  swagger({
    paths: {
      '/tasks': {
        post: {
          operationId: 'AddTask',
          parameters: [
            { name: 'shown', in: 'query', type: 'string' },
            { name: 'hidden', in: 'query', type: 'string', 'x-ms-visibility': 'internal' },
            { name: 'body', in: 'body', schema: { $ref: '#/definitions/Task' } },
            { $ref: '#/parameters/Shared' },
          ],
        },
      },
      '/hooks/{id}': {
        delete: {
          operationId: 'DeleteHook',
          'x-ms-visibility': 'internal',
          parameters: [{ name: 'id', in: 'path', type: 'string' }, { $ref: '#/parameters/Shared' }],
        },
      },
      '/batch': {
        post: {
          operationId: 'AddTasks',
          parameters: [{ name: 'tasks', in: 'body', schema: { type: 'array', items: { type: 'object' } } }],
        },
      },
      '/files': {
        put: {
          operationId: 'Upload',
          parameters: [{ name: 'content', in: 'body', schema: { type: 'string', format: 'binary' } }],
        },
      },
    },
    parameters: { Shared: { name: 'tenant', in: 'header', type: 'string' } },
    definitions: { Task: { type: 'object', properties: { title: { type: 'string' } } } },
  }),
);

const params: Parameter[] = [];
walkDefinition(connector, { parameter: (p) => params.push(p), response: () => {}, schema: () => {} });
const shown = Object.fromEntries(params.map((p) => [p.name, isDisplayedParameter(p, connector)]));

describe('isDisplayedParameter', () => {
  it('hides internal parameters, parameters of internal operations, object and array bodies', () => {
    expect(shown).toEqual({
      shown: true,
      hidden: false,
      body: false,
      tenant: true,
      id: false,
      content: true,
      tasks: false,
    });
  });
});

describe('operationsUsing', () => {
  it('lists every operation that uses a shared parameter', () => {
    expect(operationsUsing(connector, '/parameters/Shared').map((op) => op.label)).toEqual([
      'AddTask',
      'DeleteHook',
    ]);
  });
});
