import { describe, expect, it } from 'vitest';
import { jwtClaims, scopeList, type TokenAnswerContext, tokenAnswerFindings } from './token-answer.ts';

const context: TokenAnswerContext = { provider: 'oauth2', scopes: 'read write', resource: undefined };
const verdictOf = (answer: Record<string, unknown>, check: string, ctx = context) =>
  tokenAnswerFindings(answer, ctx).find((f) => f.check === check);

describe('tokenAnswerFindings', () => {
  it('reads expires_in given as a string, as some providers send it', () => {
    const f = verdictOf(
      { access_token: 'a', token_type: 'bearer', expires_in: '3600', refresh_token: 'r' },
      'token-lifetime',
    );
    expect(f).toMatchObject({
      verdict: 'pass',
      message: 'The access token lasts 60 minutes (`expires_in` 3600).',
    });
  });

  it('says the offline scope was asked for in vain when it was', () => {
    const f = verdictOf({ access_token: 'a', token_type: 'Bearer', expires_in: 600 }, 'refresh-token', {
      ...context,
      scopes: 'read offline_access',
    });
    expect(f?.verdict).toBe('fail');
    expect(f?.fix).toContain('was asked for and still no refresh token came');
  });

  it('does not count OpenID scopes a provider leaves out of the granted list', () => {
    const f = verdictOf({ access_token: 'a', token_type: 'Bearer', scope: 'read' }, 'scopes', {
      ...context,
      scopes: 'openid read offline_access',
    });
    expect(f?.verdict).toBe('pass');
  });

  it('says nothing about the audience of an opaque Entra token', () => {
    const findings = tokenAnswerFindings(
      { access_token: 'opaque', token_type: 'Bearer' },
      { provider: 'aad', scopes: '', resource: 'https://api.contoso.com' },
    );
    expect(findings.find((f) => f.check === 'audience')).toBeUndefined();
  });

  it('takes an audience that differs only by a trailing slash or case', () => {
    const token = `e30.${Buffer.from(JSON.stringify({ aud: 'HTTPS://api.contoso.com/' })).toString('base64url')}.s`;
    const f = verdictOf({ access_token: token, token_type: 'Bearer' }, 'audience', {
      provider: 'aad',
      scopes: '',
      resource: 'https://api.contoso.com',
    });
    expect(f?.verdict).toBe('pass');
  });
});

describe('scopeList and jwtClaims', () => {
  it('splits scopes on spaces, commas and pluses', () => {
    expect(scopeList(' a b,c+d ')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads a JWT payload and nothing else', () => {
    expect(jwtClaims(`x.${Buffer.from('{"aud":"x"}').toString('base64url')}.y`)).toEqual({ aud: 'x' });
    expect(jwtClaims('opaque-token')).toBeUndefined();
    expect(jwtClaims('a.bm90IGpzb24.c')).toBeUndefined();
    expect(jwtClaims(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toBeUndefined();
  });
});
