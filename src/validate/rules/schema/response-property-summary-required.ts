import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { type OutlinePath, SHOWN_UNLABELLED, schemaOutline } from '../../helpers/schema-outline.ts';
import { usedAsOutput } from '../../helpers/schema-usage.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

/** `items[].owner.name`: properties joined with dots, `[]` for array items. */
function pathOf(path: OutlinePath | undefined): string {
  if (!path) return '';
  const before = pathOf(path.parent);
  if (path.kind === 'property') return before ? `${before}.${path.key}` : String(path.key);
  return path.kind === 'items' ? `${before}[]` : before;
}

function pointerOf(base: string, path: OutlinePath | undefined): string {
  if (!path) return base;
  const { kind, key } = path;
  const before = pointerOf(base, path.parent);
  if (kind === 'property') return join(before, 'properties', key);
  if (kind === 'allOf' || (kind === 'items' && key !== '')) return join(before, kind, key);
  return join(before, kind);
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
      let paths = `\`${pathOf(first)}\``;
      for (let i = 1; i < shown.length; i++) paths += `, \`${pathOf(shown[i])}\``;
      const more = count > SHOWN_UNLABELLED ? ` and ${count - SHOWN_UNLABELLED} more` : '';
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has ${count} ${count === 1 ? 'property' : 'properties'} without \`x-ms-summary\` or \`description\` (${paths}${more}); response properties should be labelled for dynamic content.`,
        at: pointerOf(node.pointer, first),
      });
    },
  },
});
