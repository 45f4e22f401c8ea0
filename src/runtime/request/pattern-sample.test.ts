import { describe, expect, it } from 'vitest';
import { patternSamples } from './pattern-sample.ts';

describe('patternSamples', () => {
  const cases: Array<{ pattern: string; min?: number; max?: number }> = [
    { pattern: '^d\\d{1,8}c\\d{1,8}v\\d{1,8}$' },
    { pattern: '^[a-zA-Z0-9][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$' },
    { pattern: '^[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$' },
    { pattern: '^(foo|bar)+$' },
    { pattern: '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$' },
    { pattern: '^[A-Z]{3}$' },
    { pattern: '^\\+?[1-9]\\d{1,14}$' },
    { pattern: '^(?<year>\\d{4})-\\d{2}$' },
    { pattern: '^[a-z]+$', min: 5, max: 8 },
    { pattern: '^\\w{2,}\\.\\w+$' },
  ];
  it.each(cases)('finds a match for `$pattern`', ({ pattern, min, max }) => {
    const samples = patternSamples(pattern, min, max);
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      expect(sample).toMatch(new RegExp(pattern, 'u'));
      expect(sample.length).toBeGreaterThanOrEqual(min ?? 0);
      expect(sample.length).toBeLessThanOrEqual(max ?? Number.POSITIVE_INFINITY);
    }
  });

  const none: string[] = ['(?=a)b', '^(a)\\1$', '[', '^[a-z]{3}$'];
  it.each(none)('gives nothing for `%s` when it cannot or must not', (pattern) => {
    expect(patternSamples(pattern, 0, pattern === '^[a-z]{3}$' ? 2 : undefined)).toEqual([]);
  });
});
