import { randomUUID } from 'node:crypto';
import type { Connector, Operation } from '../../connector/model.ts';
import type { Connection, RuntimeRequest, RuntimeResponse, WireRequest } from '../types.ts';
import { scriptConnectionParameters } from './connection-parameters.ts';
import { assertRunnable } from './csharp.ts';
import { scriptRequestOf, scriptResponseOf, wireRequestOf } from './http.ts';
import { type OperationScript, scriptFor } from './load.ts';
import type { ScriptLogEntry } from './protocol.ts';
import {
  createScriptRunner,
  type ScriptRunner,
  type ScriptRunnerOptions,
  type ScriptRunResult,
} from './runner.ts';

/** Sends a wire request through the runtime's transport; no auth or policies are added. */
export type WireSend = (
  wire: WireRequest,
  options?: { readonly signal?: AbortSignal },
) => Promise<RuntimeResponse>;

/**
 * The runtime's custom-code hook: a response promise when custom code covers the operation,
 * undefined when the request goes to the backend. Throws `CUSTOM_CODE_UNSUPPORTED` for `script.csx`.
 */
export type CustomCodeHook = (
  operation: Operation,
  request: RuntimeRequest,
  wire: WireRequest,
  connection: Connection,
  send: WireSend,
) => Promise<RuntimeResponse> | undefined;

export interface CustomCodeOptions {
  /** Default: one runner made with `runnerOptions` on the first covered call. */
  readonly runner?: ScriptRunner;
  readonly runnerOptions?: ScriptRunnerOptions;
  /** Base of `context.createNotificationUrl`; default `flowport://runtime`. */
  readonly runtimeBaseUrl?: string;
  /** Receives each log entry of each run, with the run's correlation id. */
  onLog?(entry: ScriptLogEntry, run: { readonly operationId: string; readonly correlationId: string }): void;
}

export interface CustomCodeCall {
  readonly connector: Connector;
  readonly operation: Operation;
  /** The request as it would go to the backend: auth and request policies applied. */
  readonly wire: WireRequest;
  readonly connection: Connection;
  readonly send: WireSend;
  readonly runner: ScriptRunner;
  readonly runtimeBaseUrl?: string;
  readonly correlationId?: string;
  readonly originalRequestUrl?: string;
  onLog?(entry: ScriptLogEntry): void;
}

/**
 * Runs the custom code covering `call.operation`: resolves to the run (response and logs), or to
 * undefined when no custom code covers the operation. Throws `CUSTOM_CODE_UNSUPPORTED` for
 * operations covered by `script.csx` only.
 */
export async function runCustomCode(call: CustomCodeCall): Promise<ScriptRunResult | undefined> {
  const script = scriptFor(call.connector, call.operation);
  if (!script) return undefined;
  assertRunnable(call.connector, call.operation);
  return start(call, script);
}

function start(call: CustomCodeCall, script: OperationScript): Promise<ScriptRunResult> {
  return call.runner.run({
    source: script.file.text ?? '',
    fileName: script.file.name,
    operationId: call.operation.id ?? call.operation.label,
    request: scriptRequestOf(call.wire),
    connectionParameters: scriptConnectionParameters(call.connector, call.connection),
    sendAsync: async (request, { signal }) =>
      scriptResponseOf(await call.send(wireRequestOf(request), { signal })),
    ...(call.correlationId !== undefined && { correlationId: call.correlationId }),
    ...(call.originalRequestUrl !== undefined && { originalRequestUrl: call.originalRequestUrl }),
    ...(call.runtimeBaseUrl !== undefined && { runtimeBaseUrl: call.runtimeBaseUrl }),
    ...(call.onLog && { onLog: call.onLog }),
  });
}

/**
 * The custom-code hook for `createRuntime(connector, { customCode })`. The runner is made on the
 * first call custom code covers, so connectors without scripts pay nothing.
 *
 * @example
 * const runtime = createRuntime(connector, {
 *   customCode: customCodeFor(connector, { onLog: (entry) => console.error(entry.message) }),
 * });
 */
export function customCodeFor(connector: Connector, options: CustomCodeOptions = {}): CustomCodeHook {
  let runner = options.runner;
  return (operation, _request, wire, connection, send) => {
    const script = scriptFor(connector, operation);
    if (!script) return undefined;
    assertRunnable(connector, operation);
    runner ??= createScriptRunner(options.runnerOptions);
    const correlationId = randomUUID();
    const operationId = operation.id ?? operation.label;
    const onLog = options.onLog;
    return start(
      {
        connector,
        operation,
        wire,
        connection,
        send,
        runner,
        correlationId,
        ...(options.runtimeBaseUrl !== undefined && { runtimeBaseUrl: options.runtimeBaseUrl }),
        ...(onLog && { onLog: (entry: ScriptLogEntry) => onLog(entry, { operationId, correlationId }) }),
      },
      script,
    ).then((run) => run.response);
  };
}
