import type { Connector, Operation } from '../../../connector/model.ts';
import type { DynamicCall } from '../../helpers/dynamic-calls.ts';
import {
  type InputTarget,
  type OperationInputs,
  operationInputs,
  resolveInput,
} from '../../helpers/operation-inputs.ts';

/** The operation a dynamic call invokes, when its `operationId` names one. */
export function calledOperation(connector: Connector, call: DynamicCall): Operation | undefined {
  return typeof call.operationId === 'string' ? connector.operation(call.operationId) : undefined;
}

/**
 * The one input a name resolves to in an operation, or undefined when it resolves to none or (name
 * form) to both a parameter and a body property — rules on ambiguity report that case.
 */
export function uniqueInput(
  connector: Connector,
  op: Operation,
  name: string,
  form: DynamicCall['form'],
): InputTarget | undefined {
  const inputs: OperationInputs = operationInputs(connector, op);
  const matches = resolveInput(inputs, name, form);
  return matches.length === 1 ? matches[0] : undefined;
}

/** Distinct operations that use a call's site, in document order. */
export function sourcesOf(call: DynamicCall): Operation[] {
  return [...new Set(call.site.uses.map((u) => u.operation))];
}
