import { entries, type JsonObject, type JsonValue, own, ownArray, ownBoolean } from '../../connector/json.ts';
import type { Connector, Operation, Parameter } from '../../connector/model.ts';
import { join } from '../../connector/pointer.ts';
import { extensionMentions } from './extension-mentions.ts';
import { matchBelow } from './match-below.ts';
import { type DerefSchema, derefSchema } from './schema-deref.ts';

/** One schema on the way from a body's root schema down to a notification URL property. */
export interface ChainLink {
  readonly schema: JsonObject;
  readonly pointer: string;
  /** Property name; undefined for the body's root schema. */
  readonly name: string | undefined;
  /** Listed in its parent's `required` (for the root: the body parameter is required). */
  readonly required: boolean;
}

/** A body property marked `x-ms-notification-url: true`, found by following the body's `$ref`s. */
export interface NotificationUrl {
  readonly operation: Operation;
  readonly body: Parameter;
  /** The chain from the body root to the property itself (last link). */
  readonly chain: readonly ChainLink[];
}

const MAX_DEPTH = 32;
/** Links followed per body at most: recursive schemas have many paths. */
const MAX_STEPS = 10_000;
const cache = new WeakMap<Connector, readonly NotificationUrl[]>();

export function isNotificationUrl(schema: unknown): boolean {
  return ownBoolean(schema, 'x-ms-notification-url') === true;
}

/** Every notification URL property in every operation's body; computed once per connector. */
export function notificationUrls(connector: Connector): readonly NotificationUrl[] {
  let found = cache.get(connector);
  if (found) return found;
  found = collect(connector);
  cache.set(connector, found);
  return found;
}

function collect(connector: Connector): NotificationUrl[] {
  const found: NotificationUrl[] = [];
  // A text search spares the walk for the many connectors without webhooks.
  if (!extensionMentions(connector).notificationUrl) return found;
  const marks = markedBelow(connector);
  for (const op of connector.operations) {
    const body = op.parameters.find((p) => p.in === 'body');
    if (!body?.schema) continue;
    const root = derefSchema(connector, body.schema, join(body.pointer, 'schema'));
    if (!root || !marks(root)) continue;
    const rootLink: ChainLink = { ...root, name: undefined, required: body.required };
    const budget = { steps: MAX_STEPS };
    walkChains(connector, marks, rootLink, [rootLink], new Set(), budget, (chain) => {
      found.push({ operation: op, body, chain });
    });
  }
  return found;
}

function walkChains(
  connector: Connector,
  marks: (schema: DerefSchema) => boolean,
  link: ChainLink,
  chain: ChainLink[],
  stack: Set<JsonObject>,
  budget: { steps: number },
  found: (chain: readonly ChainLink[]) => void,
): void {
  if (stack.has(link.schema) || chain.length > MAX_DEPTH || --budget.steps < 0) return;
  if (isNotificationUrl(link.schema)) found([...chain]);
  stack.add(link.schema);
  for (const part of withAllOf(connector, link)) {
    const required = new Set<JsonValue>(part.required);
    for (const [name, prop] of entries(own(part.schema, 'properties'))) {
      const child = derefSchema(connector, prop, join(part.pointer, 'properties', name));
      if (!child || !marks(child)) continue;
      const next: ChainLink = { ...child, name, required: required.has(name) };
      chain.push(next);
      walkChains(connector, marks, next, chain, stack, budget, found);
      chain.pop();
    }
  }
  stack.delete(link.schema);
}

/** Whether a marked property sits at or below a schema (through properties and `allOf`). */
function markedBelow(connector: Connector): (schema: DerefSchema) => boolean {
  const below = matchBelow(connector, isNotificationUrl, ['properties', 'allOf'], MAX_DEPTH);
  return (ds) => below(ds.schema);
}

interface Part extends DerefSchema {
  /** Names listed as required by this member or the objects whose `allOf` holds it. */
  readonly required: readonly JsonValue[];
}

function withAllOf(connector: Connector, start: DerefSchema): Part[] {
  const parts: Part[] = [{ ...start, required: ownArray(start.schema, 'required') ?? [] }];
  const seen = new Set<JsonObject>([start.schema]);
  for (let i = 0; i < parts.length && parts.length < 64; i++) {
    const part = parts[i]!;
    (ownArray(part.schema, 'allOf') ?? []).forEach((member, j) => {
      const resolved = derefSchema(connector, member, join(part.pointer, 'allOf', j));
      if (!resolved || seen.has(resolved.schema)) return;
      seen.add(resolved.schema);
      parts.push({
        ...resolved,
        required: [...part.required, ...(ownArray(resolved.schema, 'required') ?? [])],
      });
    });
  }
  return parts;
}

/** `config/url`: the property names of a chain, or `(body)` when the body itself is marked. */
export function chainPath(chain: readonly ChainLink[]): string {
  return chain.flatMap((l) => (l.name === undefined ? [] : [l.name])).join('/') || '(body)';
}
