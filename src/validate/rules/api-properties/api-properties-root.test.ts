import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, swagger } from '../../testing.ts';
import root from './api-properties-root.ts';
import unknownKey from './api-properties-unknown-key.ts';
import capabilities from './capabilities-values.ts';

const props = (properties: Record<string, unknown>) => ({
  properties: { iconBrandColor: '#123456', ...properties },
});

describe('api-properties-root', () => {
  it.each([
    ['an array', [], '`apiProperties.json` holds an array; it must be an object with a `properties` object.'],
    [
      'an object without properties',
      { iconBrandColor: '#123456' },
      '`apiProperties.json` has no `properties` object.',
    ],
    [
      'a string properties',
      { properties: 'x' },
      '`properties` in `apiProperties.json` is a string; it must be an object.',
    ],
  ])('reports %s', (_name, apiProperties, message) => {
    expect(messages(root, { swagger: swagger(), apiProperties })).toEqual([message]);
  });
  it('leaves unreadable JSON to the json-syntax rule', () => {
    expect(runRule(root, { swagger: swagger(), apiProperties: '{ "properties": ' })).toEqual([]);
  });
  it('accepts an object with a properties object', () => {
    expect(runRule(root, { swagger: swagger(), apiProperties: props({}) })).toEqual([]);
  });
});

describe('api-properties-unknown-key', () => {
  it('reports unknown and wrong-case keys, with a suggestion', () => {
    const apiProperties = { ...props({ website: 'x', ScriptOperations: [] }), extra: 1 };
    expect(messages(unknownKey, { swagger: swagger(), apiProperties })).toEqual([
      '`properties.website` is not a known key and is ignored by the platform.',
      '`properties.ScriptOperations` is not a known key; did you mean `scriptOperations`?',
      '`extra` at the top of `apiProperties.json` is not a known key; settings belong inside `properties`.',
    ]);
  });
  it('leaves wrong-case owner keys to their own rules', () => {
    expect(runRule(unknownKey, { swagger: swagger(), apiProperties: props({ stackowner: 'X' }) })).toEqual(
      [],
    );
  });
  it('accepts keys the paconn schema lacks but certified connectors use', () => {
    const apiProperties = {
      $schema: 'x',
      ...props({
        scriptOperations: [],
        connectionParameterSets: {},
        script: { language: 'CSharpScript', operationIds: [] },
        publisher: 'Contoso',
        stackOwner: 'Contoso',
        capabilities: [],
        connectionParameters: {},
        policyTemplateInstances: [],
      }),
    };
    expect(runRule(unknownKey, { swagger: swagger(), apiProperties })).toEqual([]);
  });
});

describe('capabilities-values', () => {
  it('reports wrong case, unknown values and non-strings', () => {
    const apiProperties = props({ capabilities: ['Actions', 'cloud only', 3, 'triggers'] });
    expect(messages(capabilities, { swagger: swagger(), apiProperties })).toEqual([
      'Capability `Actions` should be written `actions`.',
      expect.stringMatching(/^Capability `cloud only` is not one the platform knows/),
      '`capabilities[2]` is an integer; it must be a string.',
    ]);
    expect(pointers(capabilities, { swagger: swagger(), apiProperties })[0]).toBe(
      '/properties/capabilities/0',
    );
  });
  it('reports a capabilities value that is not an array', () => {
    expect(
      messages(capabilities, { swagger: swagger(), apiProperties: props({ capabilities: 'actions' }) }),
    ).toEqual(['`capabilities` is a string; it must be an array of strings.']);
  });
  it('accepts the template values', () => {
    const apiProperties = props({ capabilities: ['actions', 'triggers'] });
    expect(runRule(capabilities, { swagger: swagger(), apiProperties })).toEqual([]);
  });
});
