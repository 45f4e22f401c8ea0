import { dynamicReferences } from '../connector/definition.ts';
import { isObject, type JsonObject, type JsonValue, own, ownArray, ownString } from '../connector/json.ts';
import type { Connector, DynamicReference } from '../connector/model.ts';
import { escapeSegment } from '../connector/pointer.ts';
import type { Changes } from './change.ts';
import { compareDynamicSource } from './dynamic-source.ts';

/** Nesting compared at most; deeper differences are not looked for (and `$ref` cycles stop here). */
const MAX_DEPTH = 32;

/**
 * A schema as a flow sees it: `$ref`s followed and the properties and `required` of `allOf` members
 * merged in, with the pointer of each property's own object for positions.
 */
interface View {
  /** Where the schema is after following `$ref`s. */
  readonly pointer: string;
  readonly type: string | undefined;
  readonly format: string | undefined;
  readonly enum: readonly JsonValue[] | undefined;
  readonly visibility: string | undefined;
  readonly hasDefault: boolean;
  readonly properties: Map<string, { schema: JsonObject; pointer: string }>;
  readonly required: Set<string>;
  readonly items: { schema: JsonObject; pointer: string } | undefined;
  readonly dynamic: boolean;
  /** Its `x-ms-dynamic-*` extensions (beside a `$ref`, or on the schema it leads to). */
  readonly sources: readonly DynamicReference[];
}

function follow(
  connector: Connector,
  schema: JsonObject,
  pointer: string,
): { schema: JsonObject; pointer: string } {
  const ref = ownString(schema, '$ref');
  if (ref === undefined) return { schema, pointer };
  const target = connector.resolve(ref);
  return target && isObject(target.value)
    ? { schema: target.value, pointer: target.pointer }
    : { schema, pointer };
}

function view(connector: Connector, raw: JsonObject, at: string): View {
  const { schema, pointer } = follow(connector, raw, at);
  const properties = new Map<string, { schema: JsonObject; pointer: string }>();
  const required = new Set<string>();
  let type = ownString(schema, 'type');
  let format = ownString(schema, 'format');
  const merge = (part: JsonObject, partPointer: string, depth: number) => {
    const props = own(part, 'properties');
    if (isObject(props))
      for (const name in props) {
        const p = props[name];
        if (isObject(p))
          properties.set(name, { schema: p, pointer: `${partPointer}/properties/${escapeSegment(name)}` });
      }
    for (const r of ownArray(part, 'required') ?? []) if (typeof r === 'string') required.add(r);
    if (depth > 4) return;
    const all = ownArray(part, 'allOf') ?? [];
    all.forEach((member, i) => {
      if (!isObject(member)) return;
      const m = follow(connector, member, `${partPointer}/allOf/${i}`);
      type ??= ownString(m.schema, 'type');
      format ??= ownString(m.schema, 'format');
      merge(m.schema, m.pointer, depth + 1);
    });
  };
  merge(schema, pointer, 0);
  const items = own(schema, 'items');
  const enumValues = ownArray(schema, 'enum');
  return {
    pointer,
    type,
    format,
    enum: enumValues,
    visibility: ownString(schema, 'x-ms-visibility') ?? ownString(raw, 'x-ms-visibility'),
    hasDefault: own(schema, 'default') !== undefined || own(raw, 'default') !== undefined,
    properties,
    required,
    items: isObject(items) ? { schema: items, pointer: `${pointer}/items` } : undefined,
    dynamic:
      own(schema, 'x-ms-dynamic-schema') !== undefined ||
      own(schema, 'x-ms-dynamic-properties') !== undefined,
    sources:
      raw === schema
        ? dynamicReferences(schema, pointer)
        : [...dynamicReferences(raw, at), ...dynamicReferences(schema, pointer)],
  };
}

const same = (a: JsonValue, b: JsonValue) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: JsonValue) => JSON.stringify(v);

/** Both versions of one schema, with the names that place it in messages. */
export interface SchemaPair {
  readonly old: JsonObject;
  readonly oldPointer: string;
  readonly new: JsonObject;
  readonly newPointer: string;
  /** Microsoft's change path of this schema (`operation/X/parameter/body/schema`). */
  readonly path: string;
  /** How messages name it: "field `name` of the body of `CreateItem`". */
  readonly label: string;
  /** Set for a field of an object (not a root or array items): it can be hidden. */
  readonly field?: true;
}

/**
 * Pairs of schemas compared already under one root (a body, a response): a definition used in many
 * places, or by itself (`$ref` cycles), is compared once there, which keeps the walk linear.
 */
const compared = new WeakMap<Changes, Set<string>>();

