import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../connector/load.ts';
import type { BreakingChange, BreakingResult } from './change.ts';
import { compareConnectors } from './compare.ts';

// biome-ignore lint/suspicious/noExplicitAny: test documents are plain JSON, changed freely by each case.
type Doc = Record<string, any>;

/** A small connector: an item API with a body, shared definitions (one of them cyclic) and a trigger. */
function base(): Doc {
  return {
    swagger: '2.0',
    info: { title: 'Contoso Items', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/v1',
    schemes: ['https'],
    securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
    paths: {
      '/items/{id}': {
        get: {
          operationId: 'GetItem',
          summary: 'Get an item',
          parameters: [
            { name: 'id', in: 'path', required: true, type: 'string' },
            { name: 'q', in: 'query', required: false, type: 'string', enum: ['a', 'b'] },
            { name: 'free', in: 'query', required: false, type: 'string' },
          ],
          responses: { 200: { description: 'OK', schema: { $ref: '#/definitions/Item' } } },
        },
      },
      '/items': {
        post: {
          operationId: 'CreateItem',
          summary: 'Create an item',
          parameters: [
            { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/NewItem' } },
          ],
          responses: { 201: { description: 'Created', schema: { $ref: '#/definitions/Item' } } },
        },
      },
      '/trigger': {
        get: {
          operationId: 'OnNewItems',
          summary: 'When items are created',
          'x-ms-trigger': 'batch',
          responses: {
            200: { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/Item' } } },
          },
        },
      },
    },
    definitions: {
      Item: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          created: { type: 'string', format: 'date-time' },
          tags: { type: 'array', items: { type: 'string' } },
          owner: { $ref: '#/definitions/User' },
        },
      },
      User: {
        type: 'object',
        properties: { name: { type: 'string' }, manager: { $ref: '#/definitions/User' } },
      },
      NewItem: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
          count: { type: 'integer', format: 'int32' },
          mode: { type: 'string', enum: ['x', 'y'] },
          nested: { type: 'object', properties: { a: { type: 'string' } } },
        },
      },
    },
  };
}

const connector = (doc: Doc, source: string) =>
  connectorFromFiles(
    [{ name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(doc, null, 2)) }],
    {
      source,
    },
  );

type Brief = Pick<BreakingChange, 'kind' | 'path' | 'severity'>;

/** The kind, path and severity of each change, in the order `by` gives. */
function brief(result: BreakingResult, by: (a: Brief, b: Brief) => number = () => 0): Brief[] {
  return result.changes.map(({ kind, path, severity }) => ({ kind, path, severity })).sort(by);
}

function changes(change: (d: Doc) => void): Brief[] {
  const after = base();
  change(after);
  // Sorted by kind, then path, so that each table lists them in one obvious order.
  return brief(
    compareConnectors(connector(base(), 'old'), connector(after, 'new')),
    (a, b) => a.kind.localeCompare(b.kind) || a.path.localeCompare(b.path),
  );
}

const get = (d: Doc) => d.paths['/items/{id}'].get;
const post = (d: Doc) => d.paths['/items'].post;
const param = (d: Doc, name: string) => get(d).parameters.find((p: Doc) => p.name === name);

