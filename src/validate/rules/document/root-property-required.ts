import { own } from '../../../connector/json.ts';
import { swaggerUnreliable } from '../../helpers/swagger-root.ts';
import { ALL, defineRule } from '../../rule.ts';

const REQUIRED = ['swagger', 'info', 'paths'] as const;

const FIXES: Record<(typeof REQUIRED)[number], string> = {
  swagger: 'Add `"swagger": "2.0"` as the first property.',
  info: 'Add an `info` object with `title`, `description`, `version` and `contact`.',
  paths: 'Add a `paths` object with the connector’s operations.',
};

export default defineRule({
  id: 'root-property-required',
  microsoftId: 'RequiredPropertyMissing',
  description: 'The swagger document must have `swagger`, `info` and `paths`.',
  category: 'document',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the missing top-level property; Swagger 2.0 requires `swagger`, `info` and `paths`.',
  visit: {
    connector(c, ctx) {
      const root = c.definition.raw;
      if (!root || swaggerUnreliable(c)) return;
      for (const name of REQUIRED) {
        if (own(root, name) === undefined)
          ctx.report({ message: `The \`${name}\` property is required.`, fix: FIXES[name] });
      }
    },
  },
});
