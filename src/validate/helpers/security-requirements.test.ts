import { describe, expect, it } from 'vitest';
import { swagger, withOperation } from '../testing.ts';
import { testConnector } from './_test-connector.ts';
import { declaredScopes, securityRequirements } from './security-requirements.ts';

describe('securityRequirements', () => {
  it('lists root and operation entries with the definitions they name', () => {
    const connector = testConnector(
      withOperation({ security: [{ oauth: ['read'] }, 'junk'] }, '/tasks', 'get', {
        securityDefinitions: { oauth: { type: 'oauth2', scopes: { read: 'Read' } } },
        security: [{ oauth: [], missing: null }],
      }),
    );
    const found = securityRequirements(connector).map((r) => [r.pointer, r.definition?.name, r.value]);
    expect(found).toEqual([
      ['/security/0/oauth', 'oauth', []],
      ['/security/0/missing', undefined, null],
      ['/paths/~1tasks/get/security/0/oauth', 'oauth', ['read']],
    ]);
  });
  it('returns nothing when there are no requirements', () => {
    expect(securityRequirements(testConnector(swagger()))).toEqual([]);
  });
});

describe('declaredScopes', () => {
  it('reads the keys of the scopes map', () => {
    const connector = testConnector(
      swagger({
        securityDefinitions: { o: { type: 'oauth2', scopes: { a: '', b: '' } }, k: { type: 'apiKey' } },
      }),
    );
    const [o, k] = connector.definition.securityDefinitions;
    expect([...(o ? declaredScopes(o) : [])]).toEqual(['a', 'b']);
    expect(k ? declaredScopes(k).size : -1).toBe(0);
  });
});
