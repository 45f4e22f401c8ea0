import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { type OutlineStep, SHOWN_UNLABELLED, schemaOutline } from '../../helpers/schema-outline.ts';
import { usedAsOutput } from '../../helpers/schema-usage.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

/** `items[].owner.name`: properties joined with dots, `[]` for array items. */
function pathOf(steps: readonly OutlineStep[]): string {
  let path = '';
  for (const { kind, key } of steps) {
    if (kind === 'property') path = path ? `${path}.${key}` : key;
    else if (kind === 'items') path = `${path}[]`;
  }
  return path;
}

function pointerOf(base: string, steps: readonly OutlineStep[]): string {
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
    // One finding per response schema, notification content or definition used by responses; the
    // properties are those of the schema itself, not behind `$ref`s (definitions are reported on
    // their own).
    schema(node, ctx) {
      if (node.parent || node.holder !== 'schema' || !usedAsOutput(node, ctx.connector)) return;
      const { unlabelled: count, shown } = schemaOutline(ctx.connector, node.raw);
      const first = shown[0];
      if (!first) return;
      const paths = shown.map((steps) => `\`${pathOf(steps)}\``).join(', ');
      const more = count > SHOWN_UNLABELLED ? ` and ${count - SHOWN_UNLABELLED} more` : '';
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has ${count} ${count === 1 ? 'property' : 'properties'} without \`x-ms-summary\` or \`description\` (${paths}${more}); response properties should be labelled for dynamic content.`,
        at: pointerOf(node.pointer, first),
      });
    },
  },
});