describe('compareConnectors', () => {
  it.each<[string, (d: Doc) => void, ReturnType<typeof changes>]>([
    ['nothing when nothing changed', () => {}, []],
    [
      'nothing for changes that break no flow: a new operation, an optional parameter, an output field, texts',
      (d) => {
        d.paths['/more'] = { get: { operationId: 'More', responses: { 200: { description: 'OK' } } } };
        get(d).parameters.push({ name: 'extra', in: 'query', required: false, type: 'string' });
        d.definitions.Item.properties.extra = { type: 'string' };
        get(d).summary = 'Read an item';
        d.definitions.NewItem.properties.optional = { type: 'string' };
        param(d, 'q').enum.push('c');
      },
      [],
    ],
    [
      'a deleted operation',
      (d) => delete d.paths['/items'],
      [{ kind: 'operation-deleted', path: 'operation/CreateItem', severity: 'error' }],
    ],
    [
      'a renamed operation, as a deletion (operations are matched by operationId)',
      (d) => {
        post(d).operationId = 'AddItem';
      },
      [{ kind: 'operation-deleted', path: 'operation/CreateItem', severity: 'error' }],
    ],
    [
      'a hidden operation',
      (d) => {
        get(d)['x-ms-visibility'] = 'internal';
      },
      [{ kind: 'operation-hidden', path: 'operation/GetItem/x-ms-visibility', severity: 'error' }],
    ],
    [
      'a deprecated operation, as the approved way (info)',
      (d) => {
        get(d).deprecated = true;
      },
      [{ kind: 'operation-deprecated', path: 'operation/GetItem/deprecated', severity: 'info' }],
    ],
    [
      'a changed path template',
      (d) => {
        d.paths['/things/{id}'] = d.paths['/items/{id}'];
        delete d.paths['/items/{id}'];
      },
      [{ kind: 'operation-path-changed', path: 'operation/GetItem', severity: 'error' }],
    ],
    [
      'a changed HTTP method',
      (d) => {
        d.paths['/items'].put = post(d);
        delete d.paths['/items'].post;
      },
      [{ kind: 'operation-method-changed', path: 'operation/CreateItem', severity: 'error' }],
    ],
    [
      'a trigger that went from batch to single',
      (d) => {
        d.paths['/trigger'].get['x-ms-trigger'] = 'single';
      },
      [{ kind: 'trigger-kind-changed', path: 'operation/OnNewItems/x-ms-trigger', severity: 'error' }],
    ],
    [
      'a required parameter added, and a required one removed',
      (d) => {
        get(d).parameters.push({ name: 'tenant', in: 'header', required: true, type: 'string' });
        get(d).parameters = get(d).parameters.filter((p: Doc) => p.name !== 'id');
      },
      [
        { kind: 'parameter-deleted', path: 'operation/GetItem/parameter/id', severity: 'error' },
        { kind: 'parameter-required-added', path: 'operation/GetItem/parameter/tenant', severity: 'error' },
      ],
    ],
    [
      'an optional parameter removed (a warning: flows still send it)',
      (d) => {
        get(d).parameters = get(d).parameters.filter((p: Doc) => p.name !== 'free');
      },
      [{ kind: 'parameter-deleted', path: 'operation/GetItem/parameter/free', severity: 'warning' }],
    ],
    [
      'a parameter moved, made required, retyped, its enum cut, an enum added, hidden without a default',
      (d) => {
        param(d, 'id').in = 'query';
        param(d, 'free').required = true;
        param(d, 'free').enum = ['only'];
        param(d, 'q').enum = ['a'];
        get(d).parameters.push({ name: 'n', in: 'query', type: 'integer' });
      },
      [
        { kind: 'input-enum-added', path: 'operation/GetItem/parameter/free/enum', severity: 'error' },
        { kind: 'input-enum-value-removed', path: 'operation/GetItem/parameter/q/enum', severity: 'error' },
        {
          kind: 'input-optional-to-required',
          path: 'operation/GetItem/parameter/free/required',
          severity: 'error',
        },
        { kind: 'parameter-location-changed', path: 'operation/GetItem/parameter/id', severity: 'error' },
      ],
    ],
    [
      "a parameter's type, and one hidden without a default",
      (d) => {
        param(d, 'q').type = 'integer';
        param(d, 'free')['x-ms-visibility'] = 'internal';
      },
      [
        { kind: 'input-hidden', path: 'operation/GetItem/parameter/free/x-ms-visibility', severity: 'error' },
        { kind: 'input-type-changed', path: 'operation/GetItem/parameter/q/type', severity: 'error' },
      ],
    ],
    [
      'body fields: one added as required, one made required, a type, a format, a nested type, an enum value, one hidden',
      (d) => {
        const item = d.definitions.NewItem;
        item.properties.extra = { type: 'string', default: 'x' };
        item.required = ['name', 'extra', 'mode'];
        item.properties.count.format = 'int64';
        item.properties.nested.properties.a.type = 'boolean';
        item.properties.mode.enum = ['x'];
        item.properties.name.type = 'array';
        item.properties.nested['x-ms-visibility'] = 'internal';
      },
      [
        {
          kind: 'input-enum-value-removed',
          path: 'operation/CreateItem/parameter/body/schema/mode/enum',
          severity: 'error',
        },
        {
          kind: 'input-format-changed',
          path: 'operation/CreateItem/parameter/body/schema/count/format',
          severity: 'error',
        },
        {
          kind: 'input-hidden',
          path: 'operation/CreateItem/parameter/body/schema/nested/x-ms-visibility',
          severity: 'error',
        },
        {
          kind: 'input-optional-to-required',
          path: 'operation/CreateItem/parameter/body/schema/mode/required',
          severity: 'error',
        },
        {
          kind: 'input-required-field-added',
          path: 'operation/CreateItem/parameter/body/schema/extra',
          severity: 'error',
        },
        {
          kind: 'input-type-changed',
          path: 'operation/CreateItem/parameter/body/schema/name/type',
          severity: 'error',
        },
        {
          kind: 'input-type-changed',
          path: 'operation/CreateItem/parameter/body/schema/nested/a/type',
          severity: 'error',
        },
      ],
    ],
    [
      'an output field deleted from a shared definition, under each response that uses it',
      (d) => delete d.definitions.Item.properties.name,
      [
        {
          kind: 'output-field-deleted',
          path: 'operation/CreateItem/responses/201/schema/name',
          severity: 'error',
        },
        {
          kind: 'output-field-deleted',
          path: 'operation/GetItem/responses/200/schema/name',
          severity: 'error',
        },
        {
          kind: 'output-field-deleted',
          path: 'operation/OnNewItems/responses/200/schema/items/name',
          severity: 'error',
        },
      ],
    ],
    [
      "output fields' types and formats, through arrays and a cyclic definition, and a hidden one",
      (d) => {
        d.definitions = JSON.parse(JSON.stringify(d.definitions));
        delete d.paths['/items'];
        delete d.paths['/trigger'];
        d.definitions.Item.properties.tags.items.type = 'integer';
        d.definitions.Item.properties.created.format = 'date';
        d.definitions.User.properties.name.type = 'object';
        d.definitions.Item.properties.id['x-ms-visibility'] = 'internal';
      },
      [
        { kind: 'operation-deleted', path: 'operation/CreateItem', severity: 'error' },
        { kind: 'operation-deleted', path: 'operation/OnNewItems', severity: 'error' },
        {
          kind: 'output-format-changed',
          path: 'operation/GetItem/responses/200/schema/created/format',
          severity: 'error',
        },
        {
          kind: 'output-hidden',
          path: 'operation/GetItem/responses/200/schema/id/x-ms-visibility',
          severity: 'warning',
        },
        {
          kind: 'output-type-changed',
          path: 'operation/GetItem/responses/200/schema/owner/name/type',
          severity: 'error',
        },
        {
          kind: 'output-type-changed',
          path: 'operation/GetItem/responses/200/schema/tags/items/type',
          severity: 'error',
        },
      ],
    ],
    [
      'a response schema removed, and a success status changed',
      (d) => {
        delete get(d).responses[200].schema;
        post(d).responses = { 200: post(d).responses[201] };
      },
      [
        { kind: 'output-schema-removed', path: 'operation/GetItem/responses/200/schema', severity: 'error' },
        { kind: 'output-status-changed', path: 'operation/CreateItem/responses/201', severity: 'warning' },
      ],
    ],
    [
      'the authentication type and the address',
      (d) => {
        d.securityDefinitions = {
          oauth: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://x', tokenUrl: 'https://y' },
        };
        d.basePath = '/v2';
      },
      [
        { kind: 'host-changed', path: 'host', severity: 'warning' },
        { kind: 'security-type-changed', path: 'securityDefinitions', severity: 'error' },
      ],
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(changes(change)).toEqual(expected);
  });

  it("words each change as Microsoft's detector does and places it in the version it is in", () => {
    const after = base();
    delete after.paths['/items'];
    after.definitions.Item.properties.name.type = 'integer';
    const result = compareConnectors(connector(base(), 'old'), connector(after, 'new'));
    const [deleted, retyped] = result.changes;
    expect(deleted).toMatchObject({
      message: 'The operation has been deleted. This change breaks existing flows.',
      version: 'old',
      file: 'old/apiDefinition.swagger.json',
      pointer: '/paths/~1items/post',
    });
    expect(deleted?.line).toBeGreaterThan(1);
    expect(retyped).toMatchObject({
      message: 'The type has been changed for the output field.',
      path: 'operation/GetItem/responses/200/schema/name/type',
      detail: 'The type of field `name` of the 200 response of `GetItem` changed from `string` to `integer`.',
      version: 'new',
      file: 'new/apiDefinition.swagger.json',
    });
    // Item is also the trigger's output: its field changed there too.
    expect(result.changes[2]?.path).toBe('operation/OnNewItems/responses/200/schema/items/name/type');
    expect(result.summary).toEqual({ error: 3, warning: 0, info: 0 });
  });

  it('ends on self-referencing definitions however deep they nest', () => {
    const deep = (d: Doc) => {
      for (let i = 0; i < 40; i++)
        d.definitions[`N${i}`] = {
          type: 'object',
          properties: {
            next: { $ref: `#/definitions/N${i + 1}` },
            self: { $ref: `#/definitions/N${i}` },
            v: { type: 'string' },
          },
        };
      d.definitions.N40 = {
        type: 'object',
        properties: { first: { $ref: '#/definitions/N0' }, v: { type: 'string' } },
      };
      get(d).responses[200].schema = { $ref: '#/definitions/N0' };
    };
    const before = base();
    deep(before);
    const after = base();
    deep(after);
    after.definitions.N3.properties.v.type = 'number';
    const result = compareConnectors(connector(before, 'old'), connector(after, 'new'));
    expect(result.changes.map((c) => c.path)).toEqual([
      'operation/GetItem/responses/200/schema/next/next/next/v/type',
    ]);
  });

  it('reports paging and dynamic values that changed', () => {
    const list = (pageable: Doc | undefined, dynamic: Doc | undefined): Doc => ({
      ...base(),
      paths: {
        '/items': {
          get: {
            operationId: 'ListItems',
            ...(pageable && { 'x-ms-pageable': pageable }),
            parameters: [
              {
                name: 'project',
                in: 'query',
                type: 'string',
                ...(dynamic && { 'x-ms-dynamic-values': dynamic }),
              },
            ],
            responses: { 200: { description: 'OK' } },
          },
        },
      },
    });
    const diff = (a: Doc, b: Doc) => brief(compareConnectors(connector(a, 'old'), connector(b, 'new')));
    const projects = { operationId: 'ListProjects', 'value-path': 'id' };
    expect(diff(list({ nextLinkName: 'next' }, projects), list({ nextLinkName: 'next' }, projects))).toEqual(
      [],
    );
    expect(
      diff(
        list({ nextLinkName: 'next' }, projects),
        list(undefined, { ...projects, operationId: 'GetProjects' }),
      ),
    ).toEqual([
      {
        kind: 'dynamic-source-changed',
        path: 'operation/ListItems/parameter/project/x-ms-dynamic-values',
        severity: 'warning',
      },
      { kind: 'pageable-changed', path: 'operation/ListItems/x-ms-pageable', severity: 'warning' },
    ]);
    // Gaining paging or dynamic values breaks nothing.
    expect(diff(list(undefined, undefined), list({}, projects))).toEqual([]);
  });

  it('says when a deleted operation or parameter looks renamed, keeping the verdict', () => {
    const after = base();
    get(after).operationId = 'FetchItem';
    param(after, 'free')['x-ms-summary'] = 'Free text';
    const before = base();
    param(before, 'free')['x-ms-summary'] = 'Free Text';
    param(after, 'free').name = 'text';
    const result = compareConnectors(connector(before, 'old'), connector(after, 'new'));
    const deleted = result.changes.find((c) => c.kind === 'operation-deleted');
    expect(deleted?.detail).toBe(
      '`GetItem` (GET /items/{id}) is not in the new version. It looks renamed to `FetchItem` (the same GET /items/{id}): flows hold the old id, so keep it as the `operationId`.',
    );
    // Parameters are compared within one operation: rename it back to see the parameter's hint.
    get(after).operationId = 'GetItem';
    const again = compareConnectors(connector(before, 'old'), connector(after, 'new'));
    expect(again.changes.map((c) => c.detail)).toEqual([
      'Parameter `free` (query) of `GetItem` was removed. It looks renamed to `text` (the same display name, "Free Text"): flows hold the old name, so keep it.',
    ]);
    // Nothing is hinted without a twin.
    const gone = base();
    delete gone.paths['/items/{id}'];
    expect(compareConnectors(connector(base(), 'old'), connector(gone, 'new')).changes[0]?.detail).toBe(
      '`GetItem` (GET /items/{id}) is not in the new version.',
    );
  });

  it('reports dynamic values of body fields and dynamic schemas of bodies whose source changed', () => {
    const withDynamic = (mode: Doc | undefined, body: Doc | undefined) => (d: Doc) => {
      if (mode) d.definitions.NewItem.properties.mode['x-ms-dynamic-values'] = mode;
      if (body) post(d).parameters[0].schema = { $ref: '#/definitions/NewItem', 'x-ms-dynamic-schema': body };
    };
    const modes = { operationId: 'ListModes', 'value-path': 'id' };
    const shape = { operationId: 'GetItemSchema', parameters: {}, 'value-path': 'schema' };
    const diff = (a: (d: Doc) => void, b: (d: Doc) => void) => {
      const before = base();
      a(before);
      const after = base();
      b(after);
      return compareConnectors(connector(before, 'old'), connector(after, 'new'));
    };
    expect(diff(withDynamic(modes, shape), withDynamic(modes, shape)).changes).toEqual([]);
    const moved = diff(
      withDynamic(modes, shape),
      withDynamic({ ...modes, operationId: 'GetModes' }, undefined),
    );
    expect(brief(moved, (a, b) => a.path.localeCompare(b.path))).toEqual([
      {
        kind: 'dynamic-source-changed',
        path: 'operation/CreateItem/parameter/body/schema/mode/x-ms-dynamic-values',
        severity: 'warning',
      },
      {
        kind: 'dynamic-source-changed',
        path: 'operation/CreateItem/parameter/body/schema/x-ms-dynamic-schema',
        severity: 'warning',
      },
    ]);
    expect(moved.changes.map((c) => c.detail).sort()).toEqual([
      'The body of `CreateItem` no longer has dynamic values (from `GetItemSchema`).',
      'The dynamic values of field `mode` of the body of `CreateItem` now come from `GetModes` or with other parameters.',
    ]);
    // Placed at the field in the new version.
    expect(moved.changes.find((c) => c.path.includes('/mode/'))?.pointer).toBe(
      '/definitions/NewItem/properties/mode',
    );
    // Gaining them breaks nothing.
    expect(diff(withDynamic(undefined, undefined), withDynamic(modes, shape)).changes).toEqual([]);
  });

  it('reports connection parameters and the identity provider of apiProperties.json', () => {
    const props = (parameters: Doc, provider = 'aad'): Doc => ({
      properties: {
        connectionParameters: {
          ...parameters,
          token: {
            type: 'oauthSetting',
            oAuthSettings: { identityProvider: provider, clientId: 'x', scopes: [] },
          },
        },
        iconBrandColor: '#007ee5',
      },
    });
    const load = (p: Doc, source: string) =>
      connectorFromFiles(
        [
          { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(base())) },
          { name: 'apiProperties.json', bytes: new TextEncoder().encode(JSON.stringify(p, null, 2)) },
        ],
        { source },
      );
    const diff = (a: Doc, b: Doc) =>
      brief(compareConnectors(load(a, 'old'), load(b, 'new')), (x, y) => x.path.localeCompare(y.path));
    const required = { type: 'string', uiDefinition: { constraints: { required: 'true' } } };
    const optional = { type: 'string', uiDefinition: { constraints: { required: 'false' } } };
    expect(diff(props({ region: optional }), props({ region: optional, note: optional }))).toEqual([]);
    expect(
      diff(
        props({ region: optional, site: optional, gone: optional }),
        props({ region: required, site: { type: 'securestring' }, added: required }, 'oauth2'),
      ),
    ).toEqual([
      { kind: 'connection-parameter-added', path: 'connectionParameters/added', severity: 'error' },
      { kind: 'connection-parameter-deleted', path: 'connectionParameters/gone', severity: 'error' },
      { kind: 'connection-parameter-added', path: 'connectionParameters/region/required', severity: 'error' },
      {
        kind: 'connection-parameter-type-changed',
        path: 'connectionParameters/site/type',
        severity: 'error',
      },
      { kind: 'identity-provider-changed', path: 'oAuthSettings/identityProvider', severity: 'error' },
    ]);
    const placed = compareConnectors(load(props({ gone: optional }), 'old'), load(props({}), 'new'))
      .changes[0];
    expect(placed).toMatchObject({ file: 'old/apiProperties.json', version: 'old' });
    expect(placed?.line).toBeGreaterThan(1);
  });
});
