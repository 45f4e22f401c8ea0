import {
  isObject,
  type JsonObject,
  type JsonValue,
  own,
  ownObject,
  ownString,
} from '../../connector/json.ts';
import type { Connector, Operation, Parameter } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { Arguments, ArgumentValue, FileValue } from '../types.ts';
import { setAt, splitPath, valueAt } from './path.ts';
import { bodySchema, propertyAt } from './schema-path.ts';

/**
 * How a lookup's `parameters` address inputs:
 * - `name` (`x-ms-dynamic-values`, `x-ms-dynamic-schema`, `x-ms-operation-context`,
 *   `testConnection`): literals, or `{ "parameter": name }` naming a parameter or a body property path;
 * - `path` (`x-ms-dynamic-list`, `x-ms-dynamic-properties`, `x-ms-dynamic-tree`): exactly one of
 *   `{ "value" }`, `{ "parameterReference": "param/prop" }`, `{ "selectedItemValuePath" }`;
 * - `picker` (`x-ms-capabilities.file-picker`): literals, `{ "value" }`, `{ "parameter" }` or
 *   `{ "value-property" }` (a property of the selected item).
 */
export type ArgumentForm = 'name' | 'path' | 'picker';

/** One design-time call a dynamic extension makes. */
export interface LookupCall {
  /** How messages name it: `x-ms-dynamic-list`, `x-ms-dynamic-tree` `browse`… */
  readonly extension: string;
  readonly operationId: string | undefined;
  readonly parameters: JsonObject;
  readonly form: ArgumentForm;
}

/** Reads a lookup call from an extension object (`operationId`, `parameters`). */
export function readLookup(extension: string, raw: JsonObject | undefined, form: ArgumentForm): LookupCall {
  return {
    extension,
    operationId: ownString(raw, 'operationId'),
    parameters: ownObject(raw, 'parameters') ?? {},
    form,
  };
}

/** The target operation's arguments, and what could not be filled. */
export interface TargetArguments {
  readonly operation: Operation;
  readonly args: Arguments;
  /** Keys whose reference (or selected-item path) had no value: the argument was left out. */
  readonly omitted: readonly string[];
  /** Keys that name no input of the target operation, or whose value has an invalid shape: not sent. */
  readonly ignored: readonly string[];
}

export interface ArgumentContext {
  /** The operation whose parameter is being filled; references are resolved against its inputs. */
  readonly source?: Operation | undefined;
  readonly currentArgs?: Arguments;
  /** The item picked in a tree or file picker (`browse`); a primitive stands for its own value. */
  readonly selectedItem?: JsonValue | undefined;
  /** Names the place in messages: ``parameter `accountId` of operation `X` ``. */
  readonly where: string;
}

type Source =
  | { readonly kind: 'literal'; readonly value: JsonValue }
  | { readonly kind: 'reference'; readonly name: string; readonly semantics: 'name' | 'path' }
  | { readonly kind: 'selected'; readonly path: string }
  | { readonly kind: 'invalid' };

function classify(form: ArgumentForm, raw: JsonValue): Source {
  if (isObject(raw)) {
    const selected =
      ownString(raw, 'selectedItemValuePath') ??
      (form !== 'path' ? ownString(raw, 'value-property') : undefined);
    if (selected !== undefined) return { kind: 'selected', path: selected };
  }
  if (form === 'path') {
    if (!isObject(raw) || Object.keys(raw).length !== 1) return { kind: 'invalid' };
    const reference = own(raw, 'parameterReference');
    if (typeof reference === 'string') return { kind: 'reference', name: reference, semantics: 'path' };
    const value = own(raw, 'value');
    return value === undefined ? { kind: 'invalid' } : { kind: 'literal', value };
  }
  const name = own(raw, 'parameter');
  if (typeof name === 'string') return { kind: 'reference', name, semantics: 'name' };
  if (form === 'picker' && isObject(raw) && Object.keys(raw).length === 1 && own(raw, 'value') !== undefined)
    return { kind: 'literal', value: own(raw, 'value')! };
  return { kind: 'literal', value: raw };
}

function isFile(value: ArgumentValue | undefined): value is FileValue {
  return (
    isObject(value) && (value as { kind?: unknown }).kind === 'file' && value.bytes instanceof Uint8Array
  );
}

function ownArg(args: Arguments | undefined, key: string): ArgumentValue | undefined {
  return args !== undefined && Object.hasOwn(args, key) ? args[key] : undefined;
}

/** Navigates into an argument; files are opaque. */
function argAt(value: ArgumentValue | undefined, segments: readonly string[]): ArgumentValue | undefined {
  if (segments.length === 0) return value;
  return isFile(value) ? undefined : valueAt(value, segments);
}

function putArg(args: Record<string, ArgumentValue>, key: string, value: ArgumentValue): void {
  if (key === '__proto__')
    Object.defineProperty(args, key, { value, writable: true, enumerable: true, configurable: true });
  else args[key] = value;
}

function bodyOf(op: Operation | undefined): Parameter | undefined {
  return op?.parameters.find((p) => p.in === 'body');
}

/**
 * Resolves a reference against the source operation's current arguments. A value the caller did not
 * pass falls back to the declared `default`, except through a `parameterReference` to an internal
 * parameter or property: the platform does not pick those defaults up (runtime spec §4.12).
 */
