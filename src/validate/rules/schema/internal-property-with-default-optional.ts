import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';
import { isOptionalInternalWithDefault } from './_internal-default.ts';

export default defineRule({
  id: 'internal-property-with-default-optional',
  microsoftId: 'InternalPropertyWithDefaultOptional',
  description: 'An internal parameter with a `default` should be required, or its default may not be sent.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Mark the parameter `"required": true` so its default is always sent, or drop `default` if the value is optional.',
  visit: {
    schemaKeys: ['x-ms-visibility'],
    schema(node, ctx) {
      // Body properties are `property-must-be-required`'s: certified and independent-publisher
      // connectors have 16 such parameters but not one such body property, so only that is an error.
      if (node.holder !== 'parameter' || !isOptionalInternalWithDefault(node)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} is internal and has a default value but is optional; only required properties are guaranteed to be included in requests.`,
        at: join(node.pointer, 'x-ms-visibility'),
      });
    },
  },
});
