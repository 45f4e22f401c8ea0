import type { JsonValue } from '../connector/json.ts';
import type { Connector, Operation } from '../connector/model.ts';
import { compilePolicies } from '../runtime/policies/registry.ts';
import type { CompiledPolicy } from '../runtime/types.ts';

const shapers = new WeakMap<Connector, (operation: Operation, value: JsonValue) => JsonValue>();

/**
 * Answers as the API sends them. The swagger describes an answer as the connector's Response-section
 * policies leave it (Planner's `_assignments` array, made by `convertobjecttoarray` from the API's
 * `assignments` object), so an answer the mock makes from the swagger is turned back, the operation's
 * policies undone last to first; the runtime then shapes it once, as the platform does. Policies
 * that give the same body when run twice (`setproperty`) are left alone, and so is a body a policy
 * would not have made.
 */
export function wireShaper(connector: Connector): (operation: Operation, value: JsonValue) => JsonValue {
  let shaper = shapers.get(connector);
  if (!shaper) {
    const undoing = compilePolicies(connector)
      .policies.filter((p): p is CompiledPolicy & Required<Pick<CompiledPolicy, 'unshape'>> => !!p.unshape)
      .reverse();
    shaper = (operation, value) => {
      const applying = undoing.filter((p) => p.appliesTo(operation.id));
      if (applying.length === 0) return value;
      const body = { value: structuredClone(value) };
      for (const policy of applying) policy.unshape(body);
      return body.value;
    };
    shapers.set(connector, shaper);
  }
  return shaper;
}
