import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'unique-items-not-supported',
  microsoftId: 'SwaggerKeywordNotSupported',
  description: '`uniqueItems: true` is not enforced by the platform and may be rejected where it is used.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Remove `uniqueItems` and state in the `description` that values must be distinct.',
  visit: {
    schemaKeys: ['uniqueItems'],
    schema(node, ctx) {
      if (own(node.raw, 'uniqueItems') !== true) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} sets \`uniqueItems: true\`; the \`uniqueItems\` keyword is not supported.`,
        at: join(node.pointer, 'uniqueItems'),
      });
    },
  },
});
