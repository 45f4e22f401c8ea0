import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'exclusive-minimum-requires-minimum',
  microsoftId: 'ExclusiveMinimumRequiresMinimum',
  description: 'The `exclusiveMinimum` keyword can only be used together with `minimum`.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the `minimum` that `exclusiveMinimum` qualifies, or remove `exclusiveMinimum`.',
  visit: {
    schemaKeys: ['exclusiveMinimum'],
    schema(node, ctx) {
      // `exclusiveMinimum: false` is a no-op (seen in certified connectors), so only `true` is reported.
      if (own(node.raw, 'exclusiveMinimum') !== true || typeof own(node.raw, 'minimum') === 'number') return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} sets \`exclusiveMinimum\` without \`minimum\`; it can only be specified if the \`minimum\` keyword is also specified.`,
        at: join(node.pointer, 'exclusiveMinimum'),
      });
    },
  },
});
