import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from './registry.ts';
import type { Rule } from './rule.ts';
import { renderRulesIndex } from './rule-docs.ts';

const rulesDir = new URL('./rules/', import.meta.url).pathname;
const docsDir = new URL('../../docs/rules/', import.meta.url).pathname;

function ruleFiles(): { category: string; file: string }[] {
  return readdirSync(rulesDir).flatMap((category) =>
    readdirSync(join(rulesDir, category))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && !f.startsWith('_'))
      .map((file) => ({ category, file })),
  );
}

describe('rule registry', () => {
  it('registers every rule file, and each file exports the rule named like it', async () => {
    const registered = new Set(RULES);
    for (const { category, file } of ruleFiles()) {
      const mod = (await import(join(rulesDir, category, file))) as { default?: Rule };
      expect(mod.default, `${category}/${file} has no default export`).toBeDefined();
      expect(
        registered.has(mod.default as Rule),
        `${category}/${file} is not in rules/${category}/index.ts`,
      ).toBe(true);
      expect(`${mod.default?.id}.ts`).toBe(file);
      expect(mod.default?.category).toBe(category);
    }
  });

  it('gives every rule a unique kebab-case id and Microsoft ids in their PascalCase form', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const r of RULES) if (r.microsoftId) expect(r.microsoftId).toMatch(/^[A-Z][A-Za-z]+$/);
  });

  it('documents every rule with what, why, examples and the fix', () => {
    for (const rule of RULES) {
      const page = join(docsDir, `${rule.id}.md`);
      expect(existsSync(page), `docs/rules/${rule.id}.md is missing`).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(
        text.startsWith(`# ${rule.id}\n`),
        `docs/rules/${rule.id}.md must start with "# ${rule.id}"`,
      ).toBe(true);
      for (const section of ['## Why', '## Incorrect', '## Correct', '## How to fix']) {
        expect(text.includes(section), `docs/rules/${rule.id}.md lacks "${section}"`).toBe(true);
      }
    }
  });

  it('tests every rule beside its code', () => {
    for (const rule of RULES) {
      const dir = join(rulesDir, rule.category);
      const tests = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
      const found = tests.some((f) => readFileSync(join(dir, f), 'utf8').includes(`describe('${rule.id}'`));
      expect(found, `no describe('${rule.id}', …) in rules/${rule.category}/*.test.ts`).toBe(true);
    }
  });

  it('keeps docs/rules/README.md in step with rule metadata (run `npm run docs`)', () => {
    expect(readFileSync(join(docsDir, 'README.md'), 'utf8')).toBe(renderRulesIndex());
  });

  it('puts every rule in at least one preset', () => {
    for (const rule of RULES) expect(rule.presets.length, rule.id).toBeGreaterThan(0);
  });
});
