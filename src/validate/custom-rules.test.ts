// biome-ignore-all lint/suspicious/noThenProperty: custom rules are written as Spectral writes them, with `then`.
import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../connector/load.ts';
import { parseConfig } from './config.ts';
import { validateConnector } from './validate.ts';

const encoder = new TextEncoder();
const swagger = JSON.stringify(
  {
    swagger: '2.0',
    info: { title: 'Tasks', description: 'Tasks.', version: '1.0' },
    host: 'api.example.com',
    paths: {
      '/tasks': {
        get: { operationId: 'listTasks', summary: 'List tasks', responses: { '200': { description: 'OK' } } },
        post: {
          operationId: 'CreateTask',
          summary: 'Create a task',
          responses: { '200': { description: 'OK' } },
        },
      },
    },
  },
  null,
  2,
);
const properties = JSON.stringify({ properties: { iconBrandColor: '#ffffff' } }, null, 2);
const connector = () =>
  connectorFromFiles(
    [
      { name: 'apiDefinition.swagger.json', bytes: encoder.encode(swagger) },
      { name: 'apiProperties.json', bytes: encoder.encode(properties) },
    ],
    { source: '/w/tasks' },
  );

const PASCAL = {
  description: 'Operation ids are PascalCase.',
  given: '$.paths[*][get,put,post,patch,delete]',
  then: { field: 'operationId', function: 'casing', functionOptions: { type: 'pascal' } },
};

/** The findings of the custom rules of `config` (with `rules` overrides, when given). */
function custom(config: Record<string, unknown>, preset: 'recommended' | 'certification' = 'recommended') {
  const parsed = parseConfig(config, 'flowport.config.json');
  return validateConnector(connector(), { preset, config: parsed }).diagnostics.filter(
    (d) => d.category === 'custom',
  );
}

describe('custom rules', () => {
  it('report what a JSONPath and a function find, at the field, in every preset', () => {
    for (const preset of ['recommended', 'certification'] as const) {
      const found = custom({ customRules: { 'contoso-operation-id-case': PASCAL } }, preset);
      expect(found.map((d) => [d.ruleId, d.severity, d.pointer, d.line, d.message])).toEqual([
        [
          'contoso-operation-id-case',
          'warning',
          '/paths/~1tasks/get/operationId',
          swagger.split('\n').findIndex((l) => l.includes('"listTasks"')) + 1,
          '`operationId` is not pascal case.',
        ],
      ]);
    }
  });

  it('read apiProperties.json, fill the message in, and take the severity given', () => {
    const [d] = custom({
      customRules: {
        'contoso-brand': {
          description: 'The Contoso blue.',
          severity: 'error',
          file: 'apiProperties',
          given: '$.properties',
          then: {
            field: 'iconBrandColor',
            function: 'enumeration',
            functionOptions: { values: ['#0052cc'] },
          },
          message: 'The colour {{value}} at {{path}} {{error}}.',
          fix: 'Use #0052cc.',
        },
      },
    });
    expect(d).toMatchObject({
      fileKind: 'apiProperties',
      severity: 'error',
      line: 3,
      fix: 'Use #0052cc.',
      message: 'The colour #ffffff at /properties/iconBrandColor is not one of "#0052cc".',
    });
  });

  it('check member names with @key, and several checks per rule', () => {
    const found = custom({
      customRules: {
        'contoso-paths': {
          description: 'Paths are short and lower case.',
          given: '$.paths[*]',
          then: [
            { field: '@key', function: 'pattern', functionOptions: { match: '^/[a-z/{}]+$' } },
            { field: '@key', function: 'length', functionOptions: { max: 4 } },
          ],
        },
      },
    });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      ['/paths/~1tasks', '`@key` is longer than 4.'],
    ]);
  });

  it('are turned off, or given another severity, in `rules` like any rule', () => {
    expect(custom({ customRules: { 'contoso-a': PASCAL }, rules: { 'contoso-a': 'off' } })).toEqual([]);
    expect(
      custom({ customRules: { 'contoso-a': PASCAL }, rules: { 'contoso-a': 'error' } })[0]?.severity,
    ).toBe('error');
  });

  it.each([
    [{ 'Bad Id': PASCAL }, '`customRules.Bad Id`: a rule id is kebab-case'],
    [{ 'consumes-missing': PASCAL }, '`customRules.consumes-missing` has the id of a flowport rule'],
    [
      { 'contoso-a': { ...PASCAL, description: '' } },
      '`customRules.contoso-a`.description must say what the rule checks.',
    ],
    [
      { 'contoso-a': { ...PASCAL, given: 'paths' } },
      '`customRules.contoso-a`.given must be a JSONPath starting with `$`',
    ],
    [
      { 'contoso-a': { ...PASCAL, given: '$.paths[?(@.x' } },
      '`customRules.contoso-a`.given `$.paths[?(@.x` is not a JSONPath',
    ],
    [
      { 'contoso-a': { ...PASCAL, then: { function: 'nope' } } },
      '`customRules.contoso-a`.then.function must be one of truthy',
    ],
    [
      { 'contoso-a': { ...PASCAL, then: { function: 'casing', functionOptions: { type: 'Pascal' } } } },
      '`customRules.contoso-a`.then.functionOptions: casing `type` must be one of',
    ],
    [
      { 'contoso-a': { ...PASCAL, severity: 'fatal' } },
      '`customRules.contoso-a`.severity must be "error", "warning" or "info".',
    ],
    [{ 'contoso-a': { ...PASCAL, when: 1 } }, '`customRules.contoso-a`: unknown key `when`'],
  ])('refuse a mistake, naming the place and the fix: %j', (customRules, message) => {
    expect(() => parseConfig({ customRules }, 'flowport.config.json')).toThrow(
      `flowport.config.json: ${message}`,
    );
  });
});
