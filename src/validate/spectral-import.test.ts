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
      ['aliased', 'its `given` uses an alias'],
    ]);
    expect(notes.join('\n')).toMatch(/`extends` is not imported/);
    expect(notes.join('\n')).toMatch(/Custom JavaScript `functions` are not imported/);
    expect(notes.join('\n')).toMatch(/`operationId-PascalCase`: its `formats` are not kept/);
  });
});
