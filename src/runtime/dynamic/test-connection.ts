import { own, ownObject } from '../../connector/json.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import { isFlowportError } from '../../errors.ts';
import type { ConnectionStatus } from '../types.ts';
import { buildTargetArguments, readLookup } from './arguments.ts';
import { type CallOperation, isSuccess } from './call.ts';

export interface TestConnectionResult {
  readonly ok: boolean;
  /** HTTP status of the test call. */
  readonly status?: number;
  readonly operationId?: string;
  /** `capability`: `x-ms-capabilities.testConnection`; `fallback`: a safe GET; `none`: nothing to call. */
  readonly method: 'capability' | 'fallback' | 'none';
  /** What the caller should set the connection's status to (runtime spec §6.7). */
  readonly connectionStatus: ConnectionStatus;
  /** Why the test failed when the call itself failed (auth, network, a required parameter…). */
  readonly error?: { readonly code: string; readonly message: string };
}

export interface TestConnectionOptions {
  /** Try a safe GET when the connector declares no `testConnection`; default true. */
  readonly fallback?: boolean;
}

/**
 * The operation a fallback test calls: the first action, in document order, that is a GET, not
 * deprecated, not excluded from generic tests (`x-ms-no-generic-test`), and whose required
 * parameters all have a `default`.
 */
export function fallbackTestOperation(connector: Connector): Operation | undefined {
  return connector.operations.find(
    (op) =>
      op.id !== undefined &&
      op.kind === 'action' &&
      op.method === 'get' &&
      !op.deprecated &&
      own(op.raw, 'x-ms-no-generic-test') !== true &&
      op.parameters.every((p) => !p.required || (p.in !== 'body' && p.default !== undefined)),
  );
}

function statusOf(status: number): ConnectionStatus {
  if (isSuccess(status)) return 'connected';
  return status === 401 || status === 403 ? 'unauthenticated' : 'error';
}

/**
 * Checks a connection: calls `x-ms-capabilities.testConnection` with its literal parameters; any 2xx
 * is success (runtime spec §4.16). Without it, calls {@link fallbackTestOperation} (unless
 * `fallback: false`); with neither, reports `method: 'none'` and `ok: true`, as the platform
 * creates such connections without a test. A `FlowportError` from the call (auth, network) is a
 * failed test, not an exception; an unknown `operationId` throws `OPERATION_NOT_FOUND`.
 *
 * @example
 * const result = await testConnection(connector, call);
 * if (!result.ok) connection.status = result.connectionStatus;
 */
export async function testConnection(
  connector: Connector,
  call: CallOperation,
  options: TestConnectionOptions = {},
): Promise<TestConnectionResult> {
  const declared = ownObject(ownObject(connector.definition.raw, 'x-ms-capabilities'), 'testConnection');
  let method: TestConnectionResult['method'] = 'capability';
  let lookup = declared ? readLookup('x-ms-capabilities.testConnection', declared, 'name') : undefined;
  if (!lookup && options.fallback !== false) {
    const fallback = fallbackTestOperation(connector);
    if (fallback?.id !== undefined) {
      method = 'fallback';
      lookup = { extension: 'fallback test', operationId: fallback.id, parameters: {}, form: 'name' };
    }
  }
  if (!lookup) return { ok: true, method: 'none', connectionStatus: 'connected' };
  // testConnection takes literals only (paconn schema); a `{ "parameter" }` entry has nothing to read.
  const built = buildTargetArguments(connector, lookup, { where: 'the connector' });
  const operationId = built.operation.id ?? built.operation.label;
  try {
    const response = await call(operationId, built.args);
    return {
      ok: isSuccess(response.status),
      status: response.status,
      operationId,
      method,
      connectionStatus: statusOf(response.status),
    };
  } catch (error) {
    if (!isFlowportError(error)) throw error;
    const unauthenticated = error.code.startsWith('AUTH_') || error.code === 'CONNECTION_UNAUTHENTICATED';
    return {
      ok: false,
      operationId,
      method,
      connectionStatus: unauthenticated ? 'unauthenticated' : 'error',
      error: { code: error.code, message: error.message },
    };
  }
}
