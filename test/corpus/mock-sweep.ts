/**
 * One connector through `flowport smoke` at a `flowport mock` of its own swagger, as the corpus and
 * conversion sweeps run it: what was called, what reached the mock, and what the mock could not route
 * or refused. Only the mock is called: a request for another origin (a URL taken whole from a
 * connection value or an argument) fails at once rather than being looked up in DNS.
 */
import type { Connector } from '../../src/connector/model.ts';
import { FlowportError } from '../../src/errors.ts';
import { type MockLogEntry, startMock } from '../../src/mock/server.ts';
import { createRuntime } from '../../src/runtime/runtime.ts';
import { createTransport } from '../../src/runtime/send/transport.ts';
import { type SmokeRow, smoke } from '../../src/runtime/smoke.ts';
import type { Connection, Transport } from '../../src/runtime/types.ts';

export interface MockSweep {
  readonly rows: readonly SmokeRow[];
  readonly log: readonly MockLogEntry[];
  /** Requests sent to another origin than the mock's (`METHOD url`). */
  readonly elsewhere: readonly string[];
  /** Requests no operation took (`name: METHOD url`). */
  readonly unrouted: readonly string[];
  /** Requests the mock refused with 400 or 401, and why (`name: METHOD url (operation): problems`). */
  readonly refused: readonly string[];
}

export async function mockSweep(
  connector: Connector,
  name: string,
  connection: Connection,
): Promise<MockSweep> {
  // Every request, not the mock's own log (its last 200): large connectors send more.
  const log: MockLogEntry[] = [];
  const mock = await startMock(connector, { port: 0, onRequest: (entry) => log.push(entry) });
  const elsewhere: string[] = [];
  const runtime = createRuntime(connector, { baseUrl: mock.url, transport: onlyTo(mock.origin, elsewhere) });
  try {
    const rows = await smoke(runtime, { includeTriggers: true, connection });
    const unrouted: string[] = [];
    const refused: string[] = [];
    for (const entry of log) {
      const where = `${name}: ${entry.method} ${entry.url}`;
      if (entry.operation === undefined) unrouted.push(where);
      else if (entry.status === 400 || entry.status === 401)
        refused.push(`${where} (${entry.operation}): ${entry.problems.map((p) => p.message).join(' ')}`);
    }
    return { rows, log, elsewhere, unrouted, refused };
  } finally {
    await runtime.close();
    await mock.close();
  }
}

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
