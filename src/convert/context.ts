import { isObject, type JsonObject, type JsonValue, own, ownObject, setOwn } from '../connector/json.ts';
import { escapeSegment, join } from '../connector/pointer.ts';
import { dropUnfittingExamples } from './fitting-examples.ts';
import type { Losses } from './loss.ts';
import { componentName, deref } from './refs.ts';
import { convertSchema, type SchemaContext } from './schema.ts';

/** State of one OpenAPI 3 conversion: the input, the losses, and the `definitions` being filled. */
export interface Oas3Context extends SchemaContext {
  readonly definitions: JsonObject;
  /** Converts the component schemas referenced so far (and those they reference) into `definitions`. */
  flushDefinitions(): void;
  /** A converted schema with `$ref`s to definitions and `allOf` merged away, for non-body parameters. */
  inlineSchema(value: JsonValue | undefined, pointer: string): JsonObject;
}

export function createOas3Context(root: JsonObject, losses: Losses): Oas3Context {
  const definitions: JsonObject = {};
  const queued = new Set<string>();
  const queue: string[] = [];
  const schemas = ownObject(ownObject(root, 'components'), 'schemas') ?? {};
  const refs = new Map<string, string>();

  const ctx: Oas3Context = {
    root,
    losses,
    definitions,
    mapRef(ref) {
      const name = componentName(ref, 'schemas');
      if (name === undefined) return undefined;
      if (!queued.has(name)) {
        queued.add(name);
        queue.push(name);
        refs.set(`#/definitions/${escapeSegment(name)}`, name);
      }
      return `#/definitions/${escapeSegment(name)}`;
    },
    flushDefinitions() {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const pointer = join('/components/schemas', name);
        const converted = convertSchema(own(schemas, name), pointer, ctx);
        dropUnfittingExamples(converted, pointer, losses);
        // A definition may not be a bare `$ref` to another one (the validator's ref-loop rule).
        const { $ref, ...rest } = converted;
        setOwn(definitions, name, typeof $ref === 'string' ? { ...rest, allOf: [{ $ref }] } : converted);
      }
    },
    inlineSchema(value, pointer) {
      return expand(convertAt(value, pointer), 0);
    },
  };

  function convertAt(value: JsonValue | undefined, pointer: string): JsonObject {
    const target = deref(root, value);
    return convertSchema(target.value, target.pointer ?? pointer, ctx);
  }

  function expand(schema: JsonObject, depth: number): JsonObject {
    if (depth > 8) return { type: 'object' };
    const ref = schema.$ref;
    if (typeof ref === 'string') {
      const name = refs.get(ref);
      if (name === undefined) return {};
      return expand(convertSchema(own(schemas, name), join('/components/schemas', name), ctx), depth + 1);
    }
    let out = schema;
    if (Array.isArray(schema.allOf)) {
      const { allOf, ...rest } = schema;
      out = rest;
      for (const member of allOf) if (isObject(member)) out = combine(out, expand(member, depth + 1));
    }
    if (isObject(out.items) && (out.items.$ref !== undefined || out.items.allOf !== undefined))
      out = { ...out, items: expand(out.items, depth + 1) };
    return out;
  }

  return ctx;
}

/** Two schemas that must both hold, as one. */
function combine(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...b, ...a };
  if (isObject(a.properties) || isObject(b.properties))
    out.properties = {
      ...(isObject(b.properties) ? b.properties : {}),
      ...(isObject(a.properties) ? a.properties : {}),
    };
  const req = [
    ...(Array.isArray(a.required) ? a.required : []),
    ...(Array.isArray(b.required) ? b.required : []),
  ];
  if (req.length > 0) out.required = [...new Set(req)];
  return out;
}
