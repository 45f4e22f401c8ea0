import { entries, type JsonObject, own, ownArray, ownString } from '../../connector/json.ts';
import type { Connector, Operation, Parameter } from '../../connector/model.ts';
import { join } from '../../connector/pointer.ts';
import { derefSchema } from './schema-deref.ts';

/** A property inside an operation's body, addressed by its slash-separated path from the body root. */
export interface InputProperty {
  /** `customer/name`: property names from the body root, joined with `/`. */
  readonly path: string;
  /** The property's schema, `$ref` followed. */
  readonly schema: JsonObject;
  readonly pointer: string;
  readonly type: string | undefined;
  /** Required all the way up: listed in each parent's `required`, and the body parameter required. */
  readonly required: boolean;
  /** The property, one of its parents or the body parameter is `x-ms-visibility: internal`. */
  readonly internal: boolean;
  readonly hasDefault: boolean;
}

/** What an operation accepts as input, indexed for resolving dynamic-extension references. */
export interface OperationInputs {
  /** Parameters by name (path-level ones merged in, the body parameter included). */
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly body: Parameter | undefined;
  /** Properties of the body schema by path (`a`, `a/b`), `$ref`s followed. */
  readonly properties: ReadonlyMap<string, InputProperty>;
}

/** A parameter or body property an input name resolves to. */
export type InputTarget =
  | { readonly kind: 'parameter'; readonly parameter: Parameter }
  | { readonly kind: 'property'; readonly property: InputProperty };

const MAX_DEPTH = 16;
const MAX_PROPERTIES = 5000;
const cache = new WeakMap<Operation, OperationInputs>();

/** Parameters and body properties of an operation; computed once per operation. */
export function operationInputs(connector: Connector, op: Operation): OperationInputs {
  let inputs = cache.get(op);
  if (inputs) return inputs;
  const parameters = new Map<string, Parameter>();
  for (const p of op.parameters) if (!parameters.has(p.name)) parameters.set(p.name, p);
  const body = op.parameters.find((p) => p.in === 'body');
  const properties = new Map<string, InputProperty>();
  if (body) collectProperties(connector, body, properties);
  inputs = { parameters, body, properties };
  cache.set(op, inputs);
  return inputs;
}

function collectProperties(connector: Connector, body: Parameter, out: Map<string, InputProperty>): void {
  const stack = new Set<JsonObject>();
  const visit = (
    node: JsonObject,
    pointer: string,
    prefix: string,
    required: boolean,
    internal: boolean,
    depth: number,
  ): void => {
    const target = derefSchema(connector, node, pointer);
    if (!target || stack.has(target.schema) || depth > MAX_DEPTH) return;
    stack.add(target.schema);
    for (const part of objectParts(connector, target.schema, target.pointer)) {
      const requiredNames = new Set(
        (ownArray(part.schema, 'required') ?? []).filter((n): n is string => typeof n === 'string'),
      );
      for (const [name, prop] of entries(own(part.schema, 'properties'))) {
        if (out.size >= MAX_PROPERTIES) break;
        const at = join(part.pointer, 'properties', name);
        const resolved = derefSchema(connector, prop, at);
        if (!resolved) continue;
        const path = prefix === '' ? name : `${prefix}/${name}`;
        const isRequired = required && (requiredNames.has(name) || requiredOf(part.parents, name));
        const isInternal = internal || ownString(resolved.schema, 'x-ms-visibility') === 'internal';
        if (!out.has(path)) {
          out.set(path, {
            path,
            schema: resolved.schema,
            pointer: resolved.pointer,
            type: ownString(resolved.schema, 'type'),
            required: isRequired,
            internal: isInternal,
            hasDefault: own(resolved.schema, 'default') !== undefined,
          });
        }
        visit(resolved.schema, resolved.pointer, path, isRequired, isInternal, depth + 1);
      }
    }
    stack.delete(target.schema);
  };
  const schema = body.schema;
  if (schema) {
    const internal = body.visibility === 'internal';
    const root = derefSchema(connector, schema, joinSchema(body));
    const rootInternal = internal || ownString(root?.schema, 'x-ms-visibility') === 'internal';
    visit(schema, joinSchema(body), '', body.required, rootInternal, 0);
  }
}

