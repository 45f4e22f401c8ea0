import { writeFileSync } from 'node:fs';
import type { JsonValue } from '../../connector/json.ts';
import { FlowportError, type FlowportErrorCode, isFlowportError } from '../../errors.ts';
import { maskSecrets, secretValues } from '../../runtime/connection/secrets.ts';
import { type Conformance, responseConformance } from '../../runtime/response-conformance.ts';
import type { InvokeResult } from '../../runtime/runtime.ts';
import { createRuntime } from '../../runtime/runtime.ts';
import type { AttemptInfo } from '../../runtime/send/transport.ts';
import type { Connection, ConnectionStatus, ResponseBody } from '../../runtime/types.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { type ConnectionFlags, parseConnection, parseParams } from '../invoke-flags.ts';
import { loadOverlaid, refuseRemoteOverlay } from '../overlay-flag.ts';
import { conformanceHeading, conformanceLines, schemaWarnings } from '../render/conformance.ts';
import { renderInvocation } from '../render/invocation.ts';
import { type ClientFlags, clientOf } from './connect.ts';

export interface RunFlags extends ConnectionFlags, ClientFlags {
  /** `--overlay` files applied in order before the connector is used (docs/deploy.md#overlays). */
  overlay?: string[];
  connection?: string;
  param: string[];
  body?: string;
  baseUrl?: string;
  allPages: boolean;
  maxPages?: number;
  timeout?: number;
  retries?: number;
  /** False with `--no-async`: an action's 202 is the result. */
  async?: boolean;
  asyncTimeout?: number;
  output?: string;
  format: 'text' | 'json';
  verbose: boolean;
  color?: boolean;
  /** Exit 1 when the answer differs from its declared response schema. */
  strictSchema?: boolean;
}

/** Errors that mean "the call failed" (exit 1) rather than "you asked for something impossible" (exit 2). */
const CALL_FAILURES: ReadonlySet<FlowportErrorCode> = new Set<FlowportErrorCode>([
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNREACHABLE',
  'UPSTREAM_RESPONSE_TOO_LARGE',
  'UPSTREAM_INVALID_RESPONSE',
  'UPSTREAM_REDIRECT_REFUSED',
  'UPSTREAM_HOST_REFUSED',
  'POLICY_FAILED',
  'CUSTOM_CODE_FAILED',
  'CUSTOM_CODE_TIMEOUT',
  'PAGING_FAILED',
  'ASYNC_ACTION_FAILED',
  'ASYNC_ACTION_TIMEOUT',
  'CHUNKED_TRANSFER_FAILED',
  'AUTH_REFRESH_FAILED',
  'AUTH_TOKEN_EXPIRED',
  'CONNECTION_UNAUTHENTICATED',
]);

export function isCallFailure(error: unknown): error is FlowportError {
  return isFlowportError(error) && CALL_FAILURES.has(error.code);
}

/** Masks every secret of the connection in text shown to the user. */
export function maskerFor(
  connector: Parameters<typeof secretValues>[0],
  connection: Connection,
  token: string | undefined,
): (text: string) => string {
  const secrets = [...secretValues(connector, connection), ...(token ? [token] : [])];
  return (text) => maskSecrets(text, secrets);
}

function resultJson(result: InvokeResult, schema?: Conformance): unknown {
  const headers = (h: Headers) => Object.fromEntries(h.entries());
  const req = result.request;
  return {
    operationId: result.operationId,
    ok: result.ok,
    durationMs: Math.round(result.durationMs),
    pages: result.pages,
    ...(result.async && { async: result.async }),
    request: req && {
      method: req.method,
      url: req.url,
      headers: headers(req.headers),
      ...(req.body && { bodyBytes: req.body.length }),
    },
    response: {
      status: result.response.status,
      headers: headers(result.response.headers),
      body:
        result.response.body.kind === 'json'
          ? result.response.body.value
          : result.response.body.kind === 'text'
            ? result.response.body.text
            : result.response.body.kind === 'binary'
              ? { bytes: result.response.body.bytes.length }
              : null,
    },
    warnings: result.warnings,
    ...(result.connectionStatus && { connectionStatus: result.connectionStatus }),
    ...(schema && { schema }),
  };
}

