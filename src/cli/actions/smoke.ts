import pc from 'picocolors';
import { loadConnector } from '../../connector/load.ts';
import { createRuntime } from '../../runtime/runtime.ts';
import { type SmokeRow, smoke } from '../../runtime/smoke.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { type ConnectionFlags, parseConnection } from '../invoke-flags.ts';
import { maskerFor } from './run.ts';

export interface SmokeFlags extends ConnectionFlags {
  baseUrl?: string;
  format: 'text' | 'json';
  includeTriggers: boolean;
  concurrency: number;
  only?: string[];
  color?: boolean;
}

function table(rows: readonly SmokeRow[], color: boolean): string {
  const c = color ? pc : pc.createColors(false);
  const width = Math.max(9, ...rows.map((r) => r.operationId.length));
  const lines = [c.bold(`${'operation'.padEnd(width)}  status  time     result`)];
  for (const r of rows) {
    const status = r.status === undefined ? '—' : String(r.status);
    const time = r.skipped ? '' : `${Math.round(r.ms)} ms`;
    const result = r.skipped
      ? c.dim(r.error ?? 'skipped')
      : r.ok
        ? c.green('ok')
        : c.red(r.error ?? 'failed');
    lines.push(`${r.operationId.padEnd(width)}  ${status.padEnd(6)}  ${time.padEnd(7)}  ${result}`);
  }
  const called = rows.filter((r) => !r.skipped);
  const passed = called.filter((r) => r.ok).length;
  const skipped = rows.length - called.length;
  lines.push(
    '',
    `${passed} of ${called.length} operations answered 2xx${skipped ? `, ${skipped} skipped` : ''}.`,
  );
  return lines.join('\n');
}

export async function runSmoke(connectorPath: string, flags: SmokeFlags, io: Io): Promise<number> {
  const connector = await loadConnector(connectorPath);
  const connection = parseConnection(flags);
  const runtime = createRuntime(connector, {
    ...(flags.baseUrl && { baseUrl: flags.baseUrl }),
  });
  const mask = maskerFor(connector, connection, flags.token ?? process.env.FLOWPORT_TOKEN);
  for (const d of runtime.policyDiagnostics)
    io.stderr.write(`flowport: warning: ${d.message} (apiProperties.json${d.pointer}) [${d.code}]\n`);
  try {
    const rows = await smoke(runtime, {
      connection,
      includeTriggers: flags.includeTriggers,
      concurrency: flags.concurrency,
      ...(flags.only && { only: flags.only }),
    });
    if (flags.format === 'json') {
      const json = rows.map((r) => ({
        operationId: r.operationId,
        status: r.status ?? null,
        ok: r.ok,
        ms: Math.round(r.ms),
        ...(r.skipped && { skipped: true }),
        ...(r.error && { error: r.error }),
      }));
      io.stdout.write(`${mask(JSON.stringify(json, null, 2))}\n`);
    } else {
      const color = flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);
      io.stdout.write(`${mask(table(rows, color))}\n`);
    }
    return rows.every((r) => r.ok) ? EXIT.ok : EXIT.findings;
  } finally {
    await runtime.close();
  }
}