const joinSchema = (body: Parameter) => join(body.pointer, 'schema');

interface ObjectPart {
  readonly schema: JsonObject;
  readonly pointer: string;
  /** `required` lists of the object that holds this `allOf` member. */
  readonly parents: readonly JsonObject[];
}

/** A schema and its `allOf` members (`$ref`s followed, nested `allOf` flattened, bounded). */
function objectParts(connector: Connector, schema: JsonObject, pointer: string): ObjectPart[] {
  const parts: ObjectPart[] = [{ schema, pointer, parents: [] }];
  const seen = new Set<JsonObject>([schema]);
  for (let i = 0; i < parts.length && parts.length < 64; i++) {
    const part = parts[i]!;
    (ownArray(part.schema, 'allOf') ?? []).forEach((member, j) => {
      const resolved = derefSchema(connector, member, join(part.pointer, 'allOf', j));
      if (!resolved || seen.has(resolved.schema)) return;
      seen.add(resolved.schema);
      parts.push({ ...resolved, parents: [...part.parents, part.schema] });
    });
  }
  return parts;
}

function requiredOf(parents: readonly JsonObject[], name: string): boolean {
  return parents.some((p) => (ownArray(p, 'required') ?? []).includes(name));
}

/**
 * What a name used by a dynamic extension points to in an operation's inputs.
 * `name` form (`x-ms-dynamic-values`, `x-ms-dynamic-schema`): a parameter name or a body property path,
 * possibly both (ambiguous). `path` form (`x-ms-dynamic-list`, `-properties`, `-tree`): a parameter
 * name, optionally followed by `/` and a path inside that (body) parameter.
 */
export function resolveInput(inputs: OperationInputs, name: string, form: 'name' | 'path'): InputTarget[] {
  const found: InputTarget[] = [];
  const parameter = inputs.parameters.get(name);
  if (parameter) found.push({ kind: 'parameter', parameter });
  if (form === 'name') {
    const property = inputs.properties.get(name);
    if (property) found.push({ kind: 'property', property });
    return found;
  }
  if (parameter) return found;
  const slash = name.indexOf('/');
  if (slash > 0 && inputs.body && name.slice(0, slash) === inputs.body.name) {
    const property = inputs.properties.get(name.slice(slash + 1));
    if (property) found.push({ kind: 'property', property });
  }
  return found;
}

/** The JSON type a parameter or property declares (`schema.type` for a body parameter). */
export function inputType(connector: Connector, target: InputTarget): string | undefined {
  if (target.kind === 'property') return target.property.type;
  const p = target.parameter;
  if (p.in !== 'body') return p.type;
  return ownString(derefSchema(connector, p.schema, join(p.pointer, 'schema'))?.schema, 'type');
}

/** True when the input is required (for a property: all the way up to the body parameter). */
export function inputRequired(target: InputTarget): boolean {
  if (target.kind === 'property') return target.property.required;
  return target.parameter.required;
}

/** True when the input has a default value the platform can send. */
export function inputHasDefault(target: InputTarget): boolean {
  if (target.kind === 'property') return target.property.hasDefault;
  return target.parameter.default !== undefined;
}

/** True when the input, or for a property one of its parents or the body parameter, is internal. */
export function inputInternal(target: InputTarget): boolean {
  if (target.kind === 'property') return target.property.internal;
  return target.parameter.visibility === 'internal';
}

/** Name shown in messages: the parameter name or the body property path. */
export function inputLabel(target: InputTarget): string {
  return target.kind === 'parameter' ? target.parameter.name : target.property.path;
}
