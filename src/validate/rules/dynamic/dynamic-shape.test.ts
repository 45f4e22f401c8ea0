import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import notAllowedInParameter from './dynamic-extension-definition-not-allowed-in-parameter.ts';
import listParameterInvalid from './dynamic-list-parameter-invalid.ts';
import operationNotFound from './dynamic-operation-not-found.ts';
import propertiesRequiredForValuePath from './dynamic-properties-extension-required-for-properties-value-path.ts';
import itemValuePathMismatch from './dynamic-properties-item-value-path-mismatch.ts';
import treeMissing from './dynamic-tree-extension-missing.ts';
import valuesOperationRequired from './dynamic-values-operation-required.ts';
import selectedItem from './selected-item-value-path-not-allowed-in-this-position.ts';

const ok = { '200': { description: 'OK', schema: { type: 'array', items: { type: 'object' } } } };

/** `POST /tasks` (`CreateTask`) whose `folder` query parameter carries `folder`, plus `ListFolders`. */
function doc(
  folder: Record<string, unknown>,
  body: Record<string, unknown> = { type: 'object' },
  bodyParameter: Record<string, unknown> = {},
) {
  return swagger({
    paths: {
      '/tasks': {
        post: {
          operationId: 'CreateTask',
          parameters: [
            { name: 'folder', in: 'query', type: 'string', ...folder },
            { name: 'body', in: 'body', schema: body, ...bodyParameter },
          ],
          responses: ok,
        },
      },
      '/folders': {
        get: {
          operationId: 'ListFolders',
          parameters: [{ name: 'parent', in: 'query', type: 'string' }],
          responses: ok,
        },
      },
    },
  });
}

describe('dynamic-extension-definition-not-allowed-in-parameter', () => {
  it('reports a dynamic schema on the body parameter itself', () => {
    const d = doc({}, { type: 'object' }, { 'x-ms-dynamic-schema': { operationId: 'ListFolders' } });
    expect(pointers(notAllowedInParameter, { swagger: d })).toEqual([
      '/paths/~1tasks/post/parameters/1/x-ms-dynamic-schema',
    ]);
  });
  it('accepts the extension inside the body schema', () => {
    const d = doc(
      {},
      { type: 'object', 'x-ms-dynamic-schema': { operationId: 'ListFolders', parameters: {} } },
    );
    expect(messages(notAllowedInParameter, { swagger: d })).toEqual([]);
  });
});

describe('dynamic-operation-not-found', () => {
  it('reports an unknown operationId and suggests the right case', () => {
    const d = doc({ 'x-ms-dynamic-values': { operationId: 'listFolders', parameters: {} } });
    const [finding] = messages(operationNotFound, { swagger: d });
    expect(finding).toBe(
      "The 'operationId' `listFolders` of `x-ms-dynamic-values` (parameter `folder`) could not be found in this swagger document.",
    );
  });
  it('checks both calls of x-ms-dynamic-tree and a missing operationId on other extensions', () => {
    const d = doc({
      'x-ms-dynamic-tree': { open: { operationId: 'ListFolders' }, browse: { operationId: 'Browse' } },
      'x-ms-dynamic-list': { parameters: {} },
    });
    expect(pointers(operationNotFound, { swagger: d }).sort()).toEqual([
      '/paths/~1tasks/post/parameters/0/x-ms-dynamic-list',
      '/paths/~1tasks/post/parameters/0/x-ms-dynamic-tree/browse/operationId',
    ]);
  });
  it('checks extensions in definitions nobody references', () => {
    const d = {
      ...doc({}),
      definitions: { Unused: { type: 'string', 'x-ms-dynamic-values': { operationId: 'Nope' } } },
    };
    expect(pointers(operationNotFound, { swagger: d })).toEqual([
      '/definitions/Unused/x-ms-dynamic-values/operationId',
    ]);
  });
  it('checks the connector-wide file picker', () => {
    const picker = { open: { operationId: 'ListFolders' }, browse: { operationId: 'ListChildren' } };
    const d = { ...doc({}), 'x-ms-capabilities': { 'file-picker': picker } };
    expect(messages(operationNotFound, { swagger: d })).toEqual([
      "The 'operationId' `ListChildren` of `x-ms-capabilities.file-picker.browse` could not be found in this swagger document.",
    ]);
  });
  it('accepts known operations and built-in sources', () => {
    const d = doc(
      { 'x-ms-dynamic-values': { capability: 'file-picker' } },
      {
        type: 'object',
        properties: { p: { type: 'string', 'x-ms-dynamic-values': { operationId: 'ListFolders' } } },
      },
    );
    expect(messages(operationNotFound, { swagger: d })).toEqual([]);
  });
});

describe('dynamic-values-operation-required', () => {
  it('reports x-ms-dynamic-values without a source', () => {
    expect(
      messages(valuesOperationRequired, { swagger: doc({ 'x-ms-dynamic-values': { 'value-path': 'id' } }) }),
    ).toEqual([
      'At least one of the properties is required in `x-ms-dynamic-values` of parameter `folder`: [operationId, builtInOperation, capability].',
    ]);
  });
  it('accepts any of the three sources', () => {
    for (const source of [
      { operationId: 'ListFolders' },
      { builtInOperation: 'AadGraph.GetUsers' },
      { capability: 'file-picker' },
    ]) {
      expect(messages(valuesOperationRequired, { swagger: doc({ 'x-ms-dynamic-values': source }) })).toEqual(
        [],
      );
    }
  });
});

