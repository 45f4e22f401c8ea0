import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../runtime/connection/secrets.ts';
import { createMasker } from './invocation.ts';

const secrets = ['s3cr3t/value', 'k3y+with space', 'abc'];

describe('createMasker', () => {
  it.each([
    'nothing here',
    'key=s3cr3t%2Fvalue&x=1',
    'q=k3y%2Bwith%20space and k3y+with+space and k3y+with space',
    'Authorization: Bearer abc.def.ghi',
    '{"authorization":"Basic dXNlcjpwYXNz"}',
    'a Bearer abcdefgh1234 in a log line',
    'S3CR3T/VALUE in capitals is not the secret',
    'basic words, bearer of news, and s3cr3t/value',
    'abc is shorter than the masked length',
  ])('masks %j exactly as maskSecrets does', (text) => {
    expect(createMasker(secrets).text(text)).toBe(maskSecrets(text, secrets));
  });

  it('returns a JSON value unchanged, not copied, when nothing in it needs masking', () => {
    const value = { value: [{ id: 't1', title: 'Task', done: false, n: 1, none: null }] };
    expect(createMasker(secrets).json(value)).toBe(value);
  });

  it('masks secrets in JSON strings and keys, deep inside, without changing the original', () => {
    const value = { a: [{ b: 'x s3cr3t/value y' }], 's3cr3t/value': 1, c: 'Bearer abcdefgh1234' };
    expect(createMasker(secrets).json(value)).toEqual({ a: [{ b: 'x *** y' }], '***': 1, c: 'Bearer ***' });
    expect(value.a[0]?.b).toBe('x s3cr3t/value y');
  });

  it('keeps a `__proto__` key of a backend body as a plain property', () => {
    const value = JSON.parse('{"__proto__": {"token": "s3cr3t/value"}}');
    const masked = createMasker(secrets).json(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(masked, '__proto__')?.value).toEqual({ token: '***' });
  });

  it('is built once per secrets array', () => {
    expect(createMasker(secrets)).toBe(createMasker(secrets));
    expect(createMasker([...secrets])).not.toBe(createMasker(secrets));
  });
});
