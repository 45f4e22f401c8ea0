import { join } from '../../../connector/pointer.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/** An HTTP field name: a `token` of RFC 9110, letters, digits and ``!#$%&'*+-.^_`|~``. */
const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export default defineRule({
  id: 'header-parameter-name-not-valid',
  description:
    'The `name` of a header parameter must be a valid HTTP header name (no spaces, colons or other separators).',
  category: 'parameter',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Rename the parameter to the header the API reads (`Account-Id`, `Content-Type`); put the display name in `x-ms-summary`.',
  visit: {
    parameter(p, ctx) {
      if (p.in !== 'header' || p.name === '' || FIELD_NAME.test(p.name)) return;
      const space = /\s/.test(p.name);
      ctx.report({
        message: `The header name \`${p.name}\` has ${space ? 'a space' : 'a character such as `:`, `(`, `@` or `"`'}, which no HTTP header name may have, so the request cannot be sent (${parameterLabel(p, ctx.connector, false)}).`,
        at: join(p.pointer, 'name'),
      });
    },
  },
});
