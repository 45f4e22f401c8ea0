/**
 * Per-environment overlays: the changes a connector needs in one environment (the backend host of
 * test, the OAuth app of production), kept in a file beside it instead of in copies of the
 * connector. An overlay is JSON Merge Patch (RFC 7396) for `apiDefinition.swagger.json` and
 * `apiProperties.json`:
 *
 *   { "description": "QA", "apiDefinition": { "host": "api-qa.contoso.com" },
 *     "apiProperties": { "properties": { "connectionParameters": { "token": { "oAuthSettings": { "clientId": "…" } } } } } }
 *
 * A member set to `null` is removed; objects merge; anything else replaces. An OpenAPI Overlay 1.0
 * document (`{"overlay": "1.0.0", "actions": […]}`, src/connector/overlay-actions.ts) is taken too,
 * for `apiDefinition.swagger.json`.
 */
import { FlowportError } from '../errors.ts';
import { isObject, type JsonObject, type JsonValue, setOwn } from './json.ts';
import { withDocuments } from './load.ts';
import type { Connector } from './model.ts';
import { applyActions, type OverlayAction, overlayActions } from './overlay-actions.ts';

export interface Overlay {
  /** Where it came from, for messages. */
  readonly source: string;
  readonly description?: string;
  readonly apiDefinition?: JsonObject;
  readonly apiProperties?: JsonObject;
  /** An OpenAPI Overlay document's actions, for `apiDefinition.swagger.json`. */
  readonly actions?: readonly OverlayAction[];
}

const KEYS = new Set(['$schema', 'description', 'apiDefinition', 'apiProperties']);

/** RFC 7396: `target` with `patch` merged in (neither is changed). */
export function mergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isObject(patch)) return patch;
  const out: JsonObject = {};
  if (isObject(target)) for (const [k, v] of Object.entries(target)) setOwn(out, k, v);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else setOwn(out, k, mergePatch(Object.hasOwn(out, k) ? out[k] : undefined, v));
  }
  return out;
}

/** An overlay from parsed JSON; `USAGE` naming the file and the fix when it is not one. */
export function overlayOf(value: unknown, source: string): Overlay {
  const refuse = (why: string) =>
    new FlowportError(
      'USAGE',
      `${source} ${why}; an overlay is { "apiDefinition": {…}, "apiProperties": {…} } of JSON Merge Patch (docs/deploy.md#overlays).`,
    );
  if (!isObject(value)) throw refuse('is not a JSON object');
  if (Object.hasOwn(value, 'overlay')) {
    const info = isObject(value.info) ? value.info : undefined;
    const title = typeof info?.title === 'string' ? info.title : undefined;
    return { source, ...(title && { description: title }), actions: overlayActions(value, source) };
  }
  for (const key of Object.keys(value)) if (!KEYS.has(key)) throw refuse(`has an unknown member \`${key}\``);
  const description = value.description;
  if (description !== undefined && typeof description !== 'string')
    throw refuse('has a `description` that is not text');
  for (const key of ['apiDefinition', 'apiProperties'] as const)
    if (value[key] !== undefined && !isObject(value[key]))
      throw refuse(`has an \`${key}\` that is not an object`);
  if (value.apiDefinition === undefined && value.apiProperties === undefined)
    throw refuse('changes nothing (no `apiDefinition` or `apiProperties`)');
  return {
    source,
    ...(typeof description === 'string' && { description }),
    ...(isObject(value.apiDefinition) && { apiDefinition: value.apiDefinition }),
    ...(isObject(value.apiProperties) && { apiProperties: value.apiProperties }),
  };
}

/**
 * The connector with the overlays applied in order. A document that cannot be read as JSON cannot be
 * patched: `USAGE`, pointing to `flowport validate`.
 */
export function applyOverlays(connector: Connector, overlays: readonly Overlay[]): Connector {
  if (overlays.length === 0) return connector;
  const texts: Partial<Record<'swagger' | 'apiProperties', string>> = {};
  for (const [kind, key] of [
    ['swagger', 'apiDefinition'],
    ['apiProperties', 'apiProperties'],
  ] as const) {
    const patches = overlays.filter((o) => o[key] !== undefined || (kind === 'swagger' && o.actions));
    if (patches.length === 0) continue;
    const doc = connector.documents[kind];
    // Text read only in part (a syntax error) would lose what could not be read.
    if (doc && (doc.value === undefined || doc.issues.some((i) => i.kind === 'syntax')))
      throw new FlowportError(
        'USAGE',
        `${doc.file} is not readable JSON, so ${patches[0]?.source} cannot be applied to it; \`flowport validate\` shows where it breaks.`,
      );
    let value: JsonValue = doc?.value ?? {};
    for (const overlay of patches) {
      if (overlay[key] !== undefined) value = mergePatch(value, overlay[key] as JsonObject);
      if (kind !== 'swagger' || !overlay.actions) continue;
      const applied = applyActions(value, overlay.actions, overlay.source);
      // An action that selects nothing would be lost without a word: the connector changed under it.
      if (applied.unmatched.length > 0)
        throw new FlowportError(
          'USAGE',
          `${overlay.source}: \`${applied.unmatched[0]}\` selects nothing in ${doc?.file ?? 'apiDefinition.swagger.json'}; fix the target or remove the action.`,
        );
      value = applied.value;
    }
    texts[kind] = `${JSON.stringify(value, null, 2)}\n`;
  }
  return withDocuments(connector, texts);
}