function firstVisit(changes: Changes, mode: string, root: string, o: View, n: View): boolean {
  let seen = compared.get(changes);
  if (!seen) {
    seen = new Set();
    compared.set(changes, seen);
  }
  const key = `${mode}\0${root}\0${o.pointer}\0${n.pointer}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/**
 * Compares what a flow sends: a field's type, format and enum, fields that became required or were
 * added as required, and fields hidden without a default; nested fields and array items the same way.
 */
export function compareInput(changes: Changes, pair: SchemaPair, depth = 0, root = pair.path): void {
  if (depth > MAX_DEPTH) return;
  const o = view(changes.before, pair.old, pair.oldPointer);
  const n = view(changes.after, pair.new, pair.newPointer);
  if (pair.field && n.visibility === 'internal' && o.visibility !== 'internal' && !n.hasDefault)
    changes.add(
      'input-hidden',
      `${pair.path}/x-ms-visibility`,
      `${cap(pair.label)} became \`internal\` without a \`default\`.`,
      {
        version: 'new',
        pointer: pair.newPointer,
      },
    );
  if (!firstVisit(changes, 'input', root, o, n)) return;
  const at = { version: 'new', pointer: pair.newPointer } as const;
  compareDynamicSource(changes, o.sources, n.sources, { path: pair.path, label: cap(pair.label), at });
  if (o.type && n.type && o.type !== n.type) {
    changes.add(
      'input-type-changed',
      `${pair.path}/type`,
      `The type of ${pair.label} changed from \`${o.type}\` to \`${n.type}\`.`,
      at,
    );
    return;
  }
  if ((o.format ?? '') !== (n.format ?? '')) {
    changes.add(
      'input-format-changed',
      `${pair.path}/format`,
      `The format of ${pair.label} changed from ${o.format ? `\`${o.format}\`` : 'none'} to ${n.format ? `\`${n.format}\`` : 'none'}.`,
      at,
    );
  }
  if (o.enum && n.enum) {
    const removed = o.enum.filter((v) => !n.enum?.some((w) => same(v, w)));
    if (removed.length > 0)
      changes.add(
        'input-enum-value-removed',
        `${pair.path}/enum`,
        `${cap(pair.label)} no longer accepts ${removed.map(show).join(', ')}.`,
        at,
      );
  } else if (!o.enum && n.enum) {
    changes.add(
      'input-enum-added',
      `${pair.path}/enum`,
      `${cap(pair.label)} now accepts only ${n.enum.map(show).join(', ')}.`,
      at,
    );
  }
  for (const name of n.required) {
    if (o.required.has(name)) continue;
    const field = n.properties.get(name);
    const fieldAt = { version: 'new', pointer: field?.pointer ?? pair.newPointer } as const;
    if (o.properties.has(name))
      changes.add(
        'input-optional-to-required',
        `${pair.path}/${name}/required`,
        `Field \`${name}\` of ${pair.label} is now required.`,
        fieldAt,
      );
    else
      changes.add(
        'input-required-field-added',
        `${pair.path}/${name}`,
        `Required field \`${name}\` was added to ${pair.label}.`,
        fieldAt,
      );
  }
  for (const [name, field] of n.properties) {
    const before = o.properties.get(name);
    if (before) compareInput(changes, fieldPair(pair, name, before, field), depth + 1, root);
  }
  if (o.items && n.items) compareInput(changes, itemsPair(pair, o.items, n.items), depth + 1, root);
}

/**
 * Compares what a flow reads: fields deleted, hidden, or with another type or format; nested fields
 * and array items the same way. A schema that became dynamic (`x-ms-dynamic-schema`) is not compared.
 */
export function compareOutput(changes: Changes, pair: SchemaPair, depth = 0, root = pair.path): void {
  if (depth > MAX_DEPTH) return;
  const o = view(changes.before, pair.old, pair.oldPointer);
  const n = view(changes.after, pair.new, pair.newPointer);
  if (pair.field && n.visibility === 'internal' && o.visibility !== 'internal')
    changes.add('output-hidden', `${pair.path}/x-ms-visibility`, `${cap(pair.label)} became \`internal\`.`, {
      version: 'new',
      pointer: pair.newPointer,
    });
  if (!firstVisit(changes, 'output', root, o, n)) return;
  if (n.dynamic || o.dynamic) return;
  const at = { version: 'new', pointer: pair.newPointer } as const;
  if (o.type && n.type && o.type !== n.type) {
    changes.add(
      'output-type-changed',
      `${pair.path}/type`,
      `The type of ${pair.label} changed from \`${o.type}\` to \`${n.type}\`.`,
      at,
    );
    return;
  }
  if ((o.format ?? '') !== (n.format ?? ''))
    changes.add(
      'output-format-changed',
      `${pair.path}/format`,
      `The format of ${pair.label} changed from ${o.format ? `\`${o.format}\`` : 'none'} to ${n.format ? `\`${n.format}\`` : 'none'}.`,
      at,
    );
  for (const [name, before] of o.properties) {
    const field = n.properties.get(name);
    if (!field) {
      changes.add(
        'output-field-deleted',
        `${pair.path}/${name}`,
        `Field \`${name}\` of ${pair.label} was removed.`,
        {
          version: 'old',
          pointer: before.pointer,
        },
      );
      continue;
    }
    compareOutput(changes, fieldPair(pair, name, before, field), depth + 1, root);
  }
  if (o.items && n.items) compareOutput(changes, itemsPair(pair, o.items, n.items), depth + 1, root);
}

type Located = { readonly schema: JsonObject; readonly pointer: string };

/** The pair of one field of both versions, named after it. */
function fieldPair(pair: SchemaPair, name: string, before: Located, after: Located): SchemaPair {
  return {
    old: before.schema,
    oldPointer: before.pointer,
    new: after.schema,
    newPointer: after.pointer,
    path: `${pair.path}/${name}`,
    label: `field \`${name}\` of ${pair.label}`,
    field: true,
  };
}

/** The pair of the array items of both versions. */
function itemsPair(pair: SchemaPair, before: Located, after: Located): SchemaPair {
  return {
    old: before.schema,
    oldPointer: before.pointer,
    new: after.schema,
    newPointer: after.pointer,
    path: `${pair.path}/items`,
    label: `the items of ${pair.label}`,
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
