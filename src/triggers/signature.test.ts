import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from './signature.ts';

describe('delivery signatures', () => {
  const body = '{"id":"evt_1"}';
  const now = 1_800_000_000_000;

  it('signs `t.body` with HMAC-SHA256 (checked against a hand-made MAC)', () => {
    const header = signPayload('whsec_k', body, 1_800_000_000);
    const mac = createHmac('sha256', 'whsec_k').update(`1800000000.${body}`).digest('hex');
    expect(header).toBe(`t=1800000000,v1=${mac}`);
    expect(verifySignature('whsec_k', body, header, { now })).toBe(true);
  });

  it('refuses another secret, a changed body, an old signature and garbage', () => {
    const header = signPayload('whsec_k', body, 1_800_000_000);
    expect(verifySignature('whsec_x', body, header, { now })).toBe(false);
    expect(verifySignature('whsec_k', `${body} `, header, { now })).toBe(false);
    expect(verifySignature('whsec_k', body, header, { now: now + 301_000 })).toBe(false);
    expect(verifySignature('whsec_k', body, 't=abc,v1=zz', { now })).toBe(false);
    expect(verifySignature('whsec_k', body, undefined, { now })).toBe(false);
  });

  it('accepts any of several v1 entries (secret rotation)', () => {
    const good = signPayload('whsec_k', body, 1_800_000_000).split(',')[1];
    expect(verifySignature('whsec_k', body, `t=1800000000,v1=${'0'.repeat(64)},${good}`, { now })).toBe(true);
  });
});
