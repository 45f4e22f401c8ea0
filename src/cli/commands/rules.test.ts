import { describe, expect, it } from 'vitest';
import { RULES } from '../../validate/registry.ts';
import { runCli } from '../testing.ts';

describe('flowport rules', () => {
  it('lists every rule by category with its severity in each preset and --fix', async () => {
    const { code, stdout } = await runCli(['rules', '--no-color']);
    expect(code).toBe(0);
    for (const rule of RULES) expect(stdout).toContain(` ${rule.id}`);
    expect(stdout).toMatch(/^ {2}warn {3}warn {3}warn {3}yes {2}consumes-missing \(ConsumesMissing\)$/m);
    expect(stdout).toContain(
      `${RULES.length} rules (${RULES.filter((r) => r.fixable).length} fixable with --fix)`,
    );
  });

  it('filters by preset, category and --fixable', async () => {
    const { stdout } = await runCli([
      'rules',
      '-p',
      'recommended',
      '--category',
      'operation',
      '--fixable',
      '-f',
      'json',
    ]);
    const rules = JSON.parse(stdout) as { id: string; category: string; fixable: boolean; presets: object }[];
    expect(rules.map((r) => r.id)).toEqual(['consumes-missing']);
    expect(rules[0]).toMatchObject({
      category: 'operation',
      fixable: true,
      docs: 'docs/rules/consumes-missing.md',
    });
    const certification = JSON.parse((await runCli(['rules', '-p', 'certification', '-f', 'json'])).stdout);
    expect(certification.length).toBe(RULES.filter((r) => r.presets.includes('certification')).length);
  });

  it('explains a rule by its id or by the name Microsoft prints, with its doc page', async () => {
    const byId = await runCli(['rules', 'path-parameter-missing-encoding', '--no-color']);
    const byMicrosoft = await runCli(['rules', 'pathparametermissingencoding', '--no-color']);
    expect(byId.code).toBe(0);
    expect(byMicrosoft.stdout).toBe(byId.stdout);
    expect(byId.stdout).toMatch(
      /^path-parameter-missing-encoding \(Microsoft: PathParameterMissingEncoding\)\n/,
    );
    expect(byId.stdout).toContain('`flowport validate --fix` fixes it');
    expect(byId.stdout).toContain('## How to fix');
    expect(byId.stdout).toContain('docs/rules/path-parameter-missing-encoding.md');
    const json = JSON.parse((await runCli(['rules', 'PathParameterMissingEncoding', '-f', 'json'])).stdout);
    expect(json).toMatchObject({
      id: 'path-parameter-missing-encoding',
      microsoftId: 'PathParameterMissingEncoding',
    });
    expect(json.doc).toMatch(/^# path-parameter-missing-encoding\n/);
  });

  it('names the nearest rules for one that does not exist, and bad categories, as usage errors', async () => {
    const typo = await runCli(['rules', 'consumes-mising']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('No rule `consumes-mising`; did you mean `consumes-missing`');
    const none = await runCli(['rules', 'zzzzzzzzzzzzzzzzzzzzzzzz']);
    expect(none.stderr).toContain('No rule `zzzzzzzzzzzzzzzzzzzzzzzz`. `flowport rules` lists them all.');
    const category = await runCli(['rules', '--category', 'nope']);
    expect(category.code).toBe(2);
    expect(category.stderr).toMatch(/No category `nope`; the categories are `document`, `info`/);
  });
});
