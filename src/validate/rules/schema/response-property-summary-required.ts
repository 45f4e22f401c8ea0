import { type JsonObject, own, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { forEachSubschema } from '../../helpers/schema-graph.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { usedAsOutput } from '../../helpers/schema-usage.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const SHOWN = 5;
const MAX_DEPTH = 64;

interface Unlabelled {
  readonly path: string;
  readonly pointer: string;
}

function isLabelled(raw: JsonObject): boolean {
  return Boolean(ownString(raw, 'x-ms-summary')?.trim() && ownString(raw, 'description')?.trim());
}

/** Properties under `raw` (not behind `$ref`s: definitions are reported on their own) lacking labels. */
function collect(raw: JsonObject, path: string, pointer: string, out: Unlabelled[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  forEachSubschema(raw, (child, kind, key) => {
    if (own(child, '$ref') !== undefined) return;
    const childPath =
      kind === 'property' ? (path ? `${path}.${key}` : key) : kind === 'items' ? `${path}[]` : path;
    const childPointer =
      kind === 'property'
        ? join(pointer, 'properties', key)
        : kind === 'allOf' || (kind === 'items' && key !== '')
          ? join(pointer, kind, key)
          : join(pointer, kind);
    if (kind === 'property' && !isLabelled(child)) out.push({ path: childPath, pointer: childPointer });
    collect(child, childPath, childPointer, out, depth + 1);
  });
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
      const unlabelled: Unlabelled[] = [];
      collect(node.raw, '', node.pointer, unlabelled, 0);
      const first = unlabelled[0];
      if (!first) return;
      const shown = unlabelled
        .slice(0, SHOWN)
        .map((u) => `\`${u.path}\``)
        .join(', ');
      const more = unlabelled.length > SHOWN ? ` and ${unlabelled.length - SHOWN} more` : '';
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has ${unlabelled.length} ${unlabelled.length === 1 ? 'property' : 'properties'} without \`x-ms-summary\` or \`description\` (${shown}${more}); response properties should be labelled for dynamic content.`,
        at: first.pointer,
      });
    },
  },
});
