import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import listAmbiguous from './dynamic-list-extension-required-for-ambiguous-references.ts';
import listNonParameter from './dynamic-list-extension-required-for-non-parameter-references.ts';
import propertiesAmbiguous from './dynamic-properties-extension-required-for-ambiguous-references.ts';
import propertiesNonParameter from './dynamic-properties-extension-required-for-non-parameter-references.ts';
import missingRequired from './operation-missing-required-property.ts';
import nameAmbiguous from './operation-parameter-name-is-ambiguous.ts';
import nameNotFound from './operation-parameter-name-not-found.ts';
import requiredMismatch from './operation-parameter-required-mismatch.ts';
import staticTypeMismatch from './operation-parameter-static-type-mismatch.ts';
import typeMismatch from './operation-parameter-type-mismatch.ts';
import sourceInternal from './source-property-internal.ts';

const ok = { '200': { description: 'OK', schema: { type: 'array', items: { type: 'object' } } } };

/**
 * `CreateTask` (path `id`, query `mode`, internal `region`, body `task` with `id`, `title`, `size`)
 * whose body property `tag` carries `extensions`; `ListTags` (query `project` required, `limit`
 * integer) and `SearchTags` (body `query` with `filter`, `id`; query `filter` too) are the targets.
 */
function doc(extensions: Record<string, unknown>, createTask: Record<string, unknown> = {}, shared = false) {
  const task = {
    type: 'object',
    required: ['title'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      size: { type: 'integer' },
      tag: { type: 'string', ...extensions },
    },
  };
  return swagger({
    definitions: shared ? { Task: task } : {},
    paths: {
      '/projects/{id}/tasks': {
        post: {
          operationId: 'CreateTask',
          parameters: [
            { name: 'id', in: 'path', required: true, type: 'string' },
            { name: 'mode', in: 'query', type: 'string' },
            { name: 'region', in: 'query', type: 'string', 'x-ms-visibility': 'internal', default: 'eu' },
            {
              name: 'task',
              in: 'body',
              required: true,
              schema: shared ? { $ref: '#/definitions/Task' } : task,
            },
          ],
          responses: ok,
          ...createTask,
        },
      },
      '/tags': {
        get: {
          operationId: 'ListTags',
          parameters: [
            { name: 'project', in: 'query', required: true, type: 'string' },
            { name: 'limit', in: 'query', type: 'integer' },
          ],
          responses: ok,
        },
      },
      '/tags/search': {
        post: {
          operationId: 'SearchTags',
          parameters: [
            { name: 'filter', in: 'query', type: 'string' },
            {
              name: 'query',
              in: 'body',
              schema: { type: 'object', properties: { filter: { type: 'string' }, id: { type: 'string' } } },
            },
          ],
          responses: ok,
        },
      },
    },
  });
}

const values = (parameters: unknown, operationId = 'ListTags') => ({
  'x-ms-dynamic-values': { operationId, parameters },
});
const list = (parameters: unknown, operationId = 'ListTags') => ({
  'x-ms-dynamic-list': { operationId, parameters },
});
const tagAt = '/paths/~1projects~1{id}~1tasks/post/parameters/3/schema/properties/tag';

describe('dynamic-list-extension-required-for-non-parameter-references', () => {
  it('reports a reference to a body property', () => {
    const d = doc(values({ project: { parameter: 'title' } }));
    expect(messages(listNonParameter, { swagger: d })).toEqual([
      'The `x-ms-dynamic-values` extension references properties within parameters: `title` is not a parameter of operation `CreateTask`; you need to define the `x-ms-dynamic-list` extension.',
    ]);
    expect(pointers(listNonParameter, { swagger: d })).toEqual([
      `${tagAt}/x-ms-dynamic-values/parameters/project`,
    ]);
  });
  it('accepts parameter references, and body references covered by x-ms-dynamic-list', () => {
    expect(messages(listNonParameter, { swagger: doc(values({ project: { parameter: 'id' } })) })).toEqual(
      [],
    );
    const both = {
      ...values({ project: { parameter: 'title' } }),
      ...list({ project: { parameterReference: 'task/title' } }),
    };
    expect(messages(listNonParameter, { swagger: doc(both) })).toEqual([]);
  });
});

