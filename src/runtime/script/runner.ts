import { randomUUID } from 'node:crypto';
import * as nodeModule from 'node:module';
import { Worker } from 'node:worker_threads';
import { FlowportError } from '../../errors.ts';
import type { RuntimeResponse } from '../types.ts';
import { runtimeResponseOf } from './http.ts';
import type {
  MainMessage,
  ScriptFailureKind,
  ScriptHttpRequest,
  ScriptHttpResponse,
  ScriptLogEntry,
  WorkerInput,
  WorkerMessage,
} from './protocol.ts';
import { WORKER_SOURCE } from './worker.ts';

export interface ScriptRunnerOptions {
  /** Wall-clock limit of one run, from worker start to response, `sendAsync` calls included (5000). */
  readonly timeoutMs?: number;
  /** V8 heap limit of the worker in MB (64); `ArrayBuffer` contents are outside it. */
  readonly memoryMb?: number;
  /** Log entries kept per run (100); each is cut at 2,000 characters. */
  readonly logLimit?: number;
}

/** Performs a script's `sendAsync`: the runtime passes its transport; tests pass a fake. */
export type ScriptSend = (
  request: ScriptHttpRequest,
  options: { readonly signal: AbortSignal },
) => Promise<ScriptHttpResponse>;

export interface ScriptRunInput {
  /** The TypeScript source of the script. */
  readonly source: string;
  /** Named in errors and stack traces (`script.ts`). */
  readonly fileName: string;
  readonly operationId: string;
  /** The backend request, auth and request policies applied. */
  readonly request: ScriptHttpRequest;
  /** Offered as `context.connectionParameters`; the caller leaves secrets out. */
  readonly connectionParameters?: Readonly<Record<string, string>>;
  readonly sendAsync: ScriptSend;
  /** Default: a random UUID. */
  readonly correlationId?: string;
  /** `context.originalRequestUrl`; default: the request URL. */
  readonly originalRequestUrl?: string;
  /** Base of `context.createNotificationUrl`; default `flowport://runtime`. */
  readonly runtimeBaseUrl?: string;
  /** Stops the run (the worker is terminated) and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called for each log entry as it arrives, so entries survive a timeout. */
  onLog?(entry: ScriptLogEntry): void;
}

export interface ScriptRunResult {
  /** The script's response, or `500` with a JSON error body when it threw. */
  readonly response: RuntimeResponse;
  readonly logs: readonly ScriptLogEntry[];
  readonly correlationId: string;
  readonly durationMs: number;
}

export interface ScriptRunner {
  run(input: ScriptRunInput): Promise<ScriptRunResult>;
  /** Terminates the runs in progress; later runs are refused. */
  close(): Promise<void>;
}

const DEFAULTS = { timeoutMs: 5000, memoryMb: 64, logLimit: 100 } as const;
const LOG_MESSAGE_LIMIT = 2000;
const DOCS = 'docs/runtime/custom-code.md';

function checkOptions(options: ScriptRunnerOptions): Required<ScriptRunnerOptions> {
  const resolved = { ...DEFAULTS, ...options };
  const checks: Array<[keyof ScriptRunnerOptions, number]> = [
    ['timeoutMs', 1],
    ['memoryMb', 16],
    ['logLimit', 0],
  ];
  for (const [name, min] of checks) {
    const value = resolved[name];
    if (!Number.isInteger(value) || value < min)
      throw new FlowportError(
        'CONFIG_INVALID',
        `The script runner option \`${name}\` is ${value}; use an integer of at least ${min}.`,
      );
  }
  return resolved;
}

function checkNode(): void {
  if (typeof nodeModule.stripTypeScriptTypes !== 'function' || typeof nodeModule.registerHooks !== 'function')
    throw new FlowportError(
      'CUSTOM_CODE_UNSUPPORTED',
      `Running \`script.ts\` needs Node.js 22.15 or later (this is ${process.version}); upgrade Node.js.`,
    );
}

