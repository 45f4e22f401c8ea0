import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'query-parameter-encoding-not-supported',
  microsoftId: 'QueryParameterEncodingNotSupported',
  description: 'Query parameters cannot use `x-ms-url-encoding`; they are always encoded once.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Remove `x-ms-url-encoding` from the query parameter; it applies to path parameters only.',
  visit: {
    parameter(p, ctx) {
      if (p.in !== 'query' || own(p.raw, 'x-ms-url-encoding') === undefined) return;
      ctx.report({
        message: `Encoding for ${parameterLabel(p, ctx.connector, false)} (in \`query\`) is not supported; all query parameters are single encoded by default.`,
        at: join(p.pointer, 'x-ms-url-encoding'),
      });
    },
  },
});