function resolveReference(
  connector: Connector,
  ref: { name: string; semantics: 'name' | 'path' },
  source: Operation | undefined,
  args: Arguments | undefined,
): ArgumentValue | undefined {
  const direct = ownArg(args, ref.name);
  if (direct !== undefined) return direct;
  const parameter = source?.parameters.find((p) => p.name === ref.name);
  if (parameter)
    return ref.semantics === 'path' && parameter.visibility === 'internal' ? undefined : parameter.default;
  const segments = splitPath(ref.name);
  if (ref.semantics === 'path' && segments.length > 1) {
    const head = source?.parameters.find((p) => p.name === segments[0]);
    if (head || ownArg(args, segments[0]!) !== undefined) {
      const value = argAt(ownArg(args, segments[0]!), segments.slice(1));
      if (value !== undefined || head?.in !== 'body') return value;
      return propertyDefault(connector, head, segments.slice(1), true);
    }
  }
  // Name form (and, leniently, a path without the body parameter's name): a body property path.
  const body = bodyOf(source);
  if (!body || segments.length === 0) return undefined;
  const value = argAt(ownArg(args, body.name), segments);
  return value !== undefined ? value : propertyDefault(connector, body, segments, ref.semantics === 'path');
}

function propertyDefault(
  connector: Connector,
  body: Parameter,
  segments: readonly string[],
  skipInternal: boolean,
): JsonValue | undefined {
  const root = bodySchema(connector, body);
  const node = root && propertyAt(connector, root, segments);
  if (!node || (skipInternal && node.internal)) return undefined;
  return own(node.schema, 'default');
}

/** Where a key of `parameters` lands in the target's arguments, or undefined when it names no input. */
function placement(
  connector: Connector,
  target: Operation,
  key: string,
): { name: string; path: string[] } | undefined {
  if (target.parameters.some((p) => p.name === key)) return { name: key, path: [] };
  const segments = splitPath(key);
  if (segments.length > 1 && target.parameters.some((p) => p.name === segments[0])) {
    return { name: segments[0]!, path: segments.slice(1) };
  }
  const body = bodyOf(target);
  const root = body && bodySchema(connector, body);
  if (body && root && segments.length > 0 && propertyAt(connector, root, segments))
    return { name: body.name, path: segments };
  return undefined;
}

/**
 * The operation a lookup calls. Throws `DYNAMIC_LOOKUP_FAILED` when the lookup has no `operationId`
 * and `OPERATION_NOT_FOUND` when the connector has no such operation.
 */
export function lookupTarget(connector: Connector, lookup: LookupCall, where: string): Operation {
  if (lookup.operationId === undefined) {
    throw new FlowportError(
      'DYNAMIC_LOOKUP_FAILED',
      `The \`${lookup.extension}\` of ${where} has no \`operationId\`; add the operation that returns the data.`,
    );
  }
  const operation = connector.operation(lookup.operationId);
  if (!operation) {
    throw new FlowportError(
      'OPERATION_NOT_FOUND',
      `The \`${lookup.extension}\` of ${where} calls operation \`${lookup.operationId}\`, which the connector does not define; fix its \`operationId\`.`,
    );
  }
  return operation;
}

/**
 * Builds the arguments of the operation a lookup calls: literals as they are, references from the
 * source operation's current arguments (body properties included), selected-item paths from the
 * picked item. A reference with no value leaves the argument out (listed in `omitted`); if the
 * target requires it, the call reports it. Keys may be paths (`dest/prop` → `{ dest: { prop } }`).
 *
 * @example
 * buildTargetArguments(connector, readLookup('x-ms-dynamic-list', ext, 'path'), {
 *   source: operation, currentArgs: { account_id: '42' }, where: 'parameter `from`',
 * }).args; // { account_id: '42' }
 */
export function buildTargetArguments(
  connector: Connector,
  lookup: LookupCall,
  context: ArgumentContext,
): TargetArguments {
  const target = lookupTarget(connector, lookup, context.where);
  const args: Record<string, ArgumentValue> = {};
  const omitted: string[] = [];
  const ignored: string[] = [];
  for (const key of Object.keys(lookup.parameters)) {
    const source = classify(lookup.form, lookup.parameters[key]!);
    let value: ArgumentValue | undefined;
    if (source.kind === 'invalid') {
      ignored.push(key);
      continue;
    }
    if (source.kind === 'literal') value = source.value;
    else if (source.kind === 'reference')
      value = resolveReference(connector, source, context.source, context.currentArgs);
    else {
      const item = context.selectedItem;
      value = isObject(item) || Array.isArray(item) ? valueAt(item, source.path) : item;
    }
    if (value === undefined) {
      omitted.push(key);
      continue;
    }
    const where = placement(connector, target, key);
    if (!where || (where.path.length > 0 && isFile(value))) {
      ignored.push(key);
      continue;
    }
    // Copies: the pipeline may change request values, and literals belong to the connector document.
    value = isFile(value) ? value : structuredClone(value);
    if (where.path.length === 0) {
      putArg(args, where.name, value);
      continue;
    }
    const existing = ownArg(args, where.name);
    const container: JsonObject = isObject(existing) && !isFile(existing) ? existing : {};
    setAt(container, where.path, value as JsonValue);
    putArg(args, where.name, container);
  }
  return { operation: target, args, omitted, ignored };
}
