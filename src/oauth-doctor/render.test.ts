import { describe, expect, it } from 'vitest';
import { renderDoctorReport } from './render.ts';

describe('renderDoctorReport', () => {
  it('prints the endpoints, a line per finding with its fix, and the totals', () => {
    const text = renderDoctorReport(
      {
        source: 'x',
        title: 'Contoso',
        endpoints: {
          provider: 'oauth2',
          parameter: 'token',
          authorizationUrl: 'https://login.contoso.com/authorize',
          tokenUrl: 'https://login.contoso.com/token',
          refreshUrl: 'https://login.contoso.com/token',
          scopes: 'read',
          redirectUrl: 'http://127.0.0.1:8400/oauth/callback',
        },
        findings: [
          { check: 'sign-in', verdict: 'pass', message: 'Signed in.' },
          { check: 'refresh', verdict: 'fail', message: 'Refused.', fix: 'Send the secret.' },
        ],
        summary: { pass: 1, info: 0, warn: 0, fail: 1 },
      },
      false,
    );
    expect(text).toContain('OAuth doctor — Contoso');
    expect(text).toContain('refresh       https://login.contoso.com/token (the token URL)');
    expect(text).toContain('✓ sign-in  Signed in.\n✗ refresh  Refused.\n           fix: Send the secret.');
    expect(text.trimEnd().endsWith('1 failed, 1 passed')).toBe(true);
  });
});
