import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { usedAsInput } from '../../helpers/schema-usage.ts';
import { ALL, defineRule } from '../../rule.ts';
import { isOptionalInternalWithDefault } from './_internal-default.ts';

export default defineRule({
  id: 'property-must-be-required',
  microsoftId: 'PropertyMustBeRequired',
  description: 'An internal request body property with a `default` must be required.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: "List the property in its parent object's `required` array; optional internal fields are ignored.",
  visit: {
    schemaKeys: ['x-ms-visibility'],
    schema(node, ctx) {
      if (node.via !== 'property' || !isOptionalInternalWithDefault(node)) return;
      if (!usedAsInput(node, ctx.connector)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} is internal and has a default value, so it must be required; optional internal fields are ignored.`,
        at: join(node.pointer, 'x-ms-visibility'),
      });
    },
  },
});
