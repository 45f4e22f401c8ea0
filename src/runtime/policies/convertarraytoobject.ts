import { isObject, type JsonObject, type JsonValue, setOwn } from '../../connector/json.ts';
import { getAt, type PropertyPath } from '../expression/path.ts';
import { defineTemplate } from './define.ts';
import { propertyHooks } from './json-body.ts';
import { type PropertyPaths, readPropertyPaths } from './property-paths.ts';

interface Config {
  readonly paths: PropertyPaths;
  readonly key: PropertyPath;
  readonly retainKey: boolean;
  readonly label: string;
}

/**
 * Items keyed by the text at `key`; items without a text or number key are skipped, a repeated key
 * keeps the last item (DECIDE).
 */
export function arrayToObject(
  items: readonly JsonValue[],
  key: PropertyPath,
  retainKey: boolean,
): JsonObject {
  const out: JsonObject = {};
  const lastStep = key.steps[key.steps.length - 1];
  for (const item of items) {
    const k = getAt(item, key.steps);
    if (!isObject(item) || (typeof k !== 'string' && typeof k !== 'number')) continue;
    let value: JsonValue = item;
    if (!retainKey && key.steps.length === 1 && lastStep?.kind === 'property') {
      const copy: JsonObject = {};
      for (const [name, v] of Object.entries(item)) if (name !== lastStep.name) setOwn(copy, name, v);
      value = copy;
    }
    setOwn(out, String(k), value);
  }
  return out;
}

/**
 * `{k: item, …}` → `[item, …]`, the inverse of {@link arrayToObject}: the key goes back into each
 * item when `retainKey` took it out. Undefined when a value is not an object.
 */
export function objectToItems(
  value: JsonValue | undefined,
  key: PropertyPath,
  retainKey: boolean,
): JsonValue[] | undefined {
  if (!isObject(value)) return undefined;
  const lastStep = key.steps[key.steps.length - 1];
  const items: JsonValue[] = [];
  for (const [k, item] of Object.entries(value)) {
    if (!isObject(item)) return undefined;
    if (!retainKey && key.steps.length === 1 && lastStep?.kind === 'property') {
      const copy: JsonObject = {};
      setOwn(copy, lastStep.name, k);
      for (const [name, v] of Object.entries(item)) setOwn(copy, name, v);
      items.push(copy);
    } else items.push(item);
  }
  return items;
}

/**
 * `convertarraytoobject` — turns an array of objects into an object keyed by a property of each item;
 * `retainKey` (`true` by default) keeps that property inside the values.
 *
 * @example
 * // [{Name:"XYZ",Age:"30"}] with key Name, retainKey false → {"XYZ":{"Age":"30"}}
 */
export default defineTemplate<Config>({
  id: 'convertarraytoobject',
  title: 'Convert an array to an object',
  documented: true,
  sections: ['request', 'response'],
  read(p) {
    const paths = readPropertyPaths(p);
    const key = p.path('keyWithinCollectionPath', 'add the property of each item to use as the key', {
      required: true,
    });
    if (key !== undefined && key.steps.length === 0)
      p.report(
        'POLICY_INVALID',
        `${p.label} has an empty \`x-ms-apimTemplateParameter.keyWithinCollectionPath\`; name the property of each item to use as the key.`,
        p.pointer('x-ms-apimTemplateParameter.keyWithinCollectionPath'),
      );
    const retainKey = p.boolean('retainKey', true);
    if (!paths || !key || retainKey === undefined) return undefined;
    return { paths, key, retainKey, label: p.label };
  },
  ...propertyHooks<Config>(
    (c, source) => (Array.isArray(source) ? arrayToObject(source, c.key, c.retainKey) : undefined),
    (c, result) => objectToItems(result, c.key, c.retainKey),
  ),
});
