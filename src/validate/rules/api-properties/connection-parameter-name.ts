import { ALL, defineRule } from '../../rule.ts';

/** `api_key`, or `token:TenantId` for a sub-parameter of an OAuth parameter (paconn schema). */
const NAME = /^[0-9a-zA-Z_]+(?::[0-9a-zA-Z_]+)?$/;

export default defineRule({
  id: 'connection-parameter-name',
  description:
    'Connection parameter names may only contain letters, digits and `_` (`parent:child` for sub-parameters).',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Rename the parameter, e.g. `api_key`, and update `@connectionParameters(…)` references.',
  visit: {
    connectionParameter(p, ctx) {
      if (NAME.test(p.name)) return;
      ctx.report({
        message: `Connection parameter \`${p.name}\` has characters other than letters, digits, \`_\` and one \`:\`.`,
        at: { file: 'apiProperties', pointer: p.pointer },
      });
    },
  },
});
