import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';
import { entryValue, enumValueEntries, scalarKey } from './_enum-values.ts';

export default defineRule({
  id: 'duplicate-enum-values-in-extension',
  microsoftId: 'DuplicateEnumValuesInExtension',
  description: 'Each value may appear only once in `x-ms-enum-values`.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove the repeated entry; one display name maps to one value.',
  visit: {
    schemaKeys: ['x-ms-enum-values'],
    schema(node, ctx) {
      const entries = enumValueEntries(node.raw);
      if (!entries || entries.length < 2) return;
      const seen = new Set<string>();
      for (const { entry, index } of entries) {
        const key = scalarKey(entryValue(entry));
        if (key === undefined) continue;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} lists value \`${String(entryValue(entry))}\` twice in \`x-ms-enum-values\`; you can only have one display name mapped to a value.`,
          at: join(node.pointer, 'x-ms-enum-values', index, 'value'),
        });
      }
    },
  },
});
