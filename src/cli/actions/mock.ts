import pc from 'picocolors';
import type { MockLogEntry } from '../../mock/server.ts';
import { startMock } from '../../mock/server.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { listenFailure } from '../listen.ts';
import { loadOverlaid } from '../overlay-flag.ts';

export interface MockFlags {
  /** `--overlay` files applied in order before the connector is used (docs/deploy.md#overlays). */
  overlay?: string[];
  port: number;
  host: string;
  items: number;
  pages: number;
  fireEvery?: number;
  retryAfter: number;
  proxy?: string;
  record?: string;
  stateful: boolean;
  latency?: number;
  failEvery?: number;
  failStatus: string;
  replay?: string;
  auth: boolean;
  validate: boolean;
  format: 'text' | 'json';
  color?: boolean;
}

/** Runs a mock until `signal` aborts; returns the exit code. */
export async function runMock(
  connectorPath: string,
  flags: MockFlags,
  io: Io,
  signal: AbortSignal,
): Promise<number> {
  const connector = await loadOverlaid(connectorPath, flags.overlay);
  const color = flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);
  const c = color ? pc : pc.createColors(false);
  const line = (e: MockLogEntry) => (flags.format === 'json' ? JSON.stringify(e) : renderEntry(e, c));
  let mock: Awaited<ReturnType<typeof startMock>>;
  try {
    mock = await startMock(connector, {
      port: flags.port,
      host: flags.host,
      items: flags.items,
      pages: flags.pages,
      auth: flags.auth,
      validate: flags.validate,
      retryAfter: flags.retryAfter,
      ...(flags.proxy !== undefined && { proxy: flags.proxy }),
      ...(flags.record !== undefined && { record: flags.record }),
      stateful: flags.stateful,
      ...(flags.latency !== undefined && { latencyMs: flags.latency }),
      ...(flags.failEvery !== undefined && {
        failEvery: flags.failEvery,
        failStatus: Number(flags.failStatus),
      }),
      ...(flags.replay !== undefined && { replay: flags.replay }),
      onRequest: (e) => io.stdout.write(`${line(e)}\n`),
    });
  } catch (error) {
    throw listenFailure(error, flags.host, flags.port);
  }
  const title = connector.definition.info.title ?? connectorPath;
  const triggers = mock.handler.triggers.triggers();
  const info = [
    `flowport mock: ${title} at ${mock.url} (${connector.operations.length} operations${triggers.length ? `, ${triggers.length} triggers` : ''})`,
    ...(flags.proxy !== undefined
      ? [
          `  a validation proxy: requests go on to ${flags.proxy}; requests and answers are checked against the swagger`,
        ]
      : []),
    ...(flags.failEvery !== undefined
      ? [`  every ${flags.failEvery}. valid request fails with ${flags.failStatus} (Retry-After: 1)`]
      : []),
    ...(flags.stateful
      ? ['  stateful: what is created can be read, listed, changed and deleted (it starts empty)']
      : []),
    ...(flags.record !== undefined ? [`  recording the API's answers in ${flags.record}`] : []),
    ...(flags.replay !== undefined
      ? [`  answering with the recordings in ${flags.replay} where there is one`]
      : []),
    `  use it with: --base-url ${mock.url}`,
    ...(triggers.length
      ? [`  fire events: curl -X POST ${mock.origin}/_mock/fire/${triggers[0]?.id ?? ''}`]
      : []),
    ...(flags.auth ? [] : ['  credentials are not checked (--no-auth)']),
    ...(flags.validate ? [] : ['  requests are not checked (--no-validate)']),
  ];
  io.stderr.write(`${info.join('\n')}\n`);
  const timer =
    flags.fireEvery !== undefined && triggers.length > 0
      ? setInterval(
          () => void mock.handler.triggers.fire(undefined, 1).then((fired) => report(fired)),
          flags.fireEvery * 1000,
        )
      : undefined;
  const report = (fired: Awaited<ReturnType<typeof mock.handler.triggers.fire>>) => {
    for (const f of fired) {
      const what =
        f.kind === 'polling'
          ? `${f.pending} event(s) waiting for the next poll`
          : f.status !== undefined
            ? `delivered to subscription ${f.subscription}: ${f.status}`
            : `not delivered to subscription ${f.subscription}: ${f.error}`;
      io.stdout.write(
        flags.format === 'json'
          ? `${JSON.stringify({ fired: f })}\n`
          : `${c.magenta('fire')} ${f.operationId} ${what}\n`,
      );
    }
  };
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  if (timer) clearInterval(timer);
  await mock.close();
  io.stderr.write('flowport mock: stopped\n');
  return EXIT.ok;
}

function renderEntry(e: MockLogEntry, c: ReturnType<typeof pc.createColors>): string {
  const status =
    e.status >= 400
      ? c.red(String(e.status))
      : e.status >= 300
        ? c.yellow(String(e.status))
        : c.green(String(e.status));
  const op = e.operation ? c.cyan(e.operation) : c.dim(e.outcome === 'control' ? 'mock' : '(no operation)');
  const head = `${c.dim(e.time.slice(11, 19))} ${e.method} ${e.url} → ${op} ${status} ${c.dim(e.outcome)}`;
  return [head, ...e.problems.map((p) => `    ${c.yellow(p.at)} ${p.message}`)].join('\n');
}
