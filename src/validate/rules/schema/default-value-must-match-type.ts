import { jsonType, own, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { convertsToType } from '../../helpers/json-type.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'default-value-must-match-type',
  microsoftId: 'DefaultValueMustMatchType',
  description: 'A `default` value must have the declared `type`.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Write the default as the declared type (`10`, not `"10"`, for an integer), or correct `type`.',
  visit: {
    schemaKeys: ['default'],
    schema(node, ctx) {
      const value = own(node.raw, 'default');
      if (value === undefined || value === null) return;
      const type = ownString(node.raw, 'type');
      if (type === undefined || convertsToType(value, type) !== false) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has a \`default\` value of type \`${jsonType(value)}\`, but it should match the given type \`${type}\`.`,
        at: join(node.pointer, 'default'),
      });
    },
  },
});
