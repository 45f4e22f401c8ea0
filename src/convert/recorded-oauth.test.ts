import { describe, expect, it } from 'vitest';
import type { Exchange } from './exchange.ts';
import { isTokenCall, oauthScheme, oauthSeen } from './recorded-oauth.ts';

const call = (method: string, url: string, body?: { mimeType: string; text: string }): Exchange => ({
  pointer: `/line/${method}`,
  method,
  url: new URL(url),
  headers: [],
  ...(body && { body }),
});
const form = (text: string) => ({ mimeType: 'application/x-www-form-urlencoded', text });

describe('OAuth 2 in recorded calls', () => {
  it('tells token requests by their path and grant_type, in a form or JSON', () => {
    expect(
      isTokenCall(call('POST', 'https://id.example.com/oauth/token', form('grant_type=client_credentials'))),
    ).toBe(true);
    expect(
      isTokenCall(
        call('POST', 'https://id.example.com/v1/token', {
          mimeType: 'application/json',
          text: '{"grant_type":"password"}',
        }),
      ),
    ).toBe(true);
    expect(isTokenCall(call('POST', 'https://api.example.com/tokens', form('grant_type=x')))).toBe(false);
    expect(isTokenCall(call('POST', 'https://api.example.com/token', form('name=x')))).toBe(false);
    expect(isTokenCall(call('GET', 'https://api.example.com/token?grant_type=x'))).toBe(false);
  });

  it('gives client credentials when only those were used, and nothing without an endpoint the flow needs', () => {
    const seen = oauthSeen([
      call(
        'POST',
        'https://id.example.com/oauth2/token',
        form('grant_type=client_credentials&scope=api.read api.write'),
      ),
    ]);
    expect(seen && oauthScheme(seen)).toEqual({
      type: 'oauth2',
      flows: {
        clientCredentials: {
          tokenUrl: 'https://id.example.com/oauth2/token',
          scopes: { 'api.read': 'api.read', 'api.write': 'api.write' },
        },
      },
    });
    const codeOnly = oauthSeen([
      call('POST', 'https://id.example.com/token', form('grant_type=authorization_code&code=c')),
    ]);
    expect(codeOnly && oauthScheme(codeOnly)).toBeUndefined();
    expect(oauthSeen([call('GET', 'https://api.example.com/items')])).toBeUndefined();
  });

  it('reads the sign-in page among the pages a browser opened', () => {
    const seen = oauthSeen(
      [call('POST', 'https://id.example.com/token', form('grant_type=authorization_code&code=c'))],
      [
        {
          url: new URL('https://id.example.com/authorize?client_id=a&response_type=code&scope=read+write'),
          pointer: '/log/entries/0',
        },
      ],
    );
    expect(seen).toMatchObject({
      authorizationUrl: 'https://id.example.com/authorize',
      tokenUrl: 'https://id.example.com/token',
      scopes: ['read', 'write'],
      pointer: '/log/entries/0',
    });
    expect(seen && oauthScheme(seen)).toMatchObject({
      flows: { authorizationCode: { authorizationUrl: 'https://id.example.com/authorize' } },
    });
  });
});
