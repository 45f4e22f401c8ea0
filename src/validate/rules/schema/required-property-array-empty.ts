import { ownArray } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'required-property-array-empty',
  microsoftId: 'RequiredPropertyArrayEmpty',
  description: "A schema's `required` array must not be empty.",
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove `"required": []`; when no property is required, leave `required` out.',
  visit: {
    schemaKeys: ['required'],
    schema(node, ctx) {
      if (node.holder !== 'schema' || ownArray(node.raw, 'required')?.length !== 0) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has an empty \`required\` array; it requires at least one value.`,
        at: join(node.pointer, 'required'),
      });
    },
  },
});
