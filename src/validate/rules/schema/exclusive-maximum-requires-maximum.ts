import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'exclusive-maximum-requires-maximum',
  microsoftId: 'ExclusiveMaximumRequiresMaximum',
  description: 'The `exclusiveMaximum` keyword can only be used together with `maximum`.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the `maximum` that `exclusiveMaximum` qualifies, or remove `exclusiveMaximum`.',
  visit: {
    schemaKeys: ['exclusiveMaximum'],
    schema(node, ctx) {
      // `exclusiveMaximum: false` is a no-op (seen in certified connectors), so only `true` is reported.
      if (own(node.raw, 'exclusiveMaximum') !== true || typeof own(node.raw, 'maximum') === 'number') return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} sets \`exclusiveMaximum\` without \`maximum\`; it can only be specified if the \`maximum\` keyword is also specified.`,
        at: join(node.pointer, 'exclusiveMaximum'),
      });
    },
  },
});
