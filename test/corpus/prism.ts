/**
 * Stoplight Prism as an independent judge of the requests flowport builds: a `prism mock` of the
 * connector's own swagger on loopback answers 2xx to a well-formed request and 4xx to a malformed one.
 * Used by the CI sample (prism.test.ts) and the full sweep (bench/prism-sweep.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { isObject, own } from '../../src/connector/json.ts';
import type { Connector, Operation } from '../../src/connector/model.ts';
import { isFlowportError } from '../../src/errors.ts';
import { exampleArguments } from '../../src/runtime/request/example-arguments.ts';
import { createRuntime } from '../../src/runtime/runtime.ts';
import { createTransport } from '../../src/runtime/send/transport.ts';
import type { Connection, Transport, WireRequest } from '../../src/runtime/types.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const PRISM = join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PrismMock {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `prism mock` for a swagger file; rejects when Prism cannot load it. */
export async function startPrism(swaggerPath: string, timeoutMs = 20_000): Promise<PrismMock> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [PRISM, 'mock', '-h', '127.0.0.1', '-p', String(port), swaggerPath],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => {
    if (log.length < 20_000) log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    if (log.length < 20_000) log += d.toString();
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prism exited: ${log.slice(-500)}`);
    if (/Prism is listening/.test(log)) return { url, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`Prism did not start in ${timeoutMs} ms: ${log.slice(-500)}`);
}

/**
 * Sends what flowport built to Prism: the scheme, host and basePath flowport computed go into
 * `__server` (Prism checks them against the swagger), the rest of the path and the query as they were.
 */
export function prismTransport(prismUrl: string, basePath: string, checkServer: () => boolean): Transport {
  const inner = createTransport({ retry: { count: 0 } });
  const base = basePath === '/' ? '' : basePath.replace(/\/$/, '');
  return {
    async send(wire: WireRequest, options) {
      const url = new URL(wire.url);
      let path = url.pathname;
      let server = `${url.protocol}//${url.host}`;
      if (base && path.toLowerCase().startsWith(base.toLowerCase())) {
        server += path.slice(0, base.length);
        path = path.slice(base.length) || '/';
      }
      const target = new URL(prismUrl + path + url.search);
      if (checkServer()) target.searchParams.set('__server', server);
      return inner.send({ ...wire, url: target.toString() }, options);
    },
    close: () => inner.close(),
  };
}

/** A connection with a placeholder for every parameter, as a tester would fill in. */
export function dummyConnection(connector: Connector): Connection {
  const values: Record<string, string> = {};
  const sets = connector.properties.parameterSets;
  const params = sets.length > 0 ? sets[0]!.parameters : connector.properties.connectionParameters;
  for (const p of params) {
    if (p.type === 'oauthSetting' || p.type === 'gatewaySetting') continue;
    const ui = own(p.raw, 'uiDefinition');
    const constraints = isObject(ui) ? own(ui, 'constraints') : undefined;
    const allowed =
      own(p.raw, 'allowedValues') ?? (isObject(constraints) ? own(constraints, 'allowedValues') : undefined);
    const first = Array.isArray(allowed) && isObject(allowed[0]) ? own(allowed[0], 'value') : undefined;
    const fallback =
      p.type === 'int' ? '1' : p.type === 'bool' ? 'true' : `test-${p.name.replace(/[^a-z0-9]/gi, '')}`;
    values[p.name] = typeof first === 'string' ? first : fallback;
  }
  return {
    values,
    ...(sets.length > 0 && { parameterSet: sets[0]!.name }),
    tokenProvider: { getToken: async () => 'test-token' },
  };
}

export type Verdict = 'accepted' | 'rejected' | 'not-built' | 'skipped';

export interface SweepRow {
  readonly connector: string;
  readonly operationId: string;
  readonly verdict: Verdict;
  readonly status?: number;
  /** flowport's error code or Prism's problem type. */
  readonly cause?: string;
  readonly detail?: string;
}

function hostIsDynamic(connector: Connector, operation: Operation): boolean {
  return connector.properties.policies.some(
    (p) =>
      (p.templateId === 'dynamichosturl' || p.templateId === 'dynamicsubdomain') &&
      (p.operations.length === 0 || (operation.id !== undefined && p.operations.includes(operation.id))),
  );
}

/** Calls every operation of one connector against a Prism mock of its swagger. */
export async function sweepConnector(
  connector: Connector,
  name: string,
  swaggerPath: string,
): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  const candidates = connector.operations.filter((o) => o.id !== undefined && !o.customCode);
  for (const o of connector.operations) {
    if (o.id !== undefined && o.customCode)
      rows.push({ connector: name, operationId: o.id, verdict: 'skipped', cause: 'CUSTOM_CODE' });
  }
  if (candidates.length === 0) return rows;
  let prism: PrismMock;
  try {
    prism = await startPrism(swaggerPath);
  } catch (error) {
    for (const o of candidates)
      rows.push({
        connector: name,
        operationId: o.id!,
        verdict: 'skipped',
        cause: 'PRISM_CANNOT_LOAD',
        detail: String(error).slice(0, 200),
      });
    return rows;
  }
  let check = true;
  const transport = prismTransport(prism.url, connector.definition.basePath ?? '/', () => check);
  const runtime = createRuntime(connector, { transport });
  const connection = dummyConnection(connector);
  try {
    for (const operation of candidates) {
      const operationId = operation.id!;
      const { args, missing } = exampleArguments(connector, operation);
      if (missing.length > 0) {
        rows.push({
          connector: name,
          operationId,
          verdict: 'skipped',
          cause: 'NO_EXAMPLE',
          detail: missing.join(', '),
        });
        continue;
      }
      check = !hostIsDynamic(connector, operation);
      try {
        const result = await runtime.invoke(operationId, args, { connection });
        const status = result.response.status;
        if (status < 400) rows.push({ connector: name, operationId, verdict: 'accepted', status });
        else {
          const body = result.response.body;
          const problem = body.kind === 'json' && isObject(body.value) ? body.value : undefined;
          const type =
            typeof own(problem, 'type') === 'string'
              ? String(own(problem, 'type')).split('/').pop()
              : `HTTP_${status}`;
          const detail = JSON.stringify(own(problem, 'validation') ?? own(problem, 'detail') ?? '').slice(
            0,
            300,
          );
          rows.push({ connector: name, operationId, verdict: 'rejected', status, cause: type, detail });
        }
      } catch (error) {
        const cause = isFlowportError(error) ? error.code : 'INTERNAL';
        const detail = error instanceof Error ? error.message.slice(0, 300) : String(error);
        rows.push({ connector: name, operationId, verdict: 'not-built', cause, detail });
      }
    }
  } finally {
    await runtime.close();
    await transport.close();
    await prism.stop();
  }
  return rows;
}
