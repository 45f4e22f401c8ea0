import { type JsonValue, ownArray } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Arrays of a schema or parameter whose values must be unique. */
const UNIQUE_ARRAYS = ['enum', 'required'] as const;
/** Arrays up to this long are searched back for repeats instead of building a set. */
const SHORT = 32;

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
        // Scalars compared as themselves: JSON has no NaN, so `===` (and a Set) finds exactly the
        // equal ones (same type and value) that `scalarKey` strings would. Searching back is cheaper
        // than a set for all but long enums.
        const earlier = values.length > SHORT ? new Set<JsonValue>() : undefined;
        for (let i = 0; i < values.length; i++) {
          const value = values[i] as JsonValue;
          if (typeof value === 'object' && value !== null) continue;
          if (earlier ? !earlier.has(value) : i === 0 || values.lastIndexOf(value, i - 1) < 0) {
            earlier?.add(value);
            continue;
          }
          ctx.report({
            message: `${schemaLabel(node, ctx.connector)} repeats \`${String(value)}\` in \`${keyword}\`; the array contains duplicate values, values must be unique.`,
            at: join(node.pointer, keyword, i),
          });
        }
      }
    },
  },
});
