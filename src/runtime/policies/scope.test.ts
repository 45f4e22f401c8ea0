import { describe, expect, it } from 'vitest';
import { connectionParameterValue } from './scope.ts';

describe('connectionParameterValue', () => {
  const cases: [string, Record<string, string>, string, string | undefined][] = [
    ['reads the parameter of that exact name', { host: 'a.test' }, 'host', 'a.test'],
    ['reads a name written in another case (Easyvista `Host`)', { host: 'a.test' }, 'Host', 'a.test'],
    [
      'reads a name written in another case (Tulip `factoryURL`)',
      { factoryUrl: 'https://f.test' },
      'factoryURL',
      'https://f.test',
    ],
    [
      'prefers the exact name over a case variant',
      { host: 'lower.test', Host: 'upper.test' },
      'Host',
      'upper.test',
    ],
    ['reads sub-parameters the same way', { 'token:customHost': '.eu' }, 'token:CustomHost', '.eu'],
    ['gives undefined for a name no parameter has', { host: 'a.test' }, 'hostname', undefined],
    ['does not read inherited properties', {}, 'toString', undefined],
  ];
  it.each(cases)('%s', (_, values, name, expected) => {
    expect(connectionParameterValue(values, name)).toBe(expected);
  });
});