describe('dynamic-tree-extension-missing', () => {
  it('reports the file-picker capability without x-ms-dynamic-tree', () => {
    expect(
      pointers(treeMissing, { swagger: doc({ 'x-ms-dynamic-values': { capability: 'file-picker' } }) }),
    ).toEqual(['/paths/~1tasks/post/parameters/0/x-ms-dynamic-values/capability']);
  });
  it('accepts the capability next to x-ms-dynamic-tree', () => {
    const folder = {
      'x-ms-dynamic-values': { capability: 'file-picker' },
      'x-ms-dynamic-tree': { open: { operationId: 'ListFolders' }, browse: { operationId: 'ListFolders' } },
    };
    expect(messages(treeMissing, { swagger: doc(folder) })).toEqual([]);
  });
});

const schemaAt = (valuePath: unknown, properties?: Record<string, unknown>) =>
  doc(
    {},
    {
      type: 'object',
      'x-ms-dynamic-schema': { operationId: 'ListFolders', parameters: {}, 'value-path': valuePath },
      ...(properties
        ? { 'x-ms-dynamic-properties': { operationId: 'ListFolders', parameters: {}, ...properties } }
        : {}),
    },
  );

describe('dynamic-properties-extension-required-for-properties-value-path', () => {
  it('reports a value-path ending in properties without x-ms-dynamic-properties', () => {
    expect(pointers(propertiesRequiredForValuePath, { swagger: schemaAt('schema/properties') })).toEqual([
      '/paths/~1tasks/post/parameters/1/schema/x-ms-dynamic-schema/value-path',
    ]);
  });
  it('accepts other value paths, and the companion extension', () => {
    expect(messages(propertiesRequiredForValuePath, { swagger: schemaAt('schema') })).toEqual([]);
    expect(
      messages(propertiesRequiredForValuePath, {
        swagger: schemaAt('schema/properties', { itemValuePath: 'schema' }),
      }),
    ).toEqual([]);
  });
});

describe('dynamic-properties-item-value-path-mismatch', () => {
  it('reports an itemValuePath that is not value-path without properties', () => {
    expect(
      messages(itemValuePathMismatch, { swagger: schemaAt('schema/properties', { itemValuePath: 'data' }) }),
    ).toEqual([
      "The `x-ms-dynamic-properties` extension of the schema at `/paths/~1tasks/post/parameters/1/schema` should have the same item value path as `x-ms-dynamic-schema` without 'properties' ending; the expected path is `schema`.",
    ]);
  });
  it.each([
    ['schema/properties', 'schema'],
    ['schema', 'schema'],
    ['properties', undefined],
  ])('accepts value-path %s with itemValuePath %s', (valuePath, itemValuePath) => {
    const properties = itemValuePath === undefined ? {} : { itemValuePath };
    expect(messages(itemValuePathMismatch, { swagger: schemaAt(valuePath, properties) })).toEqual([]);
  });
});

describe('dynamic-list-parameter-invalid', () => {
  const list = (parameters: unknown) =>
    doc({ 'x-ms-dynamic-list': { operationId: 'ListFolders', parameters } });
  it.each([
    [{ parent: { parameter: 'folder' } }, 'uses `parameter`, the `x-ms-dynamic-values` form'],
    [{ parent: 'root' }, 'must be exactly one of'],
    [{ parent: { value: 'a', parameterReference: 'folder' } }, 'must be exactly one of'],
  ])('reports %j', (parameters, phrase) => {
    expect(messages(listParameterInvalid, { swagger: list(parameters) })[0]).toContain(phrase);
  });
  it('accepts value and parameterReference entries', () => {
    const parameters = { parent: { parameterReference: 'folder' }, other: { value: 3 } };
    expect(messages(listParameterInvalid, { swagger: list(parameters) })).toEqual([]);
  });
});

describe('selected-item-value-path-not-allowed-in-this-position', () => {
  const tree = (open: unknown, browse: unknown) =>
    doc({
      'x-ms-dynamic-tree': {
        open: { operationId: 'ListFolders', parameters: open },
        browse: { operationId: 'ListFolders', parameters: browse },
      },
    });
  it('reports selectedItemValuePath in the open call', () => {
    expect(
      pointers(selectedItem, { swagger: tree({ parent: { selectedItemValuePath: 'id' } }, {}) }),
    ).toEqual(['/paths/~1tasks/post/parameters/0/x-ms-dynamic-tree/open/parameters/parent']);
  });
  it('reports it in x-ms-dynamic-values', () => {
    const d = doc({
      'x-ms-dynamic-values': {
        operationId: 'ListFolders',
        parameters: { parent: { selectedItemValuePath: 'id' } },
      },
    });
    expect(messages(selectedItem, { swagger: d })).toHaveLength(1);
  });
  it('accepts it in the browse call', () => {
    expect(
      messages(selectedItem, { swagger: tree({}, { parent: { selectedItemValuePath: 'id' } }) }),
    ).toEqual([]);
  });
});
