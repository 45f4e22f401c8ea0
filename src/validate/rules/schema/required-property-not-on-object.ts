import { own, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'required-property-not-on-object',
  microsoftId: 'RequiredPropertyNotOnObject',
  description: 'A `required` array is only allowed on schemas of type `object`.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: "Remove `required` from the non-object schema; to make the property itself required, list its name in the parent object's `required`.",
  visit: {
    schemaKeys: ['required'],
    schema(node, ctx) {
      if (node.holder !== 'schema' || !Array.isArray(own(node.raw, 'required'))) return;
      const type = ownString(node.raw, 'type');
      if (type === undefined || type === 'object') return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has type \`${type}\` but a \`required\` array; the property \`required\` is applicable to schemas with \`object\` type only.`,
        at: join(node.pointer, 'required'),
      });
    },
  },
});
