import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { POLICY_TEMPLATES as REQUIRED } from '../../validate/helpers/policy-templates.ts';
import type { PolicyTemplate } from '../types.ts';
import { compilePolicies, findTemplate, POLICY_TEMPLATES } from './registry.ts';

const dir = new URL('./', import.meta.url).pathname;

/** Files of this folder that are not templates. */
const HELPERS = new Set([
  'define.ts',
  'exists-action.ts',
  'host-url.ts',
  'json-body.ts',
  'page-link.ts',
  'parameters.ts',
  'placeholders.ts',
  'property-paths.ts',
  'registry.ts',
  'run.ts',
  'scope.ts',
  'testing.ts',
]);

function connector(instances: unknown[]) {
  const files = [
    {
      name: 'apiDefinition.swagger.json',
      value: { swagger: '2.0', info: { title: 'T', version: '1' }, paths: {} },
    },
    { name: 'apiProperties.json', value: { properties: { policyTemplateInstances: instances } } },
  ];
  return connectorFromFiles(
    files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(JSON.stringify(f.value)) })),
  );
}

describe('policy registry', () => {
  it('registers every template file, each exporting the template named like it, tested beside it', async () => {
    const registered = new Set(POLICY_TEMPLATES);
    const files = readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !HELPERS.has(f),
    );
    expect(files).toHaveLength(16);
    for (const file of files) {
      const mod = (await import(join(dir, file))) as { default?: PolicyTemplate };
      expect(mod.default, `${file} has no default export`).toBeDefined();
      expect(registered.has(mod.default as PolicyTemplate), `${file} is not in registry.ts`).toBe(true);
      expect(`${mod.default?.id}.ts`).toBe(file);
      expect(readdirSync(dir), `${file} has no test`).toContain(file.replace(/\.ts$/, '.test.ts'));
    }
    expect(POLICY_TEMPLATES).toHaveLength(files.length);
  });

  it('gives every template a unique lower-case id, a title and a default section', () => {
    const ids = POLICY_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of POLICY_TEMPLATES) {
      expect(t.id).toMatch(/^[a-z]+$/);
      expect(t.title.length).toBeGreaterThan(0);
      expect(t.sections.length).toBeGreaterThan(0);
    }
  });

  it("lists the parameters each template's reader asks for, the validator's required ones among them", () => {
    const PREFIX = 'x-ms-apimTemplateParameter.';
    for (const t of POLICY_TEMPLATES) {
      expect(t.parameters.length, t.id).toBeGreaterThan(0);
      expect(new Set(t.parameters).size, t.id).toBe(t.parameters.length);
      const required = (REQUIRED.get(t.id) ?? [])
        .filter((k) => k.startsWith(PREFIX))
        .map((k) => k.slice(PREFIX.length));
      for (const name of required) expect(t.parameters, t.id).toContain(name);
    }
    expect(findTemplate('setheader')?.parameters).toEqual(['name', 'value', 'existsAction']);
  });

  it('finds templates without case', () => {
    expect(findTemplate('SetProperty')?.id).toBe('setproperty');
    expect(findTemplate('setQueryParameter')?.id).toBe('setqueryparameter');
    expect(findTemplate('convertdelimitedstringtoarray')).toBeUndefined();
  });

  it('compiles instances in declared order and reports unknown ids and bad parameters', () => {
    const { policies, diagnostics } = compilePolicies(
      connector([
        {
          templateId: 'dynamicHostUrl',
          title: 'Host',
          parameters: { 'x-ms-apimTemplateParameter.urlTemplate': 'https://a.test' },
        },
        { templateId: 'convertobjectarraytoprimitivearray', title: 'Ghost', parameters: {} },
        { title: 'No id', parameters: {} },
        { templateId: 'setheader', title: 'Broken', parameters: { 'x-ms-apimTemplateParameter.name': 'a' } },
        {
          templateId: 'SetHeader',
          title: 'Header',
          parameters: { 'x-ms-apimTemplateParameter.name': 'a', 'x-ms-apimTemplateParameter.value': 'b' },
        },
      ]),
    );
    expect(policies.map((p) => p.instance.title)).toEqual(['Host', 'Header']);
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['POLICY_UNKNOWN', '/properties/policyTemplateInstances/1'],
      ['POLICY_UNKNOWN', '/properties/policyTemplateInstances/2'],
      ['POLICY_INVALID', '/properties/policyTemplateInstances/3/parameters'],
    ]);
    expect(diagnostics[0]?.message).toContain('`convertobjectarraytoprimitivearray`');
    expect(diagnostics[1]?.message).toContain('no `templateId`');
    for (const d of diagnostics) expect(d.message).toMatch(/\.$/);
  });
});
