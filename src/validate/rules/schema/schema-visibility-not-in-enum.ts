import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

const VISIBILITIES: ReadonlySet<unknown> = new Set(['important', 'advanced', 'internal']);

export default defineRule({
  id: 'schema-visibility-not-in-enum',
  microsoftId: 'JsonValueNotInEnum',
  description:
    '`x-ms-visibility` on a schema property or header must be `important`, `advanced` or `internal`.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use `important`, `advanced` or `internal` (lower case), or remove `x-ms-visibility` for normal visibility.',
  visit: {
    schemaKeys: ['x-ms-visibility'],
    schema(node, ctx) {
      // Parameters are checked by the parameter rules.
      if (node.holder === 'parameter') return;
      const value = own(node.raw, 'x-ms-visibility');
      // An empty string is accepted by the platform (one certified connector has a thousand); see
      // `required-value-empty`.
      if (value === undefined || value === '' || VISIBILITIES.has(value)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has \`x-ms-visibility: ${JSON.stringify(value)}\`; the property value must be one of the following: \`important\`, \`advanced\`, \`internal\`.`,
        at: join(node.pointer, 'x-ms-visibility'),
      });
    },
  },
});
