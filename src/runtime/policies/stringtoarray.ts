import { isObject, type JsonObject, type JsonValue, setOwn } from '../../connector/json.ts';
import { defineTemplate } from './define.ts';
import { propertyHooks } from './json-body.ts';
import { type PropertyPaths, readPropertyPaths } from './property-paths.ts';

interface Config {
  readonly paths: PropertyPaths;
  readonly delimiters: string;
  readonly childPropertyName: string;
  readonly label: string;
}

/**
 * Splits on every character of `delimiters`, drops empty tokens, does not trim (DECIDE), and wraps
 * each token as `{[child]: token}`.
 */
export function splitToObjects(text: string, delimiters: string, child: string): JsonValue[] {
  const chars = new Set(delimiters);
  const tokens: string[] = [];
  let current = '';
  for (const ch of text) {
    if (chars.has(ch)) {
      tokens.push(current);
      current = '';
    } else current += ch;
  }
  tokens.push(current);
  return tokens
    .filter((t) => t !== '')
    .map((t) => {
      const item: JsonObject = {};
      setOwn(item, child, t);
      return item;
    });
}

/**
 * `[{[child]: token}, …]` → the tokens joined by the first delimiter, the inverse of
 * {@link splitToObjects}; undefined when an item is not such an object.
 */
export function joinObjects(
  items: JsonValue | undefined,
  delimiters: string,
  child: string,
): string | undefined {
  if (!Array.isArray(items)) return undefined;
  const tokens: string[] = [];
  for (const item of items) {
    const token = isObject(item) && Object.hasOwn(item, child) ? item[child] : undefined;
    if (typeof token !== 'string') return undefined;
    tokens.push(token);
  }
  return tokens.join(delimiters[0] ?? '');
}

/**
 * `stringtoarray` — turns a delimited string into an array of objects with one property
 * (`childPropertyName`); plain string arrays are not supported, as in the Power Platform.
 *
 * @example
 * // "3;0" with delimiterList ";" and childPropertyName AgeW → [{"AgeW":"3"},{"AgeW":"0"}]
 */
export default defineTemplate<Config>({
  id: 'stringtoarray',
  title: 'Convert delimited string into array of objects',
  documented: true,
  sections: ['request', 'response'],
  read(p) {
    const paths = readPropertyPaths(p);
    const delimiters = p.string('delimiterList', 'add the delimiter characters, for example `;`', {
      required: true,
    });
    const childPropertyName = p.string('childPropertyName', 'add the property name each token goes in', {
      required: true,
    });
    if (!paths || !delimiters || !childPropertyName) return undefined;
    return { paths, delimiters, childPropertyName, label: p.label };
  },
  ...propertyHooks<Config>(
    (c, source) =>
      typeof source === 'string' ? splitToObjects(source, c.delimiters, c.childPropertyName) : undefined,
    (c, result) => joinObjects(result, c.delimiters, c.childPropertyName),
  ),
});
