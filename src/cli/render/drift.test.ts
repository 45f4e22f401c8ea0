import { describe, expect, it } from 'vitest';
import { driftText, driftValue } from './drift.ts';

describe('driftValue', () => {
  it('shows short JSON as it is, cuts long text and summarises long objects and arrays', () => {
    expect(driftValue(undefined)).toBe('(absent)');
    expect(driftValue(null)).toBe('null');
    expect(driftValue({ a: 1 })).toBe('{"a":1}');
    const long = 'x'.repeat(100);
    expect(driftValue(long)).toBe(`"${'x'.repeat(57)}…"`);
    expect(driftValue(long)).toHaveLength(60);
    expect(driftValue([long])).toBe('[1 item]');
    expect(driftValue({ a: long, b: 1 })).toBe('{2 members}');
  });
});

describe('driftText', () => {
  it('groups members by file, gives files as sizes, and says when the list is cut', () => {
    const text = driftText({
      environment: 'env',
      connectorId: 'c',
      truncated: true,
      differences: [
        { file: 'apiDefinition.swagger.json', pointer: '', deployed: 1, local: 2 },
        { file: 'apiDefinition.swagger.json', pointer: '/b', local: true },
        { file: 'icon.png', deployedBytes: 1200, localBytes: 17 },
        { file: 'script.csx', deployedBytes: 37 },
      ],
    });
    expect(text.split('\n')).toEqual([
      'Connector c in env: 4+ differences, as deployed → local (what a deploy would send).',
      'apiDefinition.swagger.json',
      '  /  1 → 2',
      '  /b  (absent) → true',
      'icon.png  1,200 bytes → 17 bytes',
      'script.csx  37 bytes → (none)',
      '(only the first 200 differences of a file are listed)',
      'Nothing was sent; `flowport deploy` without --dry-run makes the environment match.',
      '',
    ]);
  });
});
