import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'multiple-of-must-be-greater-than-zero',
  microsoftId: 'MultipleOfMustBeGreaterThanZero',
  description: 'The `multipleOf` value must be greater than zero.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Set `multipleOf` to a positive number such as `1` or `0.01`, or remove it.',
  visit: {
    schemaKeys: ['multipleOf'],
    schema(node, ctx) {
      const value = own(node.raw, 'multipleOf');
      if (typeof value !== 'number' || value > 0) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has \`multipleOf: ${value}\`; the value must be greater than zero.`,
        at: join(node.pointer, 'multipleOf'),
      });
    },
  },
});
