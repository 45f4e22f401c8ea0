import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS } from './kinds.ts';

const page = readFileSync(new URL('../../docs/breaking-changes.md', import.meta.url), 'utf8');

describe('CHANGE_KINDS', () => {
  it('has unique ids, and sentences that end with a period', () => {
    const ids = CHANGE_KINDS.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const k of CHANGE_KINDS) {
      expect(k.message).toMatch(/\.$/);
      expect(k.fix).toMatch(/[.)]$/);
    }
  });

  it('is documented, kind by kind, in docs/breaking-changes.md, and the page lists no other', () => {
    const headings = [...page.matchAll(/^### (\S+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(CHANGE_KINDS.map((k) => k.id));
    for (const k of CHANGE_KINDS) expect(page).toContain(`"${k.message}"`);
  });
});
