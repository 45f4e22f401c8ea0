import { describe, expect, it } from 'vitest';
import { lookup, OAUTH2_FLOW_URLS, SECURITY_SCHEME_PROPERTIES } from './security-schemes.ts';

describe('lookup', () => {
  it('reads own keys only', () => {
    expect(lookup(OAUTH2_FLOW_URLS, 'accessCode')).toEqual(['authorizationUrl', 'tokenUrl']);
    expect(lookup(SECURITY_SCHEME_PROPERTIES, 'constructor')).toBeUndefined();
    expect(lookup(SECURITY_SCHEME_PROPERTIES, undefined)).toBeUndefined();
  });
});
