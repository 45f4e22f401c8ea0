import { describe, expect, it } from 'vitest';
import { encodePathValue, hasDotSegment } from './path-encoding.ts';

describe('encodePathValue', () => {
  const cases: Array<{
    value: string;
    encoding: string | undefined;
    mode: 'gateway' | 'literal';
    out: string;
  }> = [
    { value: 'a b/c', encoding: undefined, mode: 'gateway', out: 'a%20b/c' },
    { value: 'a b/c', encoding: 'single', mode: 'gateway', out: 'a%20b/c' },
    { value: 'a b/c', encoding: 'double', mode: 'gateway', out: 'a%20b%2Fc' },
    { value: 'a b/c', encoding: 'Double', mode: 'gateway', out: 'a%20b%2Fc' },
    { value: 'a b/c', encoding: 'single', mode: 'literal', out: 'a%20b%2Fc' },
    { value: 'a b/c', encoding: 'double', mode: 'literal', out: 'a%2520b%252Fc' },
    { value: 'é?#%', encoding: 'single', mode: 'gateway', out: '%C3%A9%3F%23%25' },
    { value: 'x@y.com', encoding: 'double', mode: 'gateway', out: 'x%40y.com' },
  ];
  it.each(cases)('encodes `$value` ($encoding, $mode) as `$out`', ({ value, encoding, mode, out }) => {
    expect(encodePathValue(value, encoding, mode)).toBe(out);
  });
});

describe('hasDotSegment', () => {
  const cases: Array<{ path: string; dot: boolean }> = [
    { path: '/a/b', dot: false },
    { path: '/a/../b', dot: true },
    { path: '/a/./b', dot: true },
    { path: '/a/..', dot: true },
    { path: '/a/%2e%2E/b', dot: true },
    { path: '/a/%2e/b', dot: true },
    { path: '/a/%252e%252e/b', dot: true },
    { path: '/a/x%2F..%2Fy', dot: true },
    { path: '/a/..%5Cadmin', dot: true },
    { path: '/a/...', dot: false },
    { path: '/a/v1..2/b', dot: false },
    { path: '/a/%E0%A4%A', dot: false },
  ];
  it.each(cases)('`$path` → $dot', ({ path, dot }) => {
    expect(hasDotSegment(path)).toBe(dot);
  });
});
