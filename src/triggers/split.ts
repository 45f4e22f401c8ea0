/**
 * `single` vs `batch` (runtime spec §8.6): where the items of a batch trigger's body are, so that
 * each becomes its own event, as the designers' automatic `splitOn` does.
 */
import type { JsonValue } from '../connector/json.ts';
import { isObject } from '../connector/json.ts';
import type { Connector, Operation } from '../connector/model.ts';
import type { Accessor } from '../runtime/expression/ast.ts';
import { getAt } from '../runtime/expression/path.ts';
import { isPollingTrigger } from '../runtime/policies/pollingtrigger.ts';
import { isInternal, resolveSchema, viewSchema } from '../runtime/request/schema.ts';
import type { CompiledPolicy } from '../runtime/types.ts';

/** Schema recursion deeper than this is treated as a cycle. */
const MAX_DEPTH = 16;

/** How a trigger body becomes events; plain data. */
export interface SplitPlan {
  /** Where the array of items is (`[]` = the body itself); undefined = the whole body is one event. */
  readonly path: readonly Accessor[] | undefined;
  /**
   * Why: `single` trigger; `schema` (the strict rule); `trigger-data-path` or `only-array` (the
   * fallbacks of DECIDE 18); `value` (no schema: split an array body, or an object's one array); `none`.
   */
  readonly source: 'single' | 'schema' | 'trigger-data-path' | 'only-array' | 'value' | 'none';
  /** The `splitOn` expression a designer would write, e.g. `@triggerBody()?['value']`. */
  readonly expression: string | undefined;
}

/**
 * The schema describing a trigger's output: `x-ms-notification-content` for webhook triggers (our
 * DECIDE), else the success response (§3.8: the only response when it is 2xx or `default`, else
 * `200`, else `201`, else `default`).
 */
export function outputSchema(operation: Operation): JsonValue | undefined {
  if (operation.kind === 'webhook-trigger') return operation.notificationContent?.schema;
  const responses = operation.responses;
  const only = responses.length === 1 ? responses[0] : undefined;
  if (only && (only.status.startsWith('2') || only.status === 'default')) return only.schema;
  for (const status of ['200', '201', 'default'])
    for (const r of responses) if (r.status === status) return r.schema;
  return undefined;
}

function expressionOf(path: readonly Accessor[]): string {
  return `@triggerBody()${path.map((s) => (s.kind === 'property' ? `?['${s.name.replaceAll("'", "''")}']` : `?[${s.index}]`)).join('')}`;
}

/** The strict rule: an array schema splits; an object with exactly one non-internal property recurses. */
function strictPath(
  connector: Connector,
  node: JsonValue | undefined,
  path: Accessor[],
  depth: number,
): Accessor[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const view = viewSchema(connector, node);
  if (!view) return undefined;
  if (view.type === 'array') return path;
  if (view.type !== 'object') return undefined;
  const visible = [...view.properties].filter(
    ([, p]) => !isInternal(p) && !isInternal(resolveSchema(connector, p)),
  );
  const [only] = visible;
  if (visible.length !== 1 || !only) return undefined;
  return strictPath(connector, only[1], [...path, { kind: 'property', name: only[0] }], depth + 1);
}

/**
 * Where a trigger's events are. `single` → the whole body. `batch` → the strict rule of §8.6 over
 * {@link outputSchema}; when it finds no array, the `pollingtrigger` policy's `triggerDataPath`, else
 * the only array-typed top-level property of the schema; with no schema at all the body itself is
 * looked at when it arrives (`value`).
 *
 * @example
 * splitPlan(connector, connector.operation('OnTicketChanged')!).expression; // "@triggerBody()?['value']"
 */
export function splitPlan(
  connector: Connector,
  operation: Operation,
  policies: readonly CompiledPolicy[] = [],
): SplitPlan {
  if (operation.trigger?.toLowerCase() !== 'batch')
    return { path: undefined, source: 'single', expression: undefined };
  const schema = outputSchema(operation);
  const strict = strictPath(connector, schema, [], 0);
  if (strict) return { path: strict, source: 'schema', expression: expressionOf(strict) };
  const policy = policies.find((p) => isPollingTrigger(p) && p.appliesTo(operation.id));
  if (policy && isPollingTrigger(policy)) {
    const steps = policy.trigger.dataPath.steps;
    return { path: steps, source: 'trigger-data-path', expression: expressionOf(steps) };
  }
  const view = viewSchema(connector, schema);
  if (view) {
    const arrays = [...view.properties].filter(([, p]) => viewSchema(connector, p)?.type === 'array');
    const [only] = arrays;
    if (arrays.length === 1 && only) {
      const path: Accessor[] = [{ kind: 'property', name: only[0] }];
      return { path, source: 'only-array', expression: expressionOf(path) };
    }
    return { path: undefined, source: 'none', expression: undefined };
  }
  return { path: undefined, source: 'value', expression: undefined };
}

export interface SplitResult {
  readonly items: JsonValue[];
  /** Set when a batch body did not hold the array where the plan says; the whole body is then one item. */
  readonly warning?: string;
}

/**
 * The items of one trigger body under a plan: the elements of the array (possibly none), or the
 * whole body as one item. A batch body without the array where the plan says is kept whole, with a
 * warning, so that nothing the backend sent is dropped.
 */
export function splitBody(plan: SplitPlan, body: JsonValue | undefined): SplitResult {
  const whole = body === undefined ? [] : [body];
  if (plan.source === 'single' || plan.source === 'none') return { items: whole };
  if (plan.source === 'value' || plan.path === undefined) {
    if (Array.isArray(body)) return { items: body };
    if (isObject(body)) {
      const arrays = Object.values(body).filter(Array.isArray);
      const [only] = arrays;
      if (arrays.length === 1 && only) return { items: only };
    }
    return { items: whole };
  }
  const items = getAt(body, plan.path);
  if (Array.isArray(items)) return { items };
  if (body === undefined) return { items: [] };
  return {
    items: whole,
    warning: `The body holds no array at \`${plan.expression ?? '@triggerBody()'}\`; it was kept as one event.`,
  };
}