function saveBody(result: InvokeResult, file: string): void {
  const body = result.response.body;
  const data =
    body.kind === 'json'
      ? `${JSON.stringify(body.value, null, 2)}\n`
      : body.kind === 'text'
        ? body.text
        : body.kind === 'binary'
          ? body.bytes
          : '';
  writeFileSync(file, data);
}

interface RemoteResult {
  operationId: string;
  status: number;
  headers: Record<string, string>;
  bodyKind: 'none' | 'json' | 'text' | 'binary';
  body?: unknown;
  durationMs: number;
  pages: number;
  async?: { polls: number; location: string };
  warnings: string[];
  connectionStatus?: ConnectionStatus;
  request?: { method: string; url: string; headers: Record<string, string> };
  trace?: string[];
  /** The server's check of the answer against the declared response schema. */
  schema?: Conformance;
}

interface RemoteOperations {
  operations: { operationId: string | null; parameters: { name: string; in: string; type?: string }[] }[];
}

function remoteBody(r: RemoteResult): ResponseBody {
  switch (r.bodyKind) {
    case 'json':
      return { kind: 'json', value: (r.body ?? null) as JsonValue };
    case 'text':
      return { kind: 'text', text: String(r.body ?? '') };
    case 'binary':
      return { kind: 'binary', bytes: Buffer.from(String(r.body ?? ''), 'base64') };
    default:
      return { kind: 'none' };
  }
}

/** `run --connection <id>`: the call goes through a running `flowport serve` with a stored connection. */
async function runRemote(connectorId: string, operationId: string, flags: RunFlags, io: Io): Promise<number> {
  const api = clientOf(flags);
  const connection = flags.connection ?? '';
  const view = await api.request<RemoteOperations>(
    'GET',
    `/api/v1/connectors/${encodeURIComponent(connectorId)}/operations?all=true`,
  );
  const op = view.operations.find((o) => o.operationId === operationId);
  const parameters = op
    ? parseParams(
        {
          label: operationId,
          parameters: op.parameters.map((p) => ({ name: p.name, in: p.in, type: p.type, format: undefined })),
        },
        flags.param,
        flags.body,
      )
    : {};
  const r = await api.request<RemoteResult>(
    'POST',
    `/api/v1/connections/${encodeURIComponent(connection)}/operations/${encodeURIComponent(operationId)}`,
    {
      parameters,
      allPages: flags.allPages,
      trace: flags.verbose,
      ...(flags.async === false && { async: false }),
      ...(flags.asyncTimeout && { asyncTimeoutSeconds: Math.min(flags.asyncTimeout, 3600) }),
    },
  );
  const result: InvokeResult = {
    operationId,
    request: r.request && {
      method: r.request.method,
      url: r.request.url,
      headers: new Headers(r.request.headers),
      body: undefined,
    },
    response: { status: r.status, headers: new Headers(r.headers), body: remoteBody(r) },
    ok: r.status >= 200 && r.status < 300,
    durationMs: r.durationMs,
    pages: r.pages,
    ...(r.async && { async: r.async }),
    warnings: r.warnings,
    connectionStatus: r.connectionStatus,
    trace: r.trace ?? [],
  };
  for (const step of result.trace) io.stderr.write(`flowport: ${step}\n`);
  // The server masked the secrets already.
  return printResult(result, r.schema, flags, io, (t) => t);
}

/**
 * The result as the user asked for it (text or JSON, the body saved with `--output`), the schema
 * check after it, warnings on standard error; the exit code: 1 for a non-2xx answer, or with
 * `--strict-schema` for an answer that differs from its schema.
 */
