/**
 * A smoke run's rows (`flowport smoke --format json`) as evidence for the checklist's "every
 * operation was tested": flowport never calls a backend for `flowport pr` itself (smoke creates and
 * deletes things); the submitter runs it and hands the rows over.
 */
import { isObject, own } from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { skipReason } from '../runtime/smoke.ts';

export interface SmokeEvidence {
  readonly operationId: string;
  readonly status: number | null;
  readonly ok: boolean;
  readonly skipped: boolean;
  readonly error: string | undefined;
  /** Where the answer differs from its declared response schema (warnings); undefined when not checked. */
  readonly schemaDifferences: number | undefined;
  /** Answered by flowport's mock of the swagger (`smoke --mock`), not by the API. */
  readonly mock: boolean;
}

/** The warnings among a row's `schema.findings`, or undefined when the row has no schema check. */
function schemaDifferences(row: unknown): number | undefined {
  const findings = own(own(row, 'schema'), 'findings');
  if (!Array.isArray(findings)) return undefined;
  return findings.filter((f) => own(f, 'severity') === 'warning').length;
}

/** Reads the rows of `flowport smoke --format json`; anything else is a usage error naming the file. */
export function parseSmokeRows(value: unknown, file: string): SmokeEvidence[] {
  const refuse = (why: string) =>
    new FlowportError(
      'USAGE',
      `${file} ${why}; give the output of \`flowport smoke <connector> --format json\` to --smoke.`,
    );
  if (!Array.isArray(value)) throw refuse('is not a JSON array of smoke rows');
  return value.map((row, i) => {
    const operationId = own(row, 'operationId');
    const ok = own(row, 'ok');
    if (!isObject(row) || typeof operationId !== 'string' || typeof ok !== 'boolean')
      throw refuse(`has no \`operationId\` and \`ok\` in row ${i + 1}`);
    const status = own(row, 'status');
    const error = own(row, 'error');
    return {
      operationId,
      status: typeof status === 'number' ? status : null,
      ok,
      skipped: own(row, 'skipped') === true,
      error: typeof error === 'string' ? error : undefined,
      schemaDifferences: schemaDifferences(row),
      mock: own(row, 'mock') === true,
    };
  });
}

export interface SmokeVerdict {
  readonly state: 'done' | 'failed' | 'to-confirm';
  /** One line per failed or missing operation. */
  readonly notes: readonly string[];
  readonly called: number;
}

/**
 * Every action a smoke run can call answered 2xx: done; one did not: failed; some not run: open. A run
 * against flowport's mock (`smoke --mock`) shows the swagger consistent with itself, not the API
 * answering: it never ticks the item.
 */
export function smokeVerdict(connector: Connector, rows: readonly SmokeEvidence[]): SmokeVerdict {
  const byId = new Map(rows.filter((r) => !r.skipped).map((r) => [r.operationId, r]));
  const notes: string[] = [];
  if (rows.some((r) => r.mock && !r.skipped))
    notes.push(
      "the smoke run was answered by flowport's mock of the swagger (`smoke --mock`), not by the API: run `flowport smoke <connector> --base-url <your API> --format json`",
    );
  let failed = false;
  for (const operation of connector.operations) {
    if (operation.visibility === 'internal' || operation.deprecated) continue;
    if (skipReason(operation, false) !== undefined || operation.id === undefined) continue;
    const row = byId.get(operation.id);
    if (!row) notes.push(`\`${operation.id}\` is not in the smoke run`);
    else if (!row.ok) {
      failed = true;
      notes.push(
        `\`${operation.id}\` answered ${row.status ?? 'nothing'}${row.error ? ` (${row.error})` : ''}`,
      );
    }
  }
  return {
    state: failed ? 'failed' : notes.length > 0 ? 'to-confirm' : 'done',
    notes,
    called: byId.size,
  };
}
