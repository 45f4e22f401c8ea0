import {
  isObject,
  type JsonObject,
  type JsonValue,
  own,
  ownBoolean,
  ownString,
  setOwn,
} from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';
import { coerceValue, isFileValue } from './coerce.ts';
import { isInternal, isNotificationUrl, resolveSchema, viewSchema } from './schema.ts';

/** Values nested deeper than this are sent as given. */
const MAX_DEPTH = 64;

/** A required body property with no value and no default. */
export interface MissingProperty {
  /** `body.owner.name`, `items[0].id`: the body parameter's name, then property names. */
  readonly path: string;
  readonly summary: string | undefined;
}

export interface FilledBody {
  readonly value: JsonValue;
  readonly missing: MissingProperty[];
  readonly warnings: string[];
}

/**
 * Applies the parameter rules of runtime spec §3.2 to the properties of a JSON body, recursively:
 * internal required properties get their `default` (a caller value is replaced, with a warning), other
 * required properties with a `default` get it when absent, and required properties with neither are
 * reported missing. A required object property left out is built from its own defaults when that
 * fills every required property inside it. Properties marked `x-ms-notification-url` (the webhook stage
 * fills them) and `readOnly` ones are never reported missing. Schema cycles are safe.
 *
 * @example
 * fillBody(connector, { $ref: '#/definitions/Hook' }, { event: 'created' }, 'body').value;
 */
export function fillBody(
  connector: Connector,
  schema: JsonValue | undefined,
  value: JsonValue,
  path: string,
): FilledBody {
  const missing: MissingProperty[] = [];
  const warnings: string[] = [];
  const building = new Set<JsonObject>();

  const fill = (node: JsonValue | undefined, current: JsonValue, where: string, depth: number): JsonValue => {
    if (depth > MAX_DEPTH) return current;
    const view = viewSchema(connector, node);
    if (!view) return current;
    if (Array.isArray(current))
      return view.items === undefined
        ? current
        : current.map((item, i) => fill(view.items, item, `${where}[${i}]`, depth + 1));
    if (!isObject(current) || view.properties.size === 0) return current;
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(current)) setOwn(out, key, item);
    for (const [name, propertyNode] of view.properties) {
      const property = resolveSchema(connector, propertyNode);
      const fallback = typed(own(propertyNode, 'default') ?? own(property, 'default'), property);
      const required = view.required.has(name);
      const given = own(current, name);
      const at = `${where}.${name}`;
      if (required && fallback !== undefined && (isInternal(propertyNode) || isInternal(property))) {
        if (given !== undefined && JSON.stringify(given) !== JSON.stringify(fallback))
          warnings.push(
            `Body property \`${at}\` is internal and required, so its default \`${JSON.stringify(fallback)}\` is sent instead of the value given.`,
          );
        setOwn(out, name, fill(propertyNode, fallback, at, depth + 1));
      } else if (given !== undefined) setOwn(out, name, fill(propertyNode, given, at, depth + 1));
      else if (required && fallback !== undefined)
        setOwn(out, name, fill(propertyNode, fallback, at, depth + 1));
      else if (required && !exempt(propertyNode, property)) {
        const built = buildFromDefaults(propertyNode, property, at, depth);
        if (built === undefined) missing.push({ path: at, summary: summaryOf(propertyNode, property) });
        else setOwn(out, name, built);
      }
    }
    return out;
  };

  const buildFromDefaults = (
    node: JsonValue,
    property: JsonObject | undefined,
    where: string,
    depth: number,
  ): JsonValue | undefined => {
    if (!property || building.has(property) || viewSchema(connector, node)?.type !== 'object')
      return undefined;
    building.add(property);
    const before = missing.length;
    const built = fill(node, {}, where, depth + 1);
    building.delete(property);
    if (missing.length === before && isObject(built) && Object.keys(built).length > 0) return built;
    missing.length = before;
    return undefined;
  };

  return { value: fill(schema, value, path, 0), missing, warnings };
}

/**
 * A default written as text for a boolean or number property (`"default": "true"` on `type: boolean`)
 * converted as a caller's text would be, so the body matches its schema; other defaults as written.
 */
function typed(fallback: JsonValue | undefined, property: JsonObject | undefined): JsonValue | undefined {
  const type = ownString(property, 'type')?.toLowerCase();
  if (typeof fallback !== 'string' || (type !== 'boolean' && type !== 'integer' && type !== 'number'))
    return fallback;
  try {
    const value = coerceValue(fallback, { type }, 'default');
    return isFileValue(value) ? fallback : value;
  } catch {
    return fallback;
  }
}

function exempt(node: JsonValue, property: JsonObject | undefined): boolean {
  return (
    isNotificationUrl(node) ||
    isNotificationUrl(property) ||
    ownBoolean(node, 'readOnly') === true ||
    ownBoolean(property, 'readOnly') === true
  );
}

function summaryOf(node: JsonValue, property: JsonObject | undefined): string | undefined {
  return ownString(node, 'x-ms-summary') ?? ownString(property, 'x-ms-summary');
}
