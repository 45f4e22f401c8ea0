import { describe, expect, it } from 'vitest';
import { ParameterNames, resourceNameOf } from './names.ts';

describe('resourceNameOf', () => {
  it('makes a resource name of a title', () => {
    expect(resourceNameOf('Tasklane (Independent Publisher)')).toBe('tasklane-independent-publisher');
    expect(resourceNameOf('Crème Brûlée API')).toBe('creme-brulee-api');
    expect(resourceNameOf('  ***  ')).toBe('custom-connector');
    expect(resourceNameOf(undefined)).toBe('custom-connector');
    expect(resourceNameOf(`${'a'.repeat(63)} b`)).toBe('a'.repeat(63));
  });
});

describe('ParameterNames', () => {
  it('camel-cases parts, starts with a letter, and never gives a name twice', () => {
    const names = new ParameterNames(['location']);
    expect(names.name('token', 'clientId')).toBe('tokenClientId');
    expect(names.name('connection', 'api-key')).toBe('connectionApiKey');
    expect(names.name('connection', 'api_key')).toBe('connectionApiKey2');
    expect(names.name('Location')).toBe('location2');
    expect(names.name('1st', 'key')).toBe('p1stKey');
  });
});
