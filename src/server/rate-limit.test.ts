import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { classify, toProblem } from './errors.ts';
import { durationMs, registerRateLimit } from './rate-limit.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** An app with a fake caller (`x-token`) set before the limit, as the auth hook sets it. */
async function limited(options: Parameters<typeof registerRateLimit>[1]) {
  app = Fastify();
  app.decorateRequest('caller', undefined);
  app.setErrorHandler((error, request, reply) => {
    const c = classify(error);
    reply.code(c.status).send(toProblem(c, request.url));
  });
  app.addHook('onRequest', async (request) => {
    const token = request.headers['x-token'];
    if (typeof token === 'string') request.caller = { user: {} as never, tokenId: token };
  });
  registerRateLimit(app, options);
  app.get('/counted', async () => 'ok');
  app.get('/free', { config: { rateLimit: false } }, async () => 'ok');
  const call = (url: string, token?: string) =>
    app!.inject({ method: 'GET', url, headers: token ? { 'x-token': token } : {} });
  return call;
}

describe('registerRateLimit', () => {
  it('counts per caller in a fixed window and sends the x-ratelimit headers', async () => {
    let clock = 10_000;
    const call = await limited({ max: 2, timeWindow: 60_000, now: () => clock });
    const first = await call('/counted', 'a');
    expect(first.headers).toMatchObject({
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '1',
      'x-ratelimit-reset': '60',
    });
    clock += 30_500;
    expect((await call('/counted', 'a')).headers).toMatchObject({
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '30',
    });
    const refused = await call('/counted', 'a');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.json().detail).toContain('retry in 30 seconds');
    // Another caller, and callers without a token (by address), have budgets of their own.
    expect((await call('/counted', 'b')).statusCode).toBe(200);
    expect((await call('/counted')).statusCode).toBe(200);
    clock += 29_500;
    expect((await call('/counted', 'a')).headers['x-ratelimit-remaining']).toBe('1');
  });

  it('leaves routes with `rateLimit: false` uncounted and without headers', async () => {
    const call = await limited({ max: 1 });
    for (let i = 0; i < 3; i++) {
      const res = await call('/free', 'a');
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    }
    expect((await call('/counted', 'a')).statusCode).toBe(200);
  });

  it('reads durations as milliseconds or with a unit, and refuses others', () => {
    expect(durationMs('1 minute')).toBe(60_000);
    expect(durationMs('90s')).toBe(90_000);
    expect(durationMs('2 hours')).toBe(7_200_000);
    expect(durationMs('250 ms')).toBe(250);
    expect(durationMs('1500')).toBe(1500);
    expect(() => durationMs('soon')).toThrow(/not a duration/);
    expect(() => durationMs('3 constructors')).toThrow(/not a duration/);
  });
});