describe('dynamic-list-extension-required-for-non-parameter-references in shared definitions', () => {
  it('resolves references against each operation that uses the definition', () => {
    const d = doc(values({ project: { parameter: 'title' } }), {}, true);
    expect(pointers(listNonParameter, { swagger: d })).toEqual([
      '/definitions/Task/properties/tag/x-ms-dynamic-values/parameters/project',
    ]);
  });
});

describe('dynamic-list-extension-required-for-ambiguous-references', () => {
  it('reports a name that is both a parameter and a body property', () => {
    expect(messages(listAmbiguous, { swagger: doc(values({ project: { parameter: 'id' } })) })).toEqual([
      'The `x-ms-dynamic-values` extension references ambiguous parameter references: `id` is both a parameter and a body property of operation `CreateTask`; you need to define the `x-ms-dynamic-list` extension.',
    ]);
  });
  it('accepts unambiguous references', () => {
    expect(messages(listAmbiguous, { swagger: doc(values({ project: { parameter: 'mode' } })) })).toEqual([]);
  });
});

const dynamicSchema = (parameters: unknown, properties?: unknown) => ({
  'x-ms-dynamic-schema': { operationId: 'ListTags', parameters },
  ...(properties ? { 'x-ms-dynamic-properties': { operationId: 'ListTags', parameters: properties } } : {}),
});

describe('dynamic-properties-extension-required-for-non-parameter-references', () => {
  it('reports a dynamic schema referencing a body property', () => {
    expect(
      pointers(propertiesNonParameter, { swagger: doc(dynamicSchema({ project: { parameter: 'size' } })) }),
    ).toEqual([`${tagAt}/x-ms-dynamic-schema/parameters/project`]);
  });
  it('accepts it with x-ms-dynamic-properties', () => {
    const d = doc(
      dynamicSchema({ project: { parameter: 'size' } }, { project: { parameterReference: 'task/size' } }),
    );
    expect(messages(propertiesNonParameter, { swagger: d })).toEqual([]);
  });
});

describe('dynamic-properties-extension-required-for-ambiguous-references', () => {
  it('reports a dynamic schema with an ambiguous reference', () => {
    expect(
      messages(propertiesAmbiguous, { swagger: doc(dynamicSchema({ project: { parameter: 'id' } })) }),
    ).toHaveLength(1);
  });
  it('accepts a plain parameter reference', () => {
    expect(
      messages(propertiesAmbiguous, { swagger: doc(dynamicSchema({ project: { parameter: 'mode' } })) }),
    ).toEqual([]);
  });
});

describe('operation-parameter-name-not-found', () => {
  it('reports an input the called operation does not have', () => {
    expect(messages(nameNotFound, { swagger: doc(values({ project: 'x', projectId: 'y' })) })).toEqual([
      'The parameter `projectId` passed by `x-ms-dynamic-values` could not be found in operation `ListTags` in the swagger document.',
    ]);
  });
  it('reports a path-form key without the body parameter name, and an unknown parameterReference', () => {
    const d = doc(
      list(
        { filter: { value: 'a' }, id: { value: 'b' }, 'query/id': { parameterReference: 'task/nope' } },
        'SearchTags',
      ),
    );
    expect(messages(nameNotFound, { swagger: d })).toEqual([
      'The parameter `id` passed by `x-ms-dynamic-list` could not be found in operation `SearchTags` in the swagger document.',
      'The parameter reference `task/nope` in `x-ms-dynamic-list` could not be found in operation `CreateTask` in the swagger document.',
    ]);
  });
  it('accepts parameter names, body property names (name form) and body paths (path form)', () => {
    expect(messages(nameNotFound, { swagger: doc(values({ query: 'x', id: 'y' }, 'SearchTags')) })).toEqual(
      [],
    );
    const d = doc(
      list({ filter: { value: 'a' }, 'query/id': { parameterReference: 'task/title' } }, 'SearchTags'),
    );
    expect(messages(nameNotFound, { swagger: d })).toEqual([]);
  });
});

