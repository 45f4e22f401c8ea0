import { type JsonValue, ownArray } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Arrays of a schema or parameter whose values must be unique. */
const UNIQUE_ARRAYS = ['enum', 'required'] as const;

export default defineRule({
  id: 'array-duplicate-value',
  microsoftId: 'ArrayDuplicateValue',
  description: 'The `enum` and `required` arrays of a schema or parameter must not repeat a value.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove the repeated value.',
  visit: {
    schemaKeys: UNIQUE_ARRAYS,
    schema(node, ctx) {
      for (const keyword of UNIQUE_ARRAYS) {
        const values = ownArray(node.raw, keyword);
        if (!values || values.length < 2) continue;
        // Scalars compared as themselves: JSON has no NaN, so a Set finds exactly the equal ones
        // (same type and value) that `scalarKey` strings would.
        const seen = new Set<JsonValue>();
        values.forEach((value, i) => {
          if (typeof value === 'object' && value !== null) return;
          if (!seen.has(value)) {
            seen.add(value);
            return;
          }
          ctx.report({
            message: `${schemaLabel(node, ctx.connector)} repeats \`${String(value)}\` in \`${keyword}\`; the array contains duplicate values, values must be unique.`,
            at: join(node.pointer, keyword, i),
          });
        });
      }
    },
  },
});
