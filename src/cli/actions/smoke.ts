import { readFileSync, statSync, writeFileSync } from 'node:fs';
import pc from 'picocolors';
import type { Connector } from '../../connector/model.ts';
import { withResponseSchema } from '../../convert/response-schema-edit.ts';
import { schemaFromSamples } from '../../convert/sample-schema.ts';
import { FlowportError } from '../../errors.ts';
import { type MockLogEntry, startMock } from '../../mock/server.ts';
import { placeholderConnection } from '../../runtime/connection/placeholder.ts';
import { createRuntime } from '../../runtime/runtime.ts';
import { type SmokeRow, smoke } from '../../runtime/smoke.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { type ConnectionFlags, parseConnection } from '../invoke-flags.ts';
import { loadOverlaid } from '../overlay-flag.ts';
import { conformanceLines, schemaWarnings } from '../render/conformance.ts';
import { maskerFor } from './run.ts';

export interface SmokeFlags extends ConnectionFlags {
  /** `--overlay` files applied in order before the connector is used (docs/deploy.md#overlays). */
  overlay?: string[];
  baseUrl?: string;
  format: 'text' | 'json';
  includeTriggers: boolean;
  concurrency: number;
  only?: string[];
  color?: boolean;
  mock: boolean;
  /** Exit 1 when an answer differs from its declared schema. */
  strictSchema: boolean;
  /** Write the schema inferred from its answer into each response that declares none. */
  writeSchemas: boolean;
}

/**
 * `--write-schemas`: the schema inferred from each 2xx JSON answer whose declared response has none,
 * written into the swagger on disk (one write); a line saying which, or why none.
 */
function writeSchemas(connector: Connector, rows: readonly SmokeRow[]): string {
  const file = connector.files.swagger;
  if (!file || connector.sourceType === 'zip' || !statSync(file.path, { throwIfNoEntry: false })?.isFile())
    throw new FlowportError(
      'USAGE',
      '--write-schemas needs a connector folder or swagger file on disk, not a zip.',
    );
  let text = readFileSync(file.path, 'utf8');
  const written: string[] = [];
  for (const row of rows) {
    const status = row.schema?.response;
    const operation = connector.operation(row.operationId);
    if (!operation || status === undefined || row.answer === undefined) continue;
    if (!row.schema?.findings.some((f) => f.kind === 'no-schema')) continue;
    const after = withResponseSchema(text, operation, status, schemaFromSamples([row.answer]).schema);
    if (after === undefined) continue;
    text = after;
    written.push(`${row.operationId} (${status})`);
  }
  if (written.length === 0) return 'flowport: no answer lacked a response schema; nothing was written.';
  writeFileSync(file.path, text);
  return `flowport: wrote the response schemas of ${written.join(', ')} into ${file.name}, each inferred from its answer; add a \`description\` to each property (\`flowport validate\` lists them).`;
}

function schemaCell(r: SmokeRow): string {
  // Nothing to compare with: no answer, or a status the operation does not declare (an error).
  if (!r.schema || (r.schema.response === undefined && r.schema.findings.length === 0)) return '—';
  const warnings = schemaWarnings(r.schema);
  const notes = r.schema.findings.length - warnings;
  if (warnings > 0) return `${warnings} ${warnings === 1 ? 'difference' : 'differences'}`;
  return notes > 0 ? `✓ (${notes} ${notes === 1 ? 'note' : 'notes'})` : '✓';
}

function table(rows: readonly SmokeRow[], color: boolean): string {
  const c = color ? pc : pc.createColors(false);
  const width = Math.max(9, ...rows.map((r) => r.operationId.length));
  const cells = rows.map(schemaCell);
  const schemaWidth = Math.max(6, ...cells.map((s) => s.length));
  const lines = [
    c.bold(`${'operation'.padEnd(width)}  status  time     ${'schema'.padEnd(schemaWidth)}  result`),
  ];
  rows.forEach((r, i) => {
    const status = r.status === undefined ? '—' : String(r.status);
    const time = r.skipped ? '' : `${Math.round(r.ms)} ms`;
    const cell = (cells[i] as string).padEnd(schemaWidth);
    const schema = schemaWarnings(r.schema) > 0 ? c.yellow(cell) : cell;
    const result = r.skipped
      ? c.dim(r.error ?? 'skipped')
      : r.ok
        ? c.green('ok')
        : c.red(r.error ?? 'failed');
    lines.push(
      `${r.operationId.padEnd(width)}  ${status.padEnd(6)}  ${time.padEnd(7)}  ${schema}  ${result}`,
    );
  });
  const called = rows.filter((r) => !r.skipped);
  const passed = called.filter((r) => r.ok).length;
  const skipped = rows.length - called.length;
  const differing = rows.filter((r) => schemaWarnings(r.schema) > 0);
  lines.push(
    '',
    `${passed} of ${called.length} operations answered 2xx${skipped ? `, ${skipped} skipped` : ''}${differing.length ? `; ${differing.length} ${differing.length === 1 ? 'answer differs' : 'answers differ'} from the response schema` : ''}.`,
  );
  for (const r of differing) {
    lines.push('', `${c.bold(r.operationId)} (response \`${r.schema?.response ?? r.status}\`):`);
    if (r.schema) lines.push(...conformanceLines(r.schema, { color, max: 5, fixes: false }));
  }
  return lines.join('\n');
}

