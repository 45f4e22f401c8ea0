import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { describeValue } from '../../helpers/describe-value.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

const VALUES = new Set(['single', 'double']);

export default defineRule({
  id: 'parameter-url-encoding-not-valid',
  microsoftId: 'JsonValueNotInEnum',
  description: "A parameter's `x-ms-url-encoding` must be `single` or `double`.",
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use `single` (the default) or `double`.',
  visit: {
    parameter(p, ctx) {
      const value = own(p.raw, 'x-ms-url-encoding');
      if (value === undefined || (typeof value === 'string' && VALUES.has(value))) return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} has \`x-ms-url-encoding\` ${describeValue(value)}; the property value must be one of the following: \`single\`, \`double\`.`,
        at: join(p.pointer, 'x-ms-url-encoding'),
      });
    },
  },
});
