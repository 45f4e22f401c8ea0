import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import type { Arguments } from '../types.ts';
import { type ArgumentForm, buildTargetArguments } from './arguments.ts';
import { connectorOf } from './testing.ts';

// `Source` is the operation being filled in; `Target` the operation a lookup calls.
const connector = connectorOf({
  paths: {
    '/source/{site}': {
      post: {
        operationId: 'Source',
        parameters: [
          { name: 'site', in: 'path', required: true, type: 'string' },
          { name: 'api-version', in: 'query', type: 'string', default: '2024-01-01' },
          { name: 'hidden', in: 'query', type: 'string', default: 'secret', 'x-ms-visibility': 'internal' },
          { name: 'a/b', in: 'header', type: 'string' },
          {
            name: 'body',
            in: 'body',
            schema: { $ref: '#/definitions/SourceBody' },
          },
        ],
        responses: { '200': { description: 'OK' } },
      },
    },
    '/target/{site}': {
      post: {
        operationId: 'Target',
        parameters: [
          { name: 'site', in: 'path', required: true, type: 'string' },
          { name: 'flag', in: 'query', type: 'boolean' },
          { name: 'version', in: 'query', type: 'string' },
          {
            name: 'payload',
            in: 'body',
            schema: {
              type: 'object',
              properties: {
                filter: {
                  type: 'object',
                  properties: { kind: { type: 'string' }, owner: { type: 'string' } },
                },
                env: { type: 'string' },
              },
            },
          },
        ],
        responses: { '200': { description: 'OK' } },
      },
    },
  },
  definitions: {
    SourceBody: {
      type: 'object',
      properties: {
        Environment: { type: 'string' },
        region: { type: 'string', default: 'west' },
        secretRegion: { type: 'string', default: 'north', 'x-ms-visibility': 'internal' },
        owner: { $ref: '#/definitions/Owner' },
      },
    },
    Owner: { type: 'object', properties: { id: { type: 'string' } } },
  },
});

const source = connector.operation('Source')!;

interface Case {
  readonly name: string;
  readonly form: ArgumentForm;
  readonly parameters: JsonObject;
  readonly current?: Arguments;
  readonly selected?: JsonValue;
  readonly args: JsonObject;
  readonly omitted?: string[];
  readonly ignored?: string[];
}

const cases: Case[] = [
  {
    name: 'passes literals of the name form as they are',
    form: 'name',
    parameters: { flag: true, version: '1' },
    args: { flag: true, version: '1' },
  },
  {
    name: 'reads a `{ parameter }` reference from the current arguments',
    form: 'name',
    parameters: { site: { parameter: 'site' } },
    current: { site: 'contoso' },
    args: { site: 'contoso' },
  },
  {
    name: 'falls back to the default of a referenced parameter the caller did not pass',
    form: 'name',
    parameters: { version: { parameter: 'api-version' } },
    args: { version: '2024-01-01' },
  },
  {
    name: 'reads a name-form reference to a body property path',
    form: 'name',
    parameters: { version: { parameter: 'owner/id' } },
    current: { body: { owner: { id: 'o1' } } },
    args: { version: 'o1' },
  },
  {
    name: 'nests a name-form key that is a body property of the target',
    form: 'name',
    parameters: { env: 'prod', 'filter/kind': 'doc' },
    args: { payload: { env: 'prod', filter: { kind: 'doc' } } },
  },
  {
    name: 'drops keys that name no input of the target',
    form: 'name',
    parameters: { isFolder: false, site: 's' },
    args: { site: 's' },
    ignored: ['isFolder'],
  },
  {
    name: 'omits a reference to an unset parameter without a default',
    form: 'name',
    parameters: { site: { parameter: 'site' } },
    args: {},
    omitted: ['site'],
  },
  {
    name: 'unwraps `{ value }` literals of the path form',
    form: 'path',
    parameters: { flag: { value: false }, version: { value: null } },
    args: { flag: false, version: null },
  },
  {
    name: 'resolves `parameterReference` paths into the body',
    form: 'path',
    parameters: { 'payload/env': { parameterReference: 'body/Environment' } },
    current: { body: { Environment: 'Default-1' } },
    args: { payload: { env: 'Default-1' } },
  },
  {
    name: 'builds nested objects from several path keys into one parameter',
    form: 'path',
    parameters: {
      'payload/filter/kind': { value: 'a' },
      'payload/filter/owner': { parameterReference: 'body/owner/id' },
      'payload/env': { value: 'e' },
    },
    current: { body: { owner: { id: 'me' } } },
    args: { payload: { filter: { kind: 'a', owner: 'me' }, env: 'e' } },
  },
  {
    name: 'reads a parameter whose name holds a slash before splitting the reference',
    form: 'path',
    parameters: { version: { parameterReference: 'a/b' } },
    current: { 'a/b': 'header-value' },
    args: { version: 'header-value' },
  },
  {
    name: 'uses the default of a visible body property through a `parameterReference`',
    form: 'path',
    parameters: { version: { parameterReference: 'body/region' } },
    args: { version: 'west' },
  },
  {
    name: 'does not use the default of an internal body property through a `parameterReference`',
    form: 'path',
    parameters: { version: { parameterReference: 'body/secretRegion' } },
    args: {},
    omitted: ['version'],
  },
  {
    name: 'does not use the default of an internal parameter through a `parameterReference`',
    form: 'path',
    parameters: { version: { parameterReference: 'hidden' } },
    args: {},
    omitted: ['version'],
  },
  {
    name: 'uses the default of an internal parameter through a name-form `{ parameter }`',
    form: 'name',
    parameters: { version: { parameter: 'hidden' } },
    args: { version: 'secret' },
  },
  {
    name: 'ignores path-form entries with more than one key',
    form: 'path',
    parameters: { flag: { value: true, parameterReference: 'site' } },
    args: {},
    ignored: ['flag'],
  },
  {
    name: 'reads `selectedItemValuePath` from the selected item',
    form: 'path',
    parameters: { site: { selectedItemValuePath: 'path' } },
    selected: { path: '/Shared/Docs', is_folder: true },
    args: { site: '/Shared/Docs' },
  },
  {
    name: 'takes a primitive selected item as the selected value',
    form: 'path',
    parameters: { site: { selectedItemValuePath: 'path' } },
    selected: '/Shared',
    args: { site: '/Shared' },
  },
  {
    name: 'omits a selected-item path when nothing is selected',
    form: 'path',
    parameters: { site: { selectedItemValuePath: 'path' } },
    args: {},
    omitted: ['site'],
  },
  {
    name: 'reads file-picker `value-property`, `{ value }` and `{ parameter }` entries',
    form: 'picker',
    parameters: {
      site: { 'value-property': 'Id' },
      flag: { value: true },
      version: { parameter: 'api-version' },
    },
    selected: { Id: 'f-1' },
    args: { site: 'f-1', flag: true, version: '2024-01-01' },
  },
];

