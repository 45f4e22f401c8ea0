import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { describeValue } from '../../helpers/describe-value.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/** The parameter locations of Swagger 2.0. */
export const PARAMETER_LOCATIONS: readonly string[] = ['path', 'query', 'header', 'body', 'formData'];
const LOCATIONS = new Set(PARAMETER_LOCATIONS);
const LIST = PARAMETER_LOCATIONS.map((l) => `\`${l}\``).join(', ');

export default defineRule({
  id: 'parameter-in-not-valid',
  microsoftId: 'JsonValueNotInEnum',
  description: "A parameter's `in` must be `path`, `query`, `header`, `body` or `formData`.",
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use one of the Swagger 2.0 locations (case-sensitive: `formData`, not `formdata`); cookies are not supported.',
  visit: {
    parameter(p, ctx) {
      const value = own(p.raw, 'in');
      if (value === undefined || (typeof value === 'string' && LOCATIONS.has(value))) return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} has \`in\` ${describeValue(value)}; the property value must be one of the following: ${LIST}.`,
        at: join(p.pointer, 'in'),
      });
    },
  },
});
