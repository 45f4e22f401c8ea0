import { describe, expect, it } from 'vitest';
import { maskBody, maskHeader, maskUrl } from './mask.ts';

describe('masking what flowport record writes', () => {
  it.each([
    ['Authorization', 'Bearer eyJhbGciOi.x.y', 'Bearer ***'],
    ['Authorization', 'Basic dXNlcjpwYXNz', 'Basic ***'],
    ['Authorization', 'rawtoken', '***'],
    ['Proxy-Authorization', 'Basic abc', 'Basic ***'],
    ['X-Api-Key', 'k-123', '***'],
    ['Ocp-Apim-Subscription-Key', 'k-123', '***'],
    ['X-CSRF-Token', 'c-1', '***'],
    ['Cookie', 'sid=abc; theme=dark', 'sid=***; theme=***'],
    ['Set-Cookie', 'sid=abc; Path=/; HttpOnly', 'sid=***; Path=/; HttpOnly'],
    ['Accept', 'application/json', 'application/json'],
    ['X-Api-Version', '2', '2'],
  ])('%s: %s → %s', (name, value, masked) => {
    expect(maskHeader(name, value)).toBe(masked);
  });

  it('masks credential query values, keeping the rest of the URL', () => {
    expect(maskUrl(new URL('https://api.example.com/a?top=5&api_key=k1&access_token=t'))).toBe(
      'https://api.example.com/a?top=5&api_key=***&access_token=***',
    );
    expect(maskUrl(new URL('https://api.example.com/a?q=x%20y'))).toBe('https://api.example.com/a?q=x%20y');
  });

  it('masks fields named like secrets in JSON (at any depth) and form bodies; describing fields stay', () => {
    expect(
      maskBody(
        JSON.stringify({
          user: { password: 'p', name: 'Ada' },
          session_id: 's',
          token_type: 'Bearer',
          expires_in: 3600,
          items: [{ api_key: 'k' }],
        }),
        'application/json; charset=utf-8',
      ),
    ).toBe(
      '{"user":{"password":"***","name":"Ada"},"session_id":"***","token_type":"Bearer","expires_in":3600,"items":[{"api_key":"***"}]}',
    );
    expect(
      maskBody(
        'grant_type=password&username=ada&password=p&refresh_token=r',
        'application/x-www-form-urlencoded',
      ),
    ).toBe('grant_type=password&username=ada&password=***&refresh_token=***');
    expect(maskBody('{not json', 'application/json')).toBe('{not json');
    expect(maskBody('password=p', 'text/plain')).toBe('password=p');
  });
});
