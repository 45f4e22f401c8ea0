import { describe, expect, it } from 'vitest';
import { armDeployed, armLiteral, readsAsExpression } from './literal.ts';

describe('armLiteral', () => {
  it('escapes strings and keys ARM would evaluate, and nothing else', () => {
    const value = {
      summary: '[DEPRECATED] Get items',
      tag: '[beta]',
      already: '[[x]',
      open: '[not closed',
      '[key]': ['[a]', 'b', 1, null, true],
      nested: { description: 'Lists [items]' },
    };
    expect(armLiteral(value)).toEqual({
      summary: '[DEPRECATED] Get items',
      tag: '[[beta]',
      already: '[[[x]',
      open: '[not closed',
      '[[key]': ['[[a]', 'b', 1, null, true],
      nested: { description: 'Lists [items]' },
    });
  });

  it('is undone by what ARM deploys, for every kind of string', () => {
    const value = { a: '[x]', b: '[[x]', c: '[', d: ']', e: '[]', f: 'x[y]', '[k]': { '[[k2]': '[[[z]' } };
    expect(armDeployed(armLiteral(value))).toEqual(value);
  });

  it('keeps a `__proto__` key as data, not as the prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": "[yes]"}}');
    const out = armLiteral(value) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('tells expressions from literals as ARM does', () => {
    expect(readsAsExpression("[parameters('a')]")).toBe(true);
    expect(readsAsExpression('[test] value')).toBe(false);
    expect(readsAsExpression('[')).toBe(false);
    expect(readsAsExpression('[]')).toBe(true);
  });
});
