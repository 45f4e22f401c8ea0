import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { describeValue } from '../../helpers/describe-value.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

const VALUES = new Set(['important', 'advanced', 'internal']);

export default defineRule({
  id: 'parameter-visibility-not-valid',
  microsoftId: 'JsonValueNotInEnum',
  description: "A parameter's `x-ms-visibility` must be `important`, `advanced` or `internal`.",
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use `important`, `advanced` or `internal` (lower case), or remove `x-ms-visibility` for normal visibility.',
  visit: {
    parameter(p, ctx) {
      const value = own(p.raw, 'x-ms-visibility');
      if (value === undefined || (typeof value === 'string' && VALUES.has(value))) return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} has \`x-ms-visibility\` ${describeValue(value)}; the property value must be one of the following: \`important\`, \`advanced\`, \`internal\`.`,
        at: join(p.pointer, 'x-ms-visibility'),
      });
    },
  },
});
