import { isObject, type JsonObject, type JsonValue, setOwn } from '../../connector/json.ts';
import { defineTemplate } from './define.ts';
import { propertyHooks } from './json-body.ts';
import { type PropertyPaths, readPropertyPaths } from './property-paths.ts';

interface Config {
  readonly paths: PropertyPaths;
  readonly keyName: string;
  readonly valueName: string;
  readonly label: string;
}

/** `{k: v, …}` → `[{[keyName]: k, [valueName]: v}, …]` in the object's own property order. */
export function objectToArray(source: JsonObject, keyName: string, valueName: string): JsonValue[] {
  return Object.entries(source).map(([k, v]) => {
    const item: JsonObject = {};
    setOwn(item, keyName, k);
    setOwn(item, valueName, v);
    return item;
  });
}

/**
 * `[{[keyName]: k, [valueName]: v}, …]` → `{k: v, …}`, the inverse of {@link objectToArray};
 * undefined when an item is not such an object.
 */
export function arrayToEntries(items: JsonValue, keyName: string, valueName: string): JsonObject | undefined {
  if (!Array.isArray(items)) return undefined;
  const out: JsonObject = {};
  for (const item of items) {
    const key = isObject(item) ? item[keyName] : undefined;
    if (!isObject(item) || typeof key !== 'string' || !Object.hasOwn(item, valueName)) return undefined;
    setOwn(out, key, item[valueName] as JsonValue);
  }
  return out;
}

/**
 * `convertobjecttoarray` — turns an object into an array of `{keyName: key, valueName: value}` items
 * (`key` and `value` by default).
 *
 * @example
 * // {"XYZ":{"Age":"30"}} with keyName Name, valueName Details → [{"Name":"XYZ","Details":{"Age":"30"}}]
 */
export default defineTemplate<Config>({
  id: 'convertobjecttoarray',
  title: 'Convert an object to an array',
  documented: true,
  sections: ['request', 'response'],
  read(p) {
    const paths = readPropertyPaths(p);
    const keyName = p.string('keyName', '') || 'key';
    const valueName = p.string('valueName', '') || 'value';
    if (keyName === valueName)
      p.report(
        'POLICY_INVALID',
        `${p.label} uses \`${keyName}\` as both \`keyName\` and \`valueName\`; give them different names.`,
        p.pointer('x-ms-apimTemplateParameter.valueName'),
      );
    return paths && { paths, keyName, valueName, label: p.label };
  },
  ...propertyHooks<Config>(
    (c, source) => (isObject(source) ? objectToArray(source, c.keyName, c.valueName) : undefined),
    (c, result) => (result === undefined ? undefined : arrayToEntries(result, c.keyName, c.valueName)),
  ),
});
