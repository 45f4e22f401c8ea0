import type { Connector } from '../../connector/model.ts';
import { refToPointer } from '../../connector/pointer.ts';
import { at } from '../../connector/refs.ts';

const cache = new WeakMap<Connector, Map<string, boolean>>();

/**
 * Whether a local `$ref` names nothing in the swagger document (its own target, no chain followed).
 * Refs that are not local are not missing. Answers are kept per connector: big connectors repeat the
 * same few references thousands of times.
 * @example refTargetMissing(connector, '#/definitions/Nope') // true
 */
export function refTargetMissing(connector: Connector, ref: string): boolean {
  let missing = cache.get(connector);
  if (!missing) {
    missing = new Map();
    cache.set(connector, missing);
  }
  let answer = missing.get(ref);
  if (answer === undefined) {
    const pointer = refToPointer(ref);
    answer = pointer !== undefined && at(connector.definition.raw, pointer) === undefined;
    missing.set(ref, answer);
  }
  return answer;
}
