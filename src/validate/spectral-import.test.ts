// biome-ignore-all lint/suspicious/noThenProperty: Spectral rules have a `then`.
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';
import { importSpectral } from './spectral-import.ts';

const ruleset = {
  extends: 'spectral:oas',
  functions: ['mine'],
  rules: {
    'operation-tags': 'off',
    'operationId-PascalCase': {
      description: 'Operation ids must be PascalCase.',
      message: '{{description}} `{{value}}` {{error}}.',
      severity: 'error',
      given: '$.paths[*][get,post]',
      then: { field: 'operationId', function: 'casing', functionOptions: { type: 'pascal' } },
      formats: ['oas2'],
    },
    'consumes-missing': { given: '$', then: { field: 'consumes', function: 'truthy' }, severity: 1 },
    hinted: { given: '$.info', then: [{ field: 'title', function: 'truthy' }], severity: 'hint' },
    quiet: { given: '$', then: { function: 'truthy' }, severity: 'off' },
    mine: { given: '$', then: { function: 'mine' } },
    aliased: { given: '#Ops', then: { function: 'truthy' } },
  },
};

const withAliases = {
  aliases: {
    PathItem: ['$.paths[*]'],
    Operation: ['#PathItem[get,put,post,patch,delete]'],
    Scoped: {
      targets: [
        { formats: ['oas3'], given: ['$.components'] },
        { formats: ['oas2'], given: ['$.definitions', '$.parameters'] },
      ],
    },
    Oas3Only: { targets: [{ formats: ['oas3'], given: ['$.components'] }] },
    Loop: ['#Loop.x'],
  },
  rules: {
    'operation-summary': { given: '#Operation', then: { field: 'summary', function: 'truthy' } },
    'operation-responses': { given: ['#Operation.responses', '$.x'], then: { function: 'truthy' } },
    scoped: { given: '#Scoped[*]', then: { function: 'typedEnum' } },
    'oas3-only': { given: '#Oas3Only', then: { function: 'truthy' } },
    unknown: { given: '#Nope', then: { function: 'truthy' } },
    loop: { given: '#Loop', then: { function: 'truthy' } },
  },
};

describe('importing a Spectral ruleset', () => {
  it("carries over the rules written with flowport's functions, renamed to kebab-case custom ids", () => {
    const { customRules, renamed } = importSpectral(ruleset, 'contoso-');
    expect(Object.keys(customRules)).toEqual([
      'contoso-operation-id-pascal-case',
      'contoso-consumes-missing',
      'contoso-hinted',
    ]);
    expect(renamed['contoso-operation-id-pascal-case']).toBe('operationId-PascalCase');
    expect(customRules['contoso-operation-id-pascal-case']).toMatchObject({
      message: 'Operation ids must be PascalCase. `{{value}}` {{error}}.',
      severity: 'error',
      given: '$.paths[*][get,post]',
    });
    expect(customRules['contoso-consumes-missing']?.severity).toBe('warning');
    expect(customRules['contoso-hinted']?.severity).toBe('info');
    // What it gives, the config takes.
    expect(() => parseConfig({ customRules }, 'c.json')).not.toThrow();
  });

  it("keeps a flowport rule's id from being taken", () => {
    expect(Object.keys(importSpectral(ruleset).customRules)).toContain('spectral-consumes-missing');
  });

  it('names what it leaves out, and why', () => {
    const { skipped, notes } = importSpectral(ruleset);
    expect(skipped.map((s) => [s.rule, s.reason.split(' (')[0]])).toEqual([
      ['operation-tags', 'it only sets the severity of a rule of an extended ruleset'],
      ['quiet', 'it is turned off'],
      ['mine', 'its function `mine` is not one flowport has'],
      ['aliased', 'its `given` uses the alias `#Ops`, which the ruleset does not define as JSONPaths'],
    ]);
    expect(notes.join('\n')).toMatch(/`extends` is not imported/);
    expect(notes.join('\n')).toMatch(/Custom JavaScript `functions` are not imported/);
    expect(notes.join('\n')).toMatch(/`operationId-PascalCase`: its `formats` are not kept/);
  });

  it("writes Spectral's aliases out, nested and scoped ones (the oas2 target) too", () => {
    const { customRules, skipped } = importSpectral(withAliases);
    expect(customRules['operation-summary']?.given).toBe('$.paths[*][get,put,post,patch,delete]');
    expect(customRules['operation-responses']?.given).toEqual([
      '$.paths[*][get,put,post,patch,delete].responses',
      '$.x',
    ]);
    expect(customRules.scoped?.given).toEqual(['$.definitions[*]', '$.parameters[*]']);
    expect(skipped).toEqual([
      {
        rule: 'oas3-only',
        reason: 'its alias `#Oas3Only` has no target for the `oas2` format (Swagger 2.0)',
      },
      {
        rule: 'unknown',
        reason: 'its `given` uses the alias `#Nope`, which the ruleset does not define as JSONPaths',
      },
      { rule: 'loop', reason: 'its aliases refer to one another in a loop' },
    ]);
    expect(() => parseConfig({ customRules }, 'c.json')).not.toThrow();
  });
});
