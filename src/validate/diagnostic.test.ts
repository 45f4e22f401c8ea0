import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFiles, compareRuleIds, FILE_NAME_ORDER } from './diagnostic.ts';
import { RULES } from './registry.ts';

const sign = (n: number) => Math.sign(n);

describe('compareFiles', () => {
  const folders = [
    '/corpus/certified-connectors/1Me Corporate',
    'C:\\work\\my_connector',
    'x',
    '/a/Ärger (v2)',
  ];
  it('lists the standard file names in English localeCompare order', () => {
    expect([...FILE_NAME_ORDER].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(FILE_NAME_ORDER);
  });
  it.each(folders)('orders a connector in %s and its files as localeCompare does', (folder) => {
    const sep = folder.includes('\\') ? '\\' : '/';
    const paths = [
      folder,
      ...FILE_NAME_ORDER.map((n) => `${folder}${sep}${n}`),
      `${folder}${sep}api.swagger.json`,
    ];
    for (const a of paths)
      for (const b of paths) expect(sign(compareFiles(a, b))).toBe(sign(a.localeCompare(b)));
  });
  it('orders any two paths as localeCompare does', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(sign(compareFiles(a, b))).toBe(sign(a.localeCompare(b)));
      }),
    );
  });
});

describe('compareRuleIds', () => {
  it('orders the rule ids as localeCompare does', () => {
    const ids = RULES.map((r) => r.id);
    expect([...ids].sort(compareRuleIds)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });
  it('orders any two kebab-case ids as localeCompare does', () => {
    const id = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(sign(compareRuleIds(a, b))).toBe(sign(a.localeCompare(b)));
      }),
    );
  });
});