function printResult(
  result: InvokeResult,
  schema: Conformance | undefined,
  flags: RunFlags,
  io: Io,
  mask: (text: string) => string,
): number {
  if (flags.output) saveBody(result, flags.output);
  const color = flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);
  if (flags.format === 'json')
    io.stdout.write(`${mask(JSON.stringify(resultJson(result, schema), null, 2))}\n`);
  else {
    io.stdout.write(`${renderInvocation(result, { color, mask })}\n`);
    if (schema) {
      const lines = [
        conformanceHeading(schema, color),
        ...conformanceLines(schema, { color, max: 10, fixes: true }),
      ];
      io.stdout.write(`\n${mask(lines.join('\n'))}\n`);
    }
  }
  for (const w of result.warnings) io.stderr.write(`flowport: warning: ${mask(w)}\n`);
  if (!result.ok) return EXIT.findings;
  return flags.strictSchema && schemaWarnings(schema) > 0 ? EXIT.findings : EXIT.ok;
}

export async function runRun(
  connectorPath: string,
  operationId: string,
  flags: RunFlags,
  io: Io,
): Promise<number> {
  refuseRemoteOverlay(flags);
  if (flags.connection !== undefined) return runRemote(connectorPath, operationId, flags, io);
  const connector = await loadOverlaid(connectorPath, flags.overlay);
  const operation = connector.operation(operationId);
  const connection = parseConnection(flags);
  const runtime = createRuntime(connector, {
    ...(flags.baseUrl && { baseUrl: flags.baseUrl }),
    transportOptions: {
      ...(flags.timeout && { headersTimeoutMs: flags.timeout * 1000, bodyTimeoutMs: flags.timeout * 1000 }),
      ...(flags.retries !== undefined && { retry: { count: flags.retries } }),
      onAttempt: (info: AttemptInfo) => {
        if (info.delayMs === undefined) return;
        const what = info.status ? `answered ${info.status}` : `failed (${info.error?.code ?? 'error'})`;
        io.stderr.write(
          `flowport: attempt ${info.attempt} ${what}; retrying in ${(info.delayMs / 1000).toFixed(1)} s\n`,
        );
      },
    },
  });
  const mask = maskerFor(connector, connection, flags.token ?? process.env.FLOWPORT_TOKEN);
  try {
    if (flags.verbose) {
      for (const d of runtime.policyDiagnostics)
        io.stderr.write(`flowport: warning: ${d.message} (${d.pointer})\n`);
    }
    const args = operation ? parseParams(operation, flags.param, flags.body) : {};
    const result = await runtime.invoke(operationId, args, {
      connection,
      allPages: flags.allPages,
      ...(flags.maxPages && { maxPages: flags.maxPages }),
      trace: flags.verbose,
      async:
        flags.async === false
          ? false
          : {
              ...(flags.asyncTimeout && { timeoutMs: flags.asyncTimeout * 1000 }),
              onPoll: ({ location, waitMs, polls }) => {
                if (polls === 0)
                  io.stderr.write('flowport: the backend accepted the action (202 Accepted)\n');
                io.stderr.write(
                  `flowport: polling ${mask(location)} in ${(waitMs / 1000).toFixed(1)} s for the result\n`,
                );
              },
            },
    });
    for (const step of result.trace) io.stderr.write(`flowport: ${mask(step)}\n`);
    const resolved = connector.operation(result.operationId) ?? operation;
    const schema = resolved && responseConformance(connector, resolved, result.response);
    return printResult(result, schema, flags, io, mask);
  } catch (error) {
    if (isCallFailure(error)) {
      io.stderr.write(`flowport: ${mask(error.message)} [${error.code}]\n`);
      return EXIT.findings;
    }
    if (isFlowportError(error)) throw new FlowportError(error.code, mask(error.message), { cause: error });
    throw error;
  } finally {
    await runtime.close();
  }
}