export async function runSmoke(connectorPath: string, flags: SmokeFlags, io: Io): Promise<number> {
  if (flags.mock && flags.baseUrl)
    throw new FlowportError(
      'USAGE',
      '--mock calls a mock of the connector made here; drop --base-url (or drop --mock to call that URL).',
    );
  const connector = await loadOverlaid(connectorPath, flags.overlay);
  const given = parseConnection(flags);
  // Against a mock, values not given are placeholders: the mock asks only that credentials be there.
  const connection = flags.mock ? placeholderConnection(connector, given) : given;
  const mock = flags.mock ? await startMock(connector, { port: 0 }) : undefined;
  if (mock)
    io.stderr.write(
      `flowport: calling a mock of the connector's own swagger (flowport mock) at ${mock.url}; each request is checked against the operation it calls\n`,
    );
  const baseUrl = mock?.url ?? flags.baseUrl;
  const runtime = createRuntime(connector, { ...(baseUrl && { baseUrl }) });
  const mask = maskerFor(connector, connection, flags.token ?? process.env.FLOWPORT_TOKEN);
  for (const d of runtime.policyDiagnostics)
    io.stderr.write(`flowport: warning: ${d.message} (apiProperties.json${d.pointer}) [${d.code}]\n`);
  try {
    const rows = await smoke(runtime, {
      connection,
      includeTriggers: flags.includeTriggers,
      concurrency: flags.concurrency,
      ...(flags.only && { only: flags.only }),
      keepAnswers: flags.writeSchemas,
    });
    if (flags.writeSchemas) io.stderr.write(`${writeSchemas(connector, rows)}\n`);
    if (flags.format === 'json') {
      const refused = new Map<string, MockLogEntry['problems']>();
      for (const e of mock?.handler.requests() ?? [])
        if (e.outcome === 'refused' && e.operation !== undefined) refused.set(e.operation, e.problems);
      const json = rows.map((r) => ({
        operationId: r.operationId,
        status: r.status ?? null,
        ok: r.ok,
        ms: Math.round(r.ms),
        ...(r.skipped && { skipped: true }),
        ...(r.error && { error: r.error }),
        ...(r.schema && { schema: r.schema }),
        // With --mock: answered by a mock of the swagger, not the API (`flowport pr` tells them apart),
        // and what the mock found wrong with the request flowport built.
        ...(mock && { mock: true }),
        ...(refused.has(r.operationId) && { refused: refused.get(r.operationId) }),
      }));
      io.stdout.write(`${mask(JSON.stringify(json, null, 2))}\n`);
    } else {
      const color = flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);
      io.stdout.write(`${mask(table(rows, color))}\n`);
      if (mock) io.stdout.write(mask(refusals(mock.handler.requests())));
    }
    const schemaFails = flags.strictSchema && rows.some((r) => schemaWarnings(r.schema) > 0);
    return rows.every((r) => r.ok) && !schemaFails ? EXIT.ok : EXIT.findings;
  } finally {
    await runtime.close();
    await mock?.close();
  }
}

/**
 * What the mock refused, request by request: with `--mock`, a request flowport built from the swagger
 * that does not fit the swagger (a required value nothing fills, a body unlike its own schema).
 */
function refusals(entries: readonly MockLogEntry[]): string {
  const refused = entries.filter((e) => e.outcome === 'refused' && e.problems.length > 0);
  if (refused.length === 0) return '';
  const lines = [
    '',
    'The mock refused these requests (flowport built them from the swagger; they do not fit it):',
  ];
  for (const e of refused) {
    lines.push(`  ${e.operation ?? '(no operation)'}  ${e.method} ${e.url}`);
    for (const p of e.problems) lines.push(`    ${p.at}: ${p.message}`);
  }
  return `${lines.join('\n')}\n`;
}
