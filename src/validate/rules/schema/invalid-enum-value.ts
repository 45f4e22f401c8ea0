import { jsonType, ownArray, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { convertsToType } from '../../helpers/json-type.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'invalid-enum-value',
  microsoftId: 'InvalidEnumValue',
  description: "Every `enum` value must have the schema's `type`.",
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Write each enum value as the declared type (`"1"` for strings, `1` for integers), or correct `type`.',
  visit: {
    schemaKeys: ['enum'],
    schema(node, ctx) {
      const values = ownArray(node.raw, 'enum');
      const type = values && ownString(node.raw, 'type');
      if (!values || type === undefined) return;
      const bad = values.findIndex((v) => v !== null && convertsToType(v, type) === false);
      if (bad < 0) return;
      const value = values[bad] ?? null;
      const others = values.filter((v) => v !== null && convertsToType(v, type) === false).length - 1;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has enum value \`${JSON.stringify(value).slice(0, 60)}\` of type \`${jsonType(value)}\` but it should be \`${type}\` as specified in the schema${others > 0 ? ` (and ${others} more)` : ''}.`,
        at: join(node.pointer, 'enum', bad),
      });
    },
  },
});
