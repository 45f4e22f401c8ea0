import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { describeType } from '../../helpers/describe-type.ts';
import { ALL, defineRule } from '../../rule.ts';

/** The schema knows `Global` and `Direct`; newer exports add `GlobalPerConnector`. */
const MODES = ['Global', 'Direct', 'GlobalPerConnector'];
const LOWER = new Set(MODES.map((m) => m.toLowerCase()));

export default defineRule({
  id: 'oauth-redirect-mode',
  description: '`oAuthSettings.redirectMode` must be `Global`, `Direct` or `GlobalPerConnector`.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Use `GlobalPerConnector` for new connectors (a per-connector redirect URL), or `Global`.',
  visit: {
    connector(c, ctx) {
      for (const o of c.properties.oauthSettings) {
        const mode = own(o.raw, 'redirectMode');
        // Case differs in certified connectors (`direct`), so compare case-insensitively.
        if (mode === undefined || (typeof mode === 'string' && LOWER.has(mode.toLowerCase()))) continue;
        ctx.report({
          message:
            typeof mode === 'string'
              ? `\`redirectMode\` \`${mode}\` is not one of ${MODES.map((m) => `\`${m}\``).join(', ')}.`
              : `\`redirectMode\` is ${describeType(mode)}; it must be one of ${MODES.map((m) => `\`${m}\``).join(', ')}.`,
          at: { file: 'apiProperties', pointer: join(o.pointer, 'redirectMode') },
        });
      }
    },
  },
});
