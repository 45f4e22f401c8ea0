/**
 * OpenAPI Overlay 1.0 documents (`{"overlay": "1.0.0", "info": {…}, "actions": [{target, update |
 * remove}]}`), applied to a connector's `apiDefinition.swagger.json`: the format OpenAPI tools
 * (Speakeasy, Redocly, Bump, openapi-format) share for changes kept beside a description. `target`
 * is a JSONPath; `update` is merged into each object it selects (objects recursively, other values
 * replaced) or appended to each array; `remove: true` takes each selected node out of its parent.
 */
import { FlowportError } from '../errors.ts';
import { lazy } from '../lazy.ts';
import { isObject, type JsonObject, type JsonValue, setOwn } from './json.ts';

// Loaded only when an overlay has actions.
const jsonpath = lazy<typeof import('jsonpath-plus')>('jsonpath-plus');

export interface OverlayAction {
  readonly target: string;
  readonly description?: string;
  readonly update?: JsonValue;
  readonly remove?: boolean;
}

/** The actions of an Overlay document; `USAGE` naming the file, the action and the fix otherwise. */
export function overlayActions(value: JsonObject, source: string): OverlayAction[] {
  const refuse = (why: string) =>
    new FlowportError(
      'USAGE',
      `${source} ${why} (OpenAPI Overlay 1.0: https://spec.openapis.org/overlay/v1.0.0).`,
    );
  const version = value.overlay;
  if (typeof version !== 'string' || !/^1\.\d+\.\d+$/.test(version))
    throw refuse(
      `has \`overlay: ${JSON.stringify(version)}\`; flowport reads Overlay 1.x documents (\`"overlay": "1.0.0"\`)`,
    );
  const actions = value.actions;
  if (!Array.isArray(actions) || actions.length === 0) throw refuse('has no `actions`; give at least one');
  return actions.map((raw, i) => {
    const at = `actions[${i}]`;
    if (!isObject(raw)) throw refuse(`has an \`${at}\` that is not an object`);
    if (typeof raw.target !== 'string' || !raw.target.startsWith('$'))
      throw refuse(`has an \`${at}\` without a JSONPath \`target\` (such as \`$.paths['/tasks'].get\`)`);
    const remove = raw.remove === true;
    if (raw.remove !== undefined && typeof raw.remove !== 'boolean')
      throw refuse(`has an \`${at}.remove\` that is not true or false`);
    if (!remove && raw.update === undefined)
      throw refuse(`has an \`${at}\` with neither \`update\` nor \`remove: true\``);
    if (remove && raw.update !== undefined)
      throw refuse(`has an \`${at}\` with both \`update\` and \`remove\`; split it in two`);
    try {
      jsonpath().JSONPath({ path: raw.target, json: {}, wrap: true });
    } catch (error) {
      throw refuse(`has an \`${at}.target\` that is not a JSONPath (${(error as Error).message})`);
    }
    return {
      target: raw.target,
      ...(typeof raw.description === 'string' && { description: raw.description }),
      ...(remove ? { remove: true } : { update: raw.update as JsonValue }),
    };
  });
}

/** Objects merged recursively (a copy); any other value replaces. */
function merged(target: JsonValue, update: JsonValue): JsonValue {
  if (!isObject(target) || !isObject(update)) return structuredClone(update);
  const out: JsonObject = { ...target };
  for (const [k, v] of Object.entries(update))
    setOwn(out, k, Object.hasOwn(out, k) ? merged(out[k] as JsonValue, v) : structuredClone(v));
  return out;
}

interface Match {
  readonly value: JsonValue;
  readonly parent: JsonObject | JsonValue[] | null;
  readonly parentProperty: string | number | null;
}

/**
 * The document with the actions applied in order (it is not changed). An action whose target selects
 * nothing is reported back, not an error: the connector may have changed under the overlay.
 */
export function applyActions(
  document: JsonValue,
  actions: readonly OverlayAction[],
  source: string,
): { readonly value: JsonValue; readonly unmatched: readonly string[] } {
  let root: JsonValue = structuredClone(document);
  const unmatched: string[] = [];
  for (const action of actions) {
    const matches = jsonpath().JSONPath({
      path: action.target,
      json: root as object,
      resultType: 'all',
      wrap: true,
    }) as Match[];
    if (matches.length === 0) {
      unmatched.push(action.target);
      continue;
    }
    if (action.remove) {
      // From the last to the first, so that removing array items keeps the others' indexes.
      for (const m of [...matches].reverse()) {
        if (m.parent === null || m.parentProperty === null)
          throw new FlowportError(
            'USAGE',
            `${source}: \`${action.target}\` selects the whole document, which cannot be removed.`,
          );
        if (Array.isArray(m.parent)) m.parent.splice(Number(m.parentProperty), 1);
        else delete (m.parent as JsonObject)[String(m.parentProperty)];
      }
      continue;
    }
    const update = action.update as JsonValue;
    for (const m of matches) {
      let next: JsonValue;
      if (Array.isArray(m.value)) next = [...m.value, structuredClone(update)];
      else if (isObject(m.value) && isObject(update)) next = merged(m.value, update);
      else
        throw new FlowportError(
          'USAGE',
          `${source}: \`${action.target}\` selects ${m.value === null ? 'null' : typeof m.value}, and an update applies to an object (merged) or an array (appended); target its parent object.`,
        );
      if (m.parent === null || m.parentProperty === null) root = next;
      else if (Array.isArray(m.parent)) m.parent[Number(m.parentProperty)] = next;
      else setOwn(m.parent as JsonObject, String(m.parentProperty), next);
    }
  }
  return { value: root, unmatched };
}
