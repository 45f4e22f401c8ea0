import { describe, expect, it } from 'vitest';
import { isPlaceholder, knownSecretFormat, looksLikeRandomToken } from './secrets.ts';

describe('secrets', () => {
  it('names well-known credential formats', () => {
    expect(knownSecretFormat(`ghp_${'aB3'.repeat(12)}`)).toBe('a GitHub token');
    expect(knownSecretFormat('-----BEGIN PRIVATE KEY-----\nMIIE')).toBe('a private key');
    expect(
      knownSecretFormat(
        `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`,
      ),
    ).toBe('a JSON Web Token');
    expect(knownSecretFormat('AKIAIOSFODNN7EXAMPLE')).toBeUndefined();
    expect(knownSecretFormat('eyJhbGciOiJSUzUxMiJ9.eyJzdWIiOiI0Ii')).toBeUndefined();
  });
  it('recognises placeholders', () => {
    for (const p of ['[[DUMMY]]', 'YOUR_CLIENT_SECRET', '<secret>', '', '****', '{clientSecret}'])
      expect(isPlaceholder(p), p).toBe(true);
    expect(isPlaceholder('q8Z~u3kLm2.Pv9sRtYw4xB')).toBe(false);
  });
  it('tells random tokens from words, GUIDs and URLs', () => {
    expect(looksLikeRandomToken('f3Kq9ZrT2vLx8WnB4mYc7Hd1')).toBe(true);
    expect(looksLikeRandomToken('Bearer f3Kq9ZrT2vLx8WnB4mYc7Hd1')).toBe(true);
    expect(looksLikeRandomToken('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe(
      true,
    );
    for (const v of [
      '68036c7f-db6c-4dd0-bc1d-cb7337b2259f',
      'https://api.example.com/v1',
      'application/json',
      'ListTasksV2',
    ])
      expect(looksLikeRandomToken(v), v).toBe(false);
  });
});
