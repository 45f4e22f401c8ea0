/**
 * Two `flowport serve` nodes on one Postgres share polling with no duplicate polls: each
 * subscription is polled about once per interval in all, not once per node.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { postgresAvailable, uploadOf } from '../../src/server/testing.ts';
import { type TestDatabase, testEngines } from '../../src/store/testing.ts';

const BRIGHTDESK = new URL('../../examples/brightdesk/', import.meta.url).pathname;
const havePostgres = await postgresAvailable();

let database: TestDatabase | undefined;
const apps: FastifyInstance[] = [];
let backend: Server | undefined;
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await new Promise((r) => (backend ? backend.close(r) : r(undefined)));
  await database?.cleanup();
  database = backend = undefined;
});

describe('polling across nodes', () => {
  it.skipIf(!havePostgres)(
    'two nodes poll each subscription once per interval between them',
    { timeout: 60_000 },
    async () => {
      // A backend that counts polls per subscription (its team filter) and always says "nothing new".
      const polls = new Map<string, number>();
      backend = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const team = url.searchParams.get('teamId') ?? '';
        polls.set(team, (polls.get(team) ?? 0) + 1);
        res
          .writeHead(202, {
            location: `http://${req.headers.host}${url.pathname}${url.search}`,
            'retry-after': '0',
          })
          .end();
      });
      await new Promise<void>((r) => backend?.listen(0, '127.0.0.1', r));
      const backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}/api/v1`;

      database = await testEngines.find((e) => e.name === 'postgres')!.create();
      const first = await database.open();
      const admin = await first.createUser('admin', 'admin');
      const { token } = await first.createToken(admin.id, 't');
      for (const nodeId of ['node-a', 'node-b']) {
        const store = nodeId === 'node-a' ? first : await database.open();
        apps.push(
          await createApp({
            store,
            closeStore: false,
            publicUrl: 'http://127.0.0.1:4321',
            rateLimit: false,
            backendOverrides: { brightdesk: backendUrl },
            triggers: { nodeId, tickMs: 50 },
          }),
        );
      }
      const [a] = apps;
      const call = async (method: 'POST', url: string, body: unknown) => {
        const r = await a!.inject({
          method,
          url,
          payload: body as object,
          headers: { authorization: `Bearer ${token}` },
        });
        expect(r.statusCode, r.body).toBeLessThan(300);
        return r.json();
      };
      await call('POST', '/api/v1/connectors', { files: uploadOf(BRIGHTDESK) });
      const connection = await call('POST', '/api/v1/connections', {
        connectorId: 'brightdesk',
        parameterSet: 'api-key',
        values: { api_key: 'k' },
      });
      const count = 20;
      for (let i = 0; i < count; i++)
        await call('POST', '/api/v1/subscriptions', {
          connectionId: connection.id,
          operationId: 'OnTicketChanged',
          parameters: { teamId: `team-${i}` },
          intervalSeconds: 1,
        });
      for (const app of apps) await app.ready();
      const started = Date.now();
      await new Promise((r) => setTimeout(r, 5_000));
      const seconds = (Date.now() - started) / 1000;
      const both = apps.map((app) => app.triggers.scheduler.stats.polls);
      // Both nodes took part, and no subscription was polled more than once per interval (+1 for the edges).
      expect(
        both.every((n) => n > 0),
        `polls per node: ${both.join(', ')}`,
      ).toBe(true);
      for (let i = 0; i < count; i++)
        expect(polls.get(`team-${i}`) ?? 0).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
      const total = [...polls.values()].reduce((x, y) => x + y, 0);
      expect(total).toBeGreaterThanOrEqual(count * (Math.floor(seconds) - 2));
    },
  );
});
