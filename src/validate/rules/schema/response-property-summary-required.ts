import { entries, isObject, own, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { usedAsOutput } from '../../helpers/schema-usage.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const SHOWN = 5;

export default defineRule({
  id: 'response-property-summary-required',
  description: 'Response properties should have an `x-ms-summary` (title case) and a `description`.',
  category: 'schema',
  source: 'certification',
  severity: 'info',
  presets: CERTIFICATION,
  fix: 'Add `x-ms-summary` (the label shown in dynamic content, e.g. "Due Date") and a one-sentence `description` to each property.',
  visit: {
    // One finding per object schema, naming its unlabelled properties.
    schema(node, ctx) {
      const properties = own(node.raw, 'properties');
      if (!isObject(properties) || !usedAsOutput(node, ctx.connector)) return;
      const unlabelled = entries(properties)
        .filter(([, p]) => isObject(p) && own(p, '$ref') === undefined)
        .filter(([, p]) => !ownString(p, 'x-ms-summary')?.trim() || !ownString(p, 'description')?.trim())
        .map(([name]) => name);
      if (unlabelled.length === 0) return;
      const shown = unlabelled
        .slice(0, SHOWN)
        .map((n) => `\`${n}\``)
        .join(', ');
      const more = unlabelled.length > SHOWN ? ` and ${unlabelled.length - SHOWN} more` : '';
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has properties without \`x-ms-summary\` or \`description\` (${shown}${more}); response properties should be labelled for dynamic content.`,
        at: join(node.pointer, 'properties', unlabelled[0] ?? ''),
      });
    },
  },
});
