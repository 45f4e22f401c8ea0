import { ownArray } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'enum-must-contain-at-least-one-element',
  microsoftId: 'EnumMustContainAtLeastOneElement',
  description: 'An `enum` array must list at least one value.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'List the allowed values in `enum`, or remove `enum` when any value is allowed.',
  visit: {
    schemaKeys: ['enum'],
    schema(node, ctx) {
      if (ownArray(node.raw, 'enum')?.length !== 0) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has an empty \`enum\`; the array requires at least one value.`,
        at: join(node.pointer, 'enum'),
      });
    },
  },
});