describe('operation-parameter-name-is-ambiguous', () => {
  it('reports a name-form key matching a parameter and a body property', () => {
    expect(messages(nameAmbiguous, { swagger: doc(values({ filter: 'x' }, 'SearchTags')) })).toEqual([
      'The parameter name `filter` is ambiguous as it matches both a parameter name and a path to a body property of operation `SearchTags`.',
    ]);
  });
  it('accepts path-form keys, which name the parameter first', () => {
    expect(messages(nameAmbiguous, { swagger: doc(list({ filter: { value: 'x' } }, 'SearchTags')) })).toEqual(
      [],
    );
  });
});

describe('operation-missing-required-property', () => {
  it('reports a required parameter the call does not pass', () => {
    expect(messages(missingRequired, { swagger: doc(values({ limit: 5 })) })).toEqual([
      'The target operation `ListTags` requires parameter `project`, but `x-ms-dynamic-values` does not pass it.',
    ]);
  });
  it('accepts a call that passes it', () => {
    expect(
      messages(missingRequired, { swagger: doc(list({ project: { parameterReference: 'id' } })) }),
    ).toEqual([]);
  });
});

describe('operation-parameter-static-type-mismatch', () => {
  it('reports a string literal for an integer parameter', () => {
    expect(messages(staticTypeMismatch, { swagger: doc(values({ project: 'p', limit: '5' })) })).toEqual([
      'The parameter `limit` of operation `ListTags` has type `integer`, but a static value is provided of type `string`.',
    ]);
  });
  it('checks { value } entries of the path form', () => {
    expect(messages(staticTypeMismatch, { swagger: doc(list({ project: { value: true } })) })).toHaveLength(
      1,
    );
  });
  it('accepts matching literals', () => {
    expect(messages(staticTypeMismatch, { swagger: doc(values({ project: 'p', limit: 5 })) })).toEqual([]);
  });
});

describe('operation-parameter-type-mismatch', () => {
  it('reports a referenced input of another type', () => {
    expect(
      messages(typeMismatch, { swagger: doc(list({ project: { parameterReference: 'task/size' } })) }),
    ).toEqual([
      'The parameter `project` of operation `ListTags` has type `string`, but operation `CreateTask` is providing a parameter of type `integer` (`size`).',
    ]);
  });
  it('accepts references of the same type', () => {
    expect(
      messages(typeMismatch, { swagger: doc(list({ project: { parameterReference: 'task/title' } })) }),
    ).toEqual([]);
  });
});

describe('operation-parameter-required-mismatch', () => {
  it('reports a required input fed from an optional one', () => {
    expect(messages(requiredMismatch, { swagger: doc(values({ project: { parameter: 'mode' } })) })).toEqual([
      'The parameter `project` of operation `ListTags` is required, but an optional value (`mode`) is provided by operation `CreateTask`; the request cannot be made until a value for this parameter is provided.',
    ]);
  });
  it('accepts required sources and sources with a default', () => {
    expect(
      messages(requiredMismatch, { swagger: doc(list({ project: { parameterReference: 'task/title' } })) }),
    ).toEqual([]);
    expect(
      messages(requiredMismatch, { swagger: doc(values({ project: { parameter: 'region' } })) }),
    ).toEqual([]);
  });
});

describe('source-property-internal', () => {
  it('reports a reference to an internal parameter from a visible operation', () => {
    expect(pointers(sourceInternal, { swagger: doc(values({ project: { parameter: 'region' } })) })).toEqual([
      `${tagAt}/x-ms-dynamic-values/parameters/project`,
    ]);
  });
  it('accepts it when the calling operation is internal too, and visible references', () => {
    const internal = doc(values({ project: { parameter: 'region' } }), { 'x-ms-visibility': 'internal' });
    expect(messages(sourceInternal, { swagger: internal })).toEqual([]);
    expect(messages(sourceInternal, { swagger: doc(values({ project: { parameter: 'mode' } })) })).toEqual(
      [],
    );
  });
});
