import type { JsonValue } from '../connector/json.ts';
import { ownBoolean } from '../connector/json.ts';
import type { Operation } from '../connector/model.ts';
import { isFlowportError } from '../errors.ts';
import { exampleArguments } from './request/example-arguments.ts';
import { type Conformance, responseConformance } from './response-conformance.ts';
import type { Runtime } from './runtime.ts';
import type { Connection } from './types.ts';

/** One row of a smoke run: what calling the operation with example arguments gave. */
export interface SmokeRow {
  readonly operationId: string;
  /** HTTP status, or undefined when no response came back. */
  readonly status: number | undefined;
  readonly ok: boolean;
  readonly ms: number;
  /** Why the call failed or was skipped (`code: message`). */
  readonly error?: string;
  readonly skipped?: boolean;
  /** How the answer compares with the operation's declared response schema. */
  readonly schema?: Conformance;
  /** The JSON answer, with `keepAnswers` (to infer schemas from). */
  readonly answer?: JsonValue;
}

export interface SmokeOptions {
  readonly connection?: Connection;
  /** Also call polling triggers (webhook triggers subscribe, so they are never called). Default false. */
  readonly includeTriggers?: boolean;
  /** Calls in flight at once (default 4). */
  readonly concurrency?: number;
  /** Limit the run to these operation ids. */
  readonly only?: readonly string[];
  readonly onRow?: (row: SmokeRow) => void;
  /** Keep each JSON answer in its row (`--write-schemas`); default false. */
  readonly keepAnswers?: boolean;
}

/** Why an operation is not called, or undefined when it is. */
export function skipReason(operation: Operation, includeTriggers: boolean): string | undefined {
  if (!operation.id) return 'it has no operationId';
  if (ownBoolean(operation.raw, 'x-ms-no-generic-test') === true)
    return 'it is marked `x-ms-no-generic-test`';
  if (operation.kind === 'webhook-trigger') return 'webhook triggers subscribe; use `flowport trigger`';
  if (operation.kind === 'polling-trigger' && !includeTriggers)
    return 'polling trigger (use --include-triggers)';
  return undefined;
}

/**
 * Calls every action of a connector with example arguments (defaults, `x-ms-test-value`, enums,
 * examples, or values valid for the type) — the check certification asks authors to do by hand.
 */
export async function smoke(runtime: Runtime, options: SmokeOptions = {}): Promise<SmokeRow[]> {
  const { connector } = runtime;
  const selected = connector.operations.filter((o) => !options.only || (o.id && options.only.includes(o.id)));
  const rows: SmokeRow[] = new Array(selected.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < selected.length) {
      const index = next++;
      const operation = selected[index]!;
      const row = await smokeOne(runtime, operation, options);
      rows[index] = row;
      options.onRow?.(row);
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, selected.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return rows;
}

async function smokeOne(runtime: Runtime, operation: Operation, options: SmokeOptions): Promise<SmokeRow> {
  const operationId = operation.id ?? operation.label;
  const reason = skipReason(operation, options.includeTriggers ?? false);
  if (reason)
    return { operationId, status: undefined, ok: true, ms: 0, skipped: true, error: `skipped: ${reason}` };
  const started = performance.now();
  try {
    const { args, missing } = exampleArguments(runtime.connector, operation);
    if (missing.length > 0) {
      return {
        operationId,
        status: undefined,
        ok: false,
        ms: 0,
        error: `NO_EXAMPLE: no example value could be made for ${missing.map((m) => `\`${m}\``).join(', ')} (nothing fits its schema); give ${missing.length > 1 ? 'each' : 'it'} an \`x-ms-test-value\` (what certification testers send too), or call the operation with \`flowport run\` and \`--param\``,
      };
    }
    // An asynchronous action's 202 counts as its answer: smoke checks that each call is accepted.
    const result = await runtime.invoke(operationId, args, {
      async: false,
      ...(options.connection && { connection: options.connection }),
    });
    const status = result.response.status;
    return {
      operationId,
      status,
      ok: result.ok,
      ms: performance.now() - started,
      ...(!result.ok && { error: `HTTP ${status}` }),
      schema: responseConformance(runtime.connector, operation, result.response),
      ...(options.keepAnswers &&
        result.response.body.kind === 'json' && { answer: result.response.body.value }),
    };
  } catch (error) {
    const message = isFlowportError(error) ? `${error.code}: ${error.message}` : String(error);
    return { operationId, status: undefined, ok: false, ms: performance.now() - started, error: message };
  }
}
