import { ownArray } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';
import { entryValue, enumValueEntries, scalarKey } from './_enum-values.ts';

export default defineRule({
  id: 'invalid-enum-values-extension-value',
  microsoftId: 'InvalidEnumValuesExtensionValue',
  description: "Each `x-ms-enum-values[].value` must be one of the schema's `enum` values.",
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the value to `enum` or correct it (the comparison is exact: `"1"` is not `1`).',
  visit: {
    schemaKeys: ['x-ms-enum-values'],
    schema(node, ctx) {
      const entries = enumValueEntries(node.raw);
      const allowed = entries && ownArray(node.raw, 'enum');
      if (!entries || !allowed) return;
      const keys = new Set(allowed.map(scalarKey));
      for (const { entry, index } of entries) {
        const value = entryValue(entry);
        const key = scalarKey(value);
        if (key === undefined || keys.has(key)) continue;
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} has \`x-ms-enum-values\` value \`${JSON.stringify(value)}\`; the \`value\` field must match one of the enums as defined in the \`enum\` property of the schema.`,
          at: join(node.pointer, 'x-ms-enum-values', index, 'value'),
        });
      }
    },
  },
});