function isWorkerMessage(value: unknown): value is WorkerMessage {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

/** The response a script's unhandled exception becomes, as the Power Platform answers `500`. */
function failureResponse(message: string, correlationId: string): RuntimeResponse {
  return {
    status: 500,
    headers: new Headers({ 'content-type': 'application/json' }),
    body: { kind: 'json', value: { error: { code: 'CUSTOM_CODE_FAILED', message, correlationId } } },
  };
}

/**
 * Runs `script.ts` custom code, each run in a fresh worker thread with a heap limit and a time limit.
 * A worker bounds time and memory; it is not a security sandbox (docs/runtime/custom-code.md).
 *
 * @example
 * const runner = createScriptRunner({ timeoutMs: 5000 });
 * const { response, logs } = await runner.run({ source, fileName: 'script.ts', operationId: 'GetItem',
 *   request, sendAsync: (req) => fake(req) });
 */
export function createScriptRunner(options: ScriptRunnerOptions = {}): ScriptRunner {
  const { timeoutMs, memoryMb, logLimit } = checkOptions(options);
  checkNode();
  const active = new Set<(error: Error) => void>();
  let closed = false;

  function run(input: ScriptRunInput): Promise<ScriptRunResult> {
    if (closed)
      return Promise.reject(
        new FlowportError(
          'CUSTOM_CODE_FAILED',
          'The script runner is closed; create a new one to run scripts.',
        ),
      );
    const started = performance.now();
    const correlationId = input.correlationId ?? randomUUID();
    const { fileName, operationId } = input;
    const subject = `Custom code \`${fileName}\` for operation \`${operationId}\``;
    const logs: ScriptLogEntry[] = [];
    let dropped = false;
    const addLog = (entry: ScriptLogEntry) => {
      if (logs.length >= logLimit) {
        dropped = true;
        return;
      }
      logs.push(entry);
      input.onLog?.(entry);
    };
    const workerData: WorkerInput = {
      source: input.source,
      fileName,
      operationId,
      correlationId,
      request: input.request,
      connectionParameters: input.connectionParameters ?? {},
      originalRequestUrl: input.originalRequestUrl ?? input.request.url,
      runtimeBaseUrl: input.runtimeBaseUrl ?? 'flowport://runtime',
      logLimit,
      logMessageLimit: LOG_MESSAGE_LIMIT,
    };

    return new Promise<ScriptRunResult>((resolve, reject) => {
      const sends = new AbortController();
      let settled = false;
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        name: `flowport-script ${operationId}`,
        workerData,
        // The runtime's own environment (tokens, keys) is not the script's business.
        env: {},
        stdout: true,
        stderr: true,
        resourceLimits: {
          maxOldGenerationSizeMb: memoryMb,
          maxYoungGenerationSizeMb: Math.max(1, Math.min(16, Math.floor(memoryMb / 4))),
        },
      });
      worker.stdout.on('data', (chunk: Buffer) =>
        addLog({ level: 'info', message: chunk.toString().trimEnd() }),
      );
      worker.stderr.on('data', (chunk: Buffer) =>
        addLog({ level: 'error', message: chunk.toString().trimEnd() }),
      );

      const finish = (outcome: { response: RuntimeResponse } | { error: Error }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        input.signal?.removeEventListener('abort', onAbort);
        active.delete(stop);
        sends.abort(
          new FlowportError('CUSTOM_CODE_FAILED', `${subject} ended before this request finished.`),
        );
        void worker.terminate();
        if ('error' in outcome) {
          reject(outcome.error);
          return;
        }
        if (dropped) {
          logs.push({
            level: 'warn',
            message: `The script logged more than ${logLimit} entries; the rest were dropped.`,
          });
        }
        resolve({ response: outcome.response, logs, correlationId, durationMs: performance.now() - started });
      };
      const stop = (error: Error) => finish({ error });
      active.add(stop);
      const onAbort = () =>
        stop(input.signal?.reason instanceof Error ? input.signal.reason : new Error('Aborted.'));
      input.signal?.addEventListener('abort', onAbort, { once: true });
      if (input.signal?.aborted) onAbort();
      const timer = setTimeout(
        () =>
          stop(
            new FlowportError(
              'CUSTOM_CODE_TIMEOUT',
              `${subject} did not finish within ${timeoutMs} ms and was stopped; make it faster or send fewer requests (the Power Platform also stops custom code after 5 seconds).`,
            ),
          ),
        timeoutMs,
      );

      const unhandled = (message: string, line: number | undefined, stack: string | undefined) => {
        const at = line ? ` at line ${line}` : '';
        const text = `${subject} threw ${message}${at}; the call fails with status 500.`;
        addLog({ level: 'error', message: stack ?? message });
        finish({ response: failureResponse(text, correlationId) });
      };

      const reply = (message: MainMessage) => {
        if (!settled) worker.postMessage(message);
      };
      const send = (id: number, request: ScriptHttpRequest) => {
        input.sendAsync(request, { signal: sends.signal }).then(
          (response) => reply({ type: 'sent', id, response }),
          (error: unknown) =>
            reply({
              type: 'send-failed',
              id,
              message: error instanceof Error ? error.message : String(error),
              code: error instanceof FlowportError ? error.code : undefined,
            }),
        );
      };

      worker.on('message', (message: unknown) => {
        if (!isWorkerMessage(message) || settled) return;
        switch (message.type) {
          case 'log':
            addLog(message.entry);
            return;
          case 'log-capped':
            dropped = true;
            return;
          case 'send':
            send(message.id, message.request);
            return;
          case 'done':
            finish({ response: runtimeResponseOf(message.response) });
            return;
          case 'failed':
            if (message.kind === 'unhandled') {
              unhandled(message.message, message.line, message.stack);
              return;
            }
            stop(loadError(message.kind, message.message, message.line, fileName, subject));
        }
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          stop(
            new FlowportError(
              'CUSTOM_CODE_FAILED',
              `${subject} ran out of memory (limit ${memoryMb} MB) and was stopped; work on smaller pieces of data.`,
              { cause: error },
            ),
          );
          return;
        }
        // An exception thrown outside `executeAsync`'s promise chain (a timer callback, say).
        unhandled(`${error.name}: ${error.message}`, undefined, error.stack);
      });
      worker.on('exit', (code) => {
        stop(
          new FlowportError(
            'CUSTOM_CODE_FAILED',
            `${subject} ended (exit code ${code}) before returning a \`Response\`; do not end the process from a script.`,
          ),
        );
      });
    });
  }

  return {
    run,
    async close() {
      closed = true;
      const error = new FlowportError(
        'CUSTOM_CODE_FAILED',
        'The script runner was closed while a script ran.',
      );
      for (const stop of [...active]) stop(error);
    },
  };
}

