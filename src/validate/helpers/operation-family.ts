import { type JsonValue, own, ownObject, ownString } from '../../connector/json.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import { join } from '../../connector/pointer.ts';

/** One operation's `x-ms-api-annotation`, read leniently. */
export interface Annotation {
  readonly operation: Operation;
  /** Pointer of the `x-ms-api-annotation` object. */
  readonly pointer: string;
  readonly family: string | undefined;
  /** `revision` as written (Microsoft's schema wants an integer ≥ 1); undefined when absent or null. */
  readonly revision: JsonValue | undefined;
  /** `status` lower-cased (`production`, `preview`), as real connectors also write `production`. */
  readonly status: string | undefined;
}

const cache = new WeakMap<Connector, Map<string, Annotation[]>>();

/** `x-ms-api-annotation` of one operation, or undefined when it has none (or not an object). */
export function annotationOf(operation: Operation): Annotation | undefined {
  const raw = ownObject(operation.raw, 'x-ms-api-annotation');
  if (!raw) return undefined;
  const revision = own(raw, 'revision');
  const family = ownString(raw, 'family');
  return {
    operation,
    pointer: join(operation.pointer, 'x-ms-api-annotation'),
    family: family?.trim() ? family : undefined,
    revision: revision === null ? undefined : revision,
    status: ownString(raw, 'status')?.toLowerCase(),
  };
}

/**
 * Operations grouped by `x-ms-api-annotation.family`, in document order; memoised per connector.
 * @example operationFamilies(connector).get('GetTask') // [GetTask, GetTask_V2] annotations
 */
export function operationFamilies(connector: Connector): ReadonlyMap<string, readonly Annotation[]> {
  let families = cache.get(connector);
  if (families) return families;
  families = new Map();
  for (const op of connector.operations) {
    const annotation = annotationOf(op);
    if (!annotation?.family) continue;
    const members = families.get(annotation.family);
    if (members) members.push(annotation);
    else families.set(annotation.family, [annotation]);
  }
  cache.set(connector, families);
  return families;
}

/** The revision as a display string (`2`), for messages and comparison. */
export function revisionText(revision: JsonValue | undefined): string | undefined {
  if (revision === undefined) return undefined;
  return typeof revision === 'string' ? revision.trim() : String(revision);
}
