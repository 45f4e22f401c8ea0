import { ownObject } from '../../connector/json.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { Arguments, RuntimeResponse } from '../types.ts';
import { buildTargetArguments, readLookup } from './arguments.ts';
import { type CallOperation, isSuccess } from './call.ts';

export interface SimulationResult {
  /** The operation `simulate` called. */
  readonly operationId: string;
  /** Its response, to be treated as the trigger's output. */
  readonly response: RuntimeResponse;
}

/** True when the operation declares `x-ms-operation-context.simulate`. */
export function canSimulate(operation: Operation): boolean {
  return ownObject(ownObject(operation.raw, 'x-ms-operation-context'), 'simulate') !== undefined;
}

/**
 * Test-fires a trigger (runtime spec §4.19): calls `x-ms-operation-context.simulate.operationId`
 * with its parameters (literals, or `{ "parameter": name }` read from `currentArgs`, the trigger's
 * own inputs) and returns the response as the trigger's output. Throws `DYNAMIC_LOOKUP_FAILED`
 * when the operation declares no `simulate` or the call answers outside 2xx.
 *
 * @example
 * const { response } = await simulateTrigger(connector, connector.operation('OnNewItem')!, call);
 */
export async function simulateTrigger(
  connector: Connector,
  operation: Operation,
  call: CallOperation,
  currentArgs: Arguments = {},
): Promise<SimulationResult> {
  const where = `operation \`${operation.label}\``;
  const simulate = ownObject(ownObject(operation.raw, 'x-ms-operation-context'), 'simulate');
  if (!simulate) {
    throw new FlowportError(
      'DYNAMIC_LOOKUP_FAILED',
      `Operation \`${operation.label}\` has no \`x-ms-operation-context.simulate\`; add one naming an operation that returns a sample output.`,
    );
  }
  const lookup = readLookup('x-ms-operation-context.simulate', simulate, 'name');
  const built = buildTargetArguments(connector, lookup, { source: operation, currentArgs, where });
  const operationId = built.operation.id ?? built.operation.label;
  const response = await call(operationId, built.args);
  if (!isSuccess(response.status)) {
    throw new FlowportError(
      'DYNAMIC_LOOKUP_FAILED',
      `Operation \`${operationId}\` answered ${response.status} while simulating ${where}; check its parameters and the connection.`,
    );
  }
  return { operationId, response };
}