function loadError(
  kind: ScriptFailureKind,
  message: string,
  line: number | undefined,
  fileName: string,
  subject: string,
): FlowportError {
  const where = line ? `\`${fileName}\` line ${line}` : `\`${fileName}\``;
  const reason = message.replace(/\.$/, '');
  const text: Record<typeof kind, string> = {
    syntax: /not supported in strip-only mode/.test(message)
      ? `${where} uses TypeScript syntax that cannot be stripped (${reason}); use erasable syntax only (no \`enum\`, \`namespace\` or parameter properties) — see ${DOCS}.`
      : `${where} has a syntax error: ${reason}; fix it and run again.`,
    load: message.startsWith('imports ')
      ? `\`${fileName}\` ${reason}, but custom code is one self-contained file; remove the import (types may come in with \`import type\`).`
      : `${where} threw while loading: ${reason}; move work into \`executeAsync\` or fix the module's top-level code.`,
    shape: `\`${fileName}\` ${reason}; write \`export default class Script { async executeAsync(context) { … } }\` — see ${DOCS}.`,
    unhandled: `${subject} threw ${reason}.`,
    result: `${subject} returned ${reason} instead of a \`Response\`; return a \`Response\` from \`executeAsync\` (for example \`Response.json(value)\`).`,
  };
  return new FlowportError('CUSTOM_CODE_FAILED', text[kind]);
}
