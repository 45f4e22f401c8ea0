import { type JsonObject, own, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { forEachSubschema, type SubschemaKind } from '../../helpers/schema-graph.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { usedAsOutput } from '../../helpers/schema-usage.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const SHOWN = 5;
const MAX_DEPTH = 64;

function isLabelled(raw: JsonObject): boolean {
  return Boolean(ownString(raw, 'x-ms-summary')?.trim() && ownString(raw, 'description')?.trim());
}

/** How a subschema hangs below its parent: the kind and the property name or tuple index. */
interface Step {
  readonly kind: SubschemaKind;
  readonly key: string;
}

/**
 * Unlabelled properties under a root: how many, and the steps to the first few. Paths and pointers
 * are built only for the properties a message names: response schemas have thousands of properties.
 */
interface Unlabelled {
  count: number;
  readonly shown: (readonly Step[])[];
}

/** Properties under `raw` (not behind `$ref`s: definitions are reported on their own) lacking labels. */
function collect(raw: JsonObject, steps: Step[], out: Unlabelled, depth: number): void {
  if (depth > MAX_DEPTH) return;
  forEachSubschema(raw, (child, kind, key) => {
    if (own(child, '$ref') !== undefined) return;
    steps.push({ kind, key });
    if (kind === 'property' && !isLabelled(child) && out.count++ < SHOWN) out.shown.push([...steps]);
    collect(child, steps, out, depth + 1);
    steps.pop();
  });
}

/** `items[].owner.name`: properties joined with dots, `[]` for array items. */
function pathOf(steps: readonly Step[]): string {
  let path = '';
  for (const { kind, key } of steps) {
    if (kind === 'property') path = path ? `${path}.${key}` : key;
    else if (kind === 'items') path = `${path}[]`;
  }
  return path;
}

function pointerOf(base: string, steps: readonly Step[]): string {
  let pointer = base;
  for (const { kind, key } of steps) {
    if (kind === 'property') pointer = join(pointer, 'properties', key);
    else if (kind === 'allOf' || (kind === 'items' && key !== '')) pointer = join(pointer, kind, key);
    else pointer = join(pointer, kind);
  }
  return pointer;
}

export default defineRule({
  id: 'response-property-summary-required',
  description: 'Response properties should have an `x-ms-summary` (title case) and a `description`.',
  category: 'schema',
  source: 'certification',
  severity: 'info',
  presets: CERTIFICATION,
  fix: 'Add `x-ms-summary` (the label shown in dynamic content, e.g. "Due Date") and a one-sentence `description` to each property.',
  visit: {
    schemaRoots: true,
    // One finding per response schema, notification content or definition used by responses.
    schema(node, ctx) {
      if (node.parent || node.holder !== 'schema' || !usedAsOutput(node, ctx.connector)) return;
      const unlabelled: Unlabelled = { count: 0, shown: [] };
      collect(node.raw, [], unlabelled, 0);
      const first = unlabelled.shown[0];
      if (!first) return;
      const { count } = unlabelled;
      const shown = unlabelled.shown.map((steps) => `\`${pathOf(steps)}\``).join(', ');
      const more = count > SHOWN ? ` and ${count - SHOWN} more` : '';
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has ${count} ${count === 1 ? 'property' : 'properties'} without \`x-ms-summary\` or \`description\` (${shown}${more}); response properties should be labelled for dynamic content.`,
        at: pointerOf(node.pointer, first),
      });
    },
  },
});
