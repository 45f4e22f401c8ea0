/**
 * The journey a connector author takes: `flowport init --from <description>`, then `flowport smoke
 * --mock`. Over every description in `../shared/apis`, each converted connector's actions and polling
 * triggers are called through the runtime, with the placeholder connection values `smoke --mock` uses, at a mock of the
 * connector's own swagger: every request must reach the mock, be routed to an operation and be
 * accepted. A refusal is a bug of the converter, the runtime or the mock (this sweep found four: the
 * mock's controls taking a `/_mock` basePath, `dynamichosturl` hosts bypassing `--base-url`, required
 * `readOnly` properties asked of requests, and a routed `security: []` operation refused).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../src/errors.ts';
import { startMock } from '../../src/mock/server.ts';
import { placeholderConnection } from '../../src/runtime/connection/placeholder.ts';
import { createRuntime } from '../../src/runtime/runtime.ts';
import { createTransport } from '../../src/runtime/send/transport.ts';
import { smoke } from '../../src/runtime/smoke.ts';
import type { Transport } from '../../src/runtime/types.ts';
import { convertedConnectors } from './convert-prism.ts';

const apis = resolve(process.env.FLOWPORT_APIS ?? '../shared/apis');
const files = existsSync(apis)
  ? readdirSync(apis)
      .filter((f) => /\.(json|ya?ml)$/i.test(f))
      .sort()
  : [];
if (files.length === 0) {
  console.warn(`Convert-and-mock sweep skipped: API descriptions not found at ${apis} (set FLOWPORT_APIS).`);
  it.skip(`Convert-and-mock sweep: API descriptions not found at ${apis}`, () => {});
}

/** Only the mock is called: a request for any other origin fails at once, and is counted as not reaching it. */
function onlyTo(origin: string, elsewhere: string[]): Transport {
  const inner = createTransport({ retry: { count: 0 } });
  return {
    send(wire, options) {
      if (new URL(wire.url).origin !== origin) {
        elsewhere.push(`${wire.method} ${wire.url}`);
        return Promise.reject(new FlowportError('UPSTREAM_UNREACHABLE', 'not the mock'));
      }
      return inner.send(wire, options);
    },
    close: () => inner.close(),
  };
}

describe.skipIf(files.length === 0)('init, then smoke --mock, over the API descriptions', () => {
  it('routes and accepts every request each converted connector sends', async () => {
    let connectors = 0;
    let called = 0;
    let reached = 0;
    const elsewhere: string[] = [];
    const unrouted: string[] = [];
    const refused: string[] = [];
    const unsent: string[] = [];
    for (const file of files) {
      const path = join(apis, file);
      for (const { name, connector } of convertedConnectors(path, readFileSync(path, 'utf8'))) {
        connectors++;
        const mock = await startMock(connector, { port: 0 });
        const away: string[] = [];
        const runtime = createRuntime(connector, { baseUrl: mock.url, transport: onlyTo(mock.origin, away) });
        try {
          const rows = await smoke(runtime, {
            includeTriggers: true,
            connection: placeholderConnection(connector),
          });
          called += rows.filter((r) => !r.skipped).length;
          for (const r of rows)
            if (!r.skipped && r.status === undefined) unsent.push(`${name} ${r.operationId}: ${r.error}`);
          const log = mock.handler.requests();
          reached += log.length;
          for (const url of away) elsewhere.push(`${name}: ${url}`);
          for (const entry of log) {
            const where = `${name}: ${entry.method} ${entry.url}`;
            if (entry.operation === undefined) unrouted.push(where);
            else if (entry.status === 400 || entry.status === 401)
              refused.push(
                `${where} (${entry.operation}): ${entry.problems.map((p) => p.message).join(' ')}`,
              );
          }
        } finally {
          await runtime.close();
          await mock.close();
        }
      }
    }
    console.log(
      `convert-and-mock sweep: ${files.length} descriptions, ${connectors} connectors, ${called} operations called, ${reached} requests reached the mock, ${elsewhere.length} went elsewhere, ${unrouted.length} unrouted, ${refused.length} refused`,
    );
    expect(connectors).toBeGreaterThanOrEqual(files.length);
    expect(elsewhere, elsewhere.join('\n')).toEqual([]);
    expect(unrouted, unrouted.join('\n')).toEqual([]);
    expect(refused, refused.join('\n')).toEqual([]);
    expect(unsent, unsent.join('\n')).toEqual([]);
  }, 300_000);
});
