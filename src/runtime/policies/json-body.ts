import type { JsonValue } from '../../connector/json.ts';
import { deleteAt, getAt, type PropertyPath, setAt } from '../expression/path.ts';
import type { PolicyContext } from '../types.ts';
import type { PropertyPaths } from './property-paths.ts';
import type { Message } from './scope.ts';

/** A JSON body whose root may be replaced. */
export interface JsonHolder {
  value: JsonValue;
}

/** One object a transform works on: the parent, or each element when the parent is an array. */
export interface Element {
  readonly value: JsonValue;
  /** Replaces the element itself (in its array, or at the parent's place). */
  replace(value: JsonValue): void;
}

/** The message's JSON body, or `undefined` with a warning naming the policy when it has none. */
export function jsonBody(message: Message, ctx: PolicyContext, label: string): JsonHolder | undefined {
  if (message.body.kind === 'json') return message.body;
  ctx.warn(`${label} was skipped: the body is not JSON (it is \`${message.body.kind}\`).`);
  return undefined;
}

function place(holder: JsonHolder, steps: PropertyPath['steps']): (value: JsonValue) => void {
  return (value) => {
    if (steps.length === 0) holder.value = value;
    else setAt(holder.value, steps, value);
  };
}

/**
 * The elements a transform applies to. The parent path is read from the body root; when it is an
 * array and the transform reads a sub-path, every element is one element (§7.2 collections);
 * otherwise the parent itself is the only one. A missing parent gives none, with a warning.
 */
export function elements(
  holder: JsonHolder,
  parent: PropertyPath,
  subPath: PropertyPath | undefined,
  ctx: PolicyContext,
  label: string,
): Element[] {
  const found = elementsAt(holder, parent, subPath);
  if (!found) ctx.warn(`${label} was skipped: the body has nothing at \`${parent.source}\`.`);
  return found?.elements ?? [];
}

/** {@link elements} without the warning: undefined when the parent is missing; `perItem` when each array element is one. */
function elementsAt(
  holder: JsonHolder,
  parent: PropertyPath,
  subPath: PropertyPath | undefined,
): { elements: Element[]; perItem: boolean } | undefined {
  const value = getAt(holder.value, parent.steps);
  if (value === undefined) return undefined;
  if (Array.isArray(value) && subPath !== undefined && subPath.steps.length > 0)
    return {
      elements: value.map((v, i) => ({ value: v, replace: (next) => (value[i] = next) })),
      perItem: true,
    };
  return { elements: [{ value, replace: place(holder, parent.steps) }], perItem: false };
}

/**
 * Writes a transform's result at a destination path: `@item()…` below the element being processed,
 * `@body()…` or a bare path below the body root; an empty path replaces the element or the root.
 * Returns false when the path crosses a value that cannot hold it.
 */
export function writeAt(
  holder: JsonHolder,
  element: Element,
  target: PropertyPath,
  value: JsonValue,
): boolean {
  if (target.root === 'item') {
    if (target.steps.length === 0) {
      element.replace(value);
      return true;
    }
    return setAt(element.value, target.steps, value);
  }
  if (target.steps.length === 0) {
    holder.value = value;
    return true;
  }
  return setAt(holder.value, target.steps, value);
}

/**
 * The shared shape of the property templates: for each element, read `subPath`, transform it and
 * write the result at `target`. `transform` returns `undefined` to leave an element alone.
 */
export function transformProperty(
  message: Message,
  ctx: PolicyContext,
  label: string,
  paths: { readonly parent: PropertyPath; readonly sub: PropertyPath; readonly target: PropertyPath },
  transform: (source: JsonValue | undefined) => JsonValue | undefined,
): void {
  const holder = jsonBody(message, ctx, label);
  if (!holder) return;
  for (const element of elements(holder, paths.parent, paths.sub, ctx, label)) {
    const result = transform(getAt(element.value, paths.sub.steps));
    if (result === undefined) continue;
    if (!writeAt(holder, element, paths.target, result))
      ctx.warn(`${label} could not write \`${paths.target.source}\`: a value on the way is not an object.`);
  }
}

/** Whether two paths of steps are the same. */
function sameSteps(a: PropertyPath['steps'], b: PropertyPath['steps']): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i];
      return s.kind === 'index'
        ? t?.kind === 'index' && t.index === s.index
        : t?.kind === 'property' && t.name === s.name;
    })
  );
}

/**
 * The inverse of {@link transformProperty} over a body shaped as after it: for each element, the
 * value at `target` is mapped back (`unmap`; `undefined` leaves the element alone), removed from
 * `target` and written at `sub`. Elements are found as the transform finds them; nothing is warned
 * of, as a body the transform would not have made is left as it is.
 */
export function untransformProperty(
  holder: JsonHolder,
  paths: PropertyPaths,
  unmap: (result: JsonValue | undefined) => JsonValue | undefined,
): void {
  const found = elementsAt(holder, paths.parent, paths.sub);
  if (!found) return;
  const { perItem } = found;
  const { target, sub } = paths;
  for (const element of found.elements) {
    const inItem = target.root === 'item';
    const result = getAt(inItem ? element.value : holder.value, target.steps);
    const source = unmap(result);
    if (source === undefined) continue;
    const samePlace = inItem
      ? sameSteps(target.steps, sub.steps)
      : !perItem && sameSteps(target.steps, [...paths.parent.steps, ...sub.steps]);
    if (!samePlace && target.steps.length > 0) deleteAt(inItem ? element.value : holder.value, target.steps);
    if (sub.steps.length === 0) element.replace(source);
    else setAt(element.value, sub.steps, source);
  }
}

/**
 * Request and response hooks of a template that maps one property value to another, and with
 * `unmap` (the map's inverse) the response's `unshape` hook that flowport's mock runs.
 */
export function propertyHooks<C extends { readonly paths: PropertyPaths; readonly label: string }>(
  map: (config: C, source: JsonValue | undefined) => JsonValue | undefined,
  unmap?: (config: C, result: JsonValue | undefined) => JsonValue | undefined,
): {
  request(config: C, message: Message, ctx: PolicyContext): void;
  response(config: C, message: Message, ctx: PolicyContext): void;
  unshape?(config: C, body: JsonHolder): void;
} {
  const run = (config: C, message: Message, ctx: PolicyContext) =>
    transformProperty(message, ctx, config.label, config.paths, (source) => map(config, source));
  if (!unmap) return { request: run, response: run };
  return {
    request: run,
    response: run,
    unshape: (config, body) => untransformProperty(body, config.paths, (result) => unmap(config, result)),
  };
}
