import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import { connectorOf, fakeCall } from './testing.ts';
import { treeBrowse, treeOpen } from './tree.ts';

// Excerpt of certified-connectors/Egnyte: a `path` parameter with both the file picker capability
// (`x-ms-dynamic-values.capability`) and an `x-ms-dynamic-tree`, plus the connector-wide file picker.
const pathParameter = (settings: JsonObject) => ({
  name: 'path',
  in: 'query',
  required: true,
  type: 'string',
  'x-ms-dynamic-values': {
    parameters: { isFolder: false, fileFilter: [], dataset: null },
    capability: 'file-picker',
    'value-path': 'path',
  },
  'x-ms-dynamic-tree': {
    settings,
    open: {
      operationId: 'listRootFolder',
      itemValuePath: 'path',
      itemTitlePath: 'name',
      itemIsParent: '(is_folder eq true)',
      itemFullTitlePath: 'path',
    },
    browse: {
      operationId: 'listFolder',
      itemValuePath: 'path',
      itemTitlePath: 'name',
      itemIsParent: '(is_folder eq true)',
      itemFullTitlePath: 'path',
      parameters: { path: { selectedItemValuePath: 'path' } },
    },
  },
});

const egnyte = connectorOf({
  'x-ms-capabilities': {
    'file-picker': {
      open: { operationId: 'listRootFolder' },
      browse: { operationId: 'listFolder', parameters: { path: { 'value-property': 'path' } } },
      'value-title': 'name',
      'value-folder-property': 'is_folder',
      'value-media-property': 'mediaType',
    },
  },
  paths: {
    '/webhook/FileLocked': {
      post: {
        operationId: 'fileLocked',
        parameters: [pathParameter({ canSelectParentNodes: false, canSelectLeafNodes: true })],
        responses: { '201': { description: 'Created' } },
      },
    },
    '/webhook/FolderCreated': {
      post: {
        operationId: 'folderCreated',
        parameters: [pathParameter({ canSelectParentNodes: true, canSelectLeafNodes: true })],
        responses: { '201': { description: 'Created' } },
      },
    },
    '/api-proxy/filepicker/listContents/': {
      get: { operationId: 'listRootFolder', responses: { '200': { description: 'default' } } },
    },
    '/api-proxy/filepicker/listContents{path}': {
      get: {
        operationId: 'listFolder',
        parameters: [{ name: 'path', in: 'path', required: true, type: 'string' }],
        responses: { '200': { description: 'default' } },
      },
    },
  },
});

const root: JsonObject[] = [
  { name: 'Shared', path: '/Shared', is_folder: true },
  { name: 'notes.txt', path: '/notes.txt', is_folder: false, mediaType: 'text/plain' },
];
const shared: JsonObject[] = [{ name: 'Docs', path: '/Shared/Docs', is_folder: true }];

