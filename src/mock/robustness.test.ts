/**
 * Whatever a client sends, the mock answers it: arbitrary methods, paths (percent signs, dots, very
 * long segments), queries, headers and bodies never make it fail (5xx) or crash, and every refusal is
 * a JSON error with a code and a message.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConnector } from '../connector/load.ts';
import { type RunningMock, startMock } from './server.ts';

let mock: RunningMock;
beforeAll(async () => {
  const connector = await loadConnector(new URL('../../examples/brightdesk', import.meta.url).pathname);
  mock = await startMock(connector, { port: 0, stateful: true });
});
afterAll(() => mock.close());

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const SEGMENTS = [
  'api',
  'v1',
  'tickets',
  'teams',
  'T-1001',
  'fields',
  'hooks',
  'exports',
  '_mock',
  'fire',
  '%',
  '%2F',
  '..',
  '{id}',
];

const segment = fc.oneof(
  fc.constantFrom(...SEGMENTS),
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 300, maxLength: 600 }),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 200 }),
  fc.constant('{"title": '),
);

describe('flowport mock robustness', () => {
  it('answers 300 arbitrary requests without a failure of its own, every refusal a JSON error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.array(segment, { maxLength: 6 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 }), {
          maxKeys: 3,
        }),
        body,
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
        ),
        fc.constantFrom(undefined, 'code=404', 'dynamic=true', 'code=abc'),
        async (method, segments, query, payload, contentType, prefer) => {
          const path = `/${segments.map((s) => encodeURIComponent(s).replace(/%25/g, '%')).join('/')}`;
          const search = new URLSearchParams(query).toString();
          let url: URL;
          try {
            url = new URL(`${mock.origin}${path}${search ? `?${search}` : ''}`);
          } catch {
            return;
          }
          const res = await fetch(url, {
            method,
            headers: {
              'x-api-key': 'k',
              'content-type': contentType,
              ...(prefer && { prefer }),
            },
            ...(payload !== undefined && method !== 'GET' && { body: payload }),
          });
          const text = await res.text();
          expect(res.status, `${method} ${url.pathname}: ${text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) {
            const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
            expect(error?.code).toMatch(/^MOCK_/);
            expect(error?.message).toBeTruthy();
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
