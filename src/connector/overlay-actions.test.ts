import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from './json.ts';
import { connectorFromFiles } from './load.ts';
import { applyOverlays, overlayOf } from './overlay.ts';
import { applyActions, overlayActions } from './overlay-actions.ts';

const swagger = {
  swagger: '2.0',
  info: { title: 'Contoso', version: '1.0' },
  host: 'api-dev.contoso.com',
  tags: [{ name: 'Tasks' }],
  paths: {
    '/tasks': {
      get: { operationId: 'ListTasks', summary: 'List', responses: { 200: { description: 'OK' } } },
      post: { operationId: 'CreateTask', summary: 'Create', responses: { 201: { description: 'Created' } } },
    },
    '/internal': { get: { operationId: 'Debug', responses: { 200: { description: 'OK' } } } },
  },
};

const overlay = (actions: JsonValue[]): JsonObject => ({
  overlay: '1.0.0',
  info: { title: 'QA', version: '1' },
  actions,
});

describe('OpenAPI Overlay 1.0 actions', () => {
  it('merges an update into every object a target selects, appends to an array, removes what remove selects', () => {
    const actions = overlayActions(
      overlay([
        { target: '$', update: { host: 'api-qa.contoso.com' } },
        { target: '$.paths.*.*', update: { 'x-ms-visibility': 'important' } },
        { target: '$.tags', update: { name: 'QA' } },
        { target: "$.paths['/internal']", remove: true },
      ]),
      'qa.overlay.json',
    );
    const { value, unmatched } = applyActions(swagger as JsonValue, actions, 'qa.overlay.json');
    expect(unmatched).toEqual([]);
    expect(value).toMatchObject({
      host: 'api-qa.contoso.com',
      tags: [{ name: 'Tasks' }, { name: 'QA' }],
      paths: {
        '/tasks': {
          get: { operationId: 'ListTasks', 'x-ms-visibility': 'important' },
          post: { operationId: 'CreateTask', 'x-ms-visibility': 'important' },
        },
      },
    });
    expect(Object.keys((value as { paths: object }).paths)).toEqual(['/tasks']);
    // The input is not changed.
    expect(swagger.host).toBe('api-dev.contoso.com');
  });

  it('is taken by --overlay, and refuses an action that selects nothing rather than lose it', () => {
    const connector = connectorFromFiles(
      [{ name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(swagger)) }],
      { source: '/c' },
    );
    const qa = overlayOf(
      overlay([{ target: '$.info', update: { description: 'QA build' } }]),
      'qa.overlay.json',
    );
    expect(qa.description).toBe('QA');
    expect(applyOverlays(connector, [qa]).definition.info.description).toBe('QA build');
    const stale = overlayOf(
      overlay([{ target: "$.paths['/gone'].get", update: { summary: 'x' } }]),
      'stale.json',
    );
    expect(() => applyOverlays(connector, [stale])).toThrow(
      "stale.json: `$.paths['/gone'].get` selects nothing in /c/apiDefinition.swagger.json; fix the target or remove the action.",
    );
  });

  it.each([
    [{ overlay: '2.0.0', actions: [] } as JsonObject, 'flowport reads Overlay 1.x documents'],
    [overlay([]), 'has no `actions`'],
    [overlay([{ update: {} }]), 'has an `actions[0]` without a JSONPath `target`'],
    [overlay([{ target: '$.info' }]), 'with neither `update` nor `remove: true`'],
    [overlay([{ target: '$.info', update: {}, remove: true }]), 'with both `update` and `remove`'],
    [overlay([{ target: '$.info', remove: 'yes' }]), '`actions[0].remove` that is not true or false'],
  ])('refuses %j, naming the action and the fix', (doc, message) => {
    expect(() => overlayOf(doc, 'bad.json')).toThrow(message);
  });

  it('refuses an update of a value that is no object or array', () => {
    const actions = overlayActions(overlay([{ target: '$.host', update: { a: 1 } }]), 'o.json');
    expect(() => applyActions(swagger as JsonValue, actions, 'o.json')).toThrow(
      'o.json: `$.host` selects string, and an update applies to an object (merged) or an array (appended); target its parent object.',
    );
  });
});
