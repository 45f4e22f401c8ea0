import { isObject, type JsonObject, setOwn } from '../../connector/json.ts';
import { deleteAt, getAt, type PropertyPath, setAt } from '../expression/path.ts';
import type { PolicyContext } from '../types.ts';
import { defineTemplate } from './define.ts';
import { elements, jsonBody } from './json-body.ts';
import type { Message } from './scope.ts';

interface Config {
  readonly srcParent: PropertyPath;
  readonly srcSub: PropertyPath;
  readonly dstParent: PropertyPath;
  readonly dstSub: PropertyPath;
  readonly onlyChildren: boolean;
  readonly label: string;
}

const EMPTY: PropertyPath = { root: 'relative', steps: [], source: '' };

/** The destination object, created when missing; `undefined` when something else is in the way. */
function destination(root: JsonObject | unknown, steps: PropertyPath['steps']): JsonObject | undefined {
  let value = getAt(root as JsonObject, steps);
  if (value === undefined && steps.length > 0 && isObject(root)) {
    value = {};
    if (!setAt(root, steps, value)) return undefined;
  }
  return isObject(value) ? value : undefined;
}

function move(config: Config, message: Message, ctx: PolicyContext): void {
  const holder = jsonBody(message, ctx, config.label);
  if (!holder) return;
  for (const element of elements(holder, config.srcParent, config.srcSub, ctx, config.label)) {
    const source = getAt(element.value, config.srcSub.steps);
    if (source === undefined) continue;
    const dstSteps = [...config.dstParent.steps, ...config.dstSub.steps];
    const dst = destination(config.dstParent.root === 'item' ? element.value : holder.value, dstSteps);
    const name = config.srcSub.steps[config.srcSub.steps.length - 1];
    if (!dst || (config.onlyChildren ? !isObject(source) : name?.kind !== 'property')) {
      ctx.warn(`${config.label} was skipped: \`${config.dstParent.source}\` or the source is not an object.`);
      continue;
    }
    if (config.onlyChildren && isObject(source))
      for (const [k, v] of Object.entries(source)) setOwn(dst, k, v);
    else if (name?.kind === 'property') setOwn(dst, name.name, source);
    if (config.srcSub.steps.length > 0) deleteAt(element.value, config.srcSub.steps);
    else if (config.srcParent.steps.length > 0) deleteAt(holder.value, config.srcParent.steps);
  }
}

/**
 * `moveproperties` (undocumented; AzureAD `UpdateUser`) — moves the children of the source object into
 * the destination object and removes the source (`copyOnlySubProperties` `true`, the default), or moves
 * the source property itself under its own name (`false`). §14 item 10.
 *
 * @example
 * // src @body() + customProperties, dst @body() + "null": {a:1, customProperties:{b:2}} → {a:1, b:2}
 */
export default defineTemplate<Config>({
  id: 'moveproperties',
  title: 'Move properties',
  documented: false,
  sections: ['request', 'response'],
  read(p) {
    const srcParent = p.path('srcParentPath', 'add the object that holds the source, for example `@body()`', {
      required: true,
    });
    const srcSub = p.path('srcSubPath', '') ?? EMPTY;
    const dstParent = p.path('dstParentPath', 'add the destination object, for example `@body()`', {
      required: true,
    });
    const dstSub = p.path('dstSubPath', '') ?? EMPTY;
    const onlyChildren = p.boolean('copyOnlySubProperties', true);
    if (!srcParent || !dstParent || onlyChildren === undefined) return undefined;
    if (srcParent.steps.length === 0 && srcSub.steps.length === 0)
      return p.report(
        'POLICY_INVALID',
        `${p.label} moves the whole body; name the source property in \`x-ms-apimTemplateParameter.srcSubPath\`.`,
        p.pointer('x-ms-apimTemplateParameter.srcSubPath'),
      );
    return { srcParent, srcSub, dstParent, dstSub, onlyChildren, label: p.label };
  },
  request: move,
  response: move,
});