describe('treeOpen and treeBrowse', () => {
  it('opens the Egnyte root with titles, full titles and parent flags from `itemIsParent`.', async () => {
    const fake = fakeCall({ listRootFolder: { body: root } });
    const nodes = await treeOpen(egnyte, egnyte.operation('fileLocked')!, 'path', {}, fake.call);
    expect(nodes).toEqual([
      {
        value: '/Shared',
        displayName: 'Shared',
        fullTitle: '/Shared',
        isParent: true,
        selectable: false,
        item: root[0],
      },
      {
        value: '/notes.txt',
        displayName: 'notes.txt',
        fullTitle: '/notes.txt',
        isParent: false,
        selectable: true,
        item: root[1],
      },
    ]);
    expect(fake.calls).toEqual([{ operationId: 'listRootFolder', args: {} }]);
  });

  it('browses a folder with the selected item’s `path`, honouring `canSelectParentNodes`.', async () => {
    const fake = fakeCall({ listFolder: { body: shared } });
    const nodes = await treeBrowse(
      egnyte,
      egnyte.operation('folderCreated')!,
      'path',
      {},
      fake.call,
      root[0]!,
    );
    expect(nodes.map((n) => [n.value, n.isParent, n.selectable])).toEqual([['/Shared/Docs', true, true]]);
    expect(fake.calls).toEqual([{ operationId: 'listFolder', args: { path: '/Shared' } }]);
  });

  it('browses with a primitive selected item standing for the selected value.', async () => {
    const fake = fakeCall({ listFolder: { body: [] } });
    await treeBrowse(egnyte, egnyte.operation('fileLocked')!, 'path', {}, fake.call, '/Shared');
    expect(fake.calls[0]!.args).toEqual({ path: '/Shared' });
  });

  it('uses the connector file picker when asked, with folder and media properties.', async () => {
    const fake = fakeCall({ listRootFolder: { body: root }, listFolder: { body: shared } });
    const op = egnyte.operation('fileLocked')!;
    const nodes = await treeOpen(egnyte, op, 'path', {}, fake.call, { source: 'file-picker' });
    expect(nodes).toEqual([
      { value: '/Shared', displayName: 'Shared', isParent: true, selectable: false, item: root[0] },
      {
        value: '/notes.txt',
        displayName: 'notes.txt',
        isParent: false,
        selectable: true,
        mediaType: 'text/plain',
        item: root[1],
      },
    ]);
    await treeBrowse(egnyte, op, 'path', {}, fake.call, nodes[0]!.item, { source: 'file-picker' });
    // `isFolder`, `fileFilter` and `dataset` configure the picker; they are not sent to `listFolder`.
    expect(fake.calls[1]).toEqual({ operationId: 'listFolder', args: { path: '/Shared' } });
  });

  it('reads `itemsPath` and defaults to leaves-only selection without settings.', async () => {
    const connector = treeConnector({
      open: { operationId: 'List', itemsPath: 'value', itemValuePath: 'id', itemIsParent: "(kind eq 'dir')" },
    });
    const fake = fakeCall({
      List: {
        body: {
          value: [
            { id: 1, kind: 'dir' },
            { id: 2, kind: 'file' },
          ],
        },
      },
    });
    const nodes = await treeOpen(connector, connector.operation('Op')!, 'p', {}, fake.call);
    expect(nodes.map((n) => [n.value, n.displayName, n.isParent, n.selectable])).toEqual([
      [1, '1', true, false],
      [2, '2', false, true],
    ]);
  });

  it('fills `parameterReference` entries of a tree call from the current arguments.', async () => {
    const connector = treeConnector({
      open: { operationId: 'List', parameters: { scope: { parameterReference: 'scope' } } },
    });
    const fake = fakeCall({ List: { body: [] } });
    await treeOpen(connector, connector.operation('Op')!, 'p', { scope: 'project-7' }, fake.call);
    expect(fake.calls[0]!.args).toEqual({ scope: 'project-7' });
  });

  const failures: {
    name: string;
    tree: JsonObject | undefined;
    browse: boolean;
    code: string;
    message: RegExp;
  }[] = [
    {
      name: 'a tree without `browse`',
      tree: { open: { operationId: 'List' } },
      browse: true,
      code: 'DYNAMIC_LOOKUP_FAILED',
      message: /has no `browse`/,
    },
    {
      name: 'an `itemIsParent` that cannot be read',
      tree: { open: { operationId: 'List', itemIsParent: 'is_folder ==' } },
      browse: false,
      code: 'DYNAMIC_LOOKUP_FAILED',
      message: /The `itemIsParent` expression/,
    },
    {
      name: 'a parameter without a tree or file picker',
      tree: undefined,
      browse: false,
      code: 'PARAMETER_INVALID',
      message: /has no `x-ms-dynamic-tree` or file picker/,
    },
  ];
  it.each(failures)('fails with `$code` for $name.', async ({ tree, browse, code, message }) => {
    const connector = treeConnector(tree);
    const fake = fakeCall({ List: { body: [{ id: 1 }] } });
    const op = connector.operation('Op')!;
    const run = browse
      ? treeBrowse(connector, op, 'p', {}, fake.call, { id: 1 })
      : treeOpen(connector, op, 'p', {}, fake.call);
    const error = await run.catch((e: unknown) => e);
    expect((error as FlowportError).code).toBe(code);
    expect((error as FlowportError).message).toMatch(message);
  });

  it('reports a file picker parameter on a connector without the capability.', async () => {
    const connector = connectorOf({
      paths: {
        '/op': {
          get: {
            operationId: 'Op',
            parameters: [
              {
                name: 'p',
                in: 'query',
                type: 'string',
                'x-ms-dynamic-values': { capability: 'file-picker' },
              },
            ],
            responses: { '200': { description: 'OK' } },
          },
        },
      },
    });
    const error = await treeOpen(connector, connector.operation('Op')!, 'p', {}, fakeCall({}).call).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FlowportError);
    expect((error as FlowportError).message).toMatch(/declares no `x-ms-capabilities.file-picker`/);
  });
});

function treeConnector(tree: JsonObject | undefined) {
  return connectorOf({
    paths: {
      '/op': {
        get: {
          operationId: 'Op',
          parameters: [
            { name: 'p', in: 'query', type: 'string', ...(tree && { 'x-ms-dynamic-tree': tree }) },
            { name: 'scope', in: 'query', type: 'string' },
          ],
          responses: { '200': { description: 'OK' } },
        },
      },
      '/list': {
        get: {
          operationId: 'List',
          parameters: [{ name: 'scope', in: 'query', type: 'string' }],
          responses: { '200': { description: 'OK' } },
        },
      },
    },
  });
}