describe('buildTargetArguments', () => {
  it.each(cases)('$name.', ({ form, parameters, current, selected, args, omitted, ignored }) => {
    const built = buildTargetArguments(
      connector,
      { extension: 'x-ms-test', operationId: 'Target', parameters, form },
      { source, currentArgs: current ?? {}, selectedItem: selected, where: 'parameter `p`' },
    );
    expect(built.operation.id).toBe('Target');
    expect(built.args).toEqual(args);
    expect(built.omitted).toEqual(omitted ?? []);
    expect(built.ignored).toEqual(ignored ?? []);
  });

  it('copies values so changing the arguments leaves the connector and the current arguments alone.', () => {
    const literal = { kind: 'x' };
    const current = { body: { owner: { id: 'o' } } };
    const built = buildTargetArguments(
      connector,
      {
        extension: 'x-ms-test',
        operationId: 'Target',
        parameters: {
          payload: { value: { filter: literal } },
          version: { parameterReference: 'body/owner' },
        },
        form: 'path',
      },
      { source, currentArgs: current, where: 'here' },
    );
    (built.args.payload as JsonObject).filter = 'changed';
    (built.args.version as JsonObject).id = 'changed';
    expect(literal).toEqual({ kind: 'x' });
    expect(current.body.owner.id).toBe('o');
  });

  it('keeps a `__proto__` key as data instead of changing the prototype.', () => {
    const built = buildTargetArguments(
      connector,
      {
        extension: 'x-ms-test',
        operationId: 'Target',
        parameters: JSON.parse('{"payload/__proto__/polluted": {"value": 1}}') as JsonObject,
        form: 'path',
      },
      { source, where: 'here' },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(built.args.payload as JsonObject)).toEqual(['__proto__']);
  });

  it.each([
    {
      operationId: 'Nope',
      code: 'OPERATION_NOT_FOUND',
      message: /calls operation `Nope`, which the connector/,
    },
    { operationId: undefined, code: 'DYNAMIC_LOOKUP_FAILED', message: /has no `operationId`/ },
  ])('reports a lookup whose operationId is $operationId with `$code`.', ({ operationId, code, message }) => {
    const run = () =>
      buildTargetArguments(
        connector,
        { extension: 'x-ms-dynamic-list', operationId, parameters: {}, form: 'path' },
        { source, where: 'parameter `p` of operation `Source`' },
      );
    expect(run).toThrow(FlowportError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as FlowportError).code).toBe(code);
    }
  });
});
