import { ownBoolean, ownObject, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Types that get a sign-in button or gateway picker instead of an input box. */
const NO_INPUT = new Set(['oauthsetting', 'gatewaysetting']);

export default defineRule({
  id: 'connection-parameter-ui-definition',
  description:
    'Connection parameters users fill in need `uiDefinition.displayName` and `uiDefinition.description`.',
  category: 'api-properties',
  source: 'reviewer-practice',
  severity: 'warning',
  presets: ALL,
  fix: 'Add `"uiDefinition": { "displayName": "API key", "description": "The API key for this service.", … }`.',
  visit: {
    connectionParameter(p, ctx) {
      if (NO_INPUT.has((p.type ?? '').toLowerCase())) return;
      const ui = ownObject(p.raw, 'uiDefinition');
      if (ownBoolean(ownObject(ui, 'constraints'), 'hidden') === true) return;
      if (!ui) {
        ctx.report({
          message: `Connection parameter \`${p.name}\` has no \`uiDefinition\`; the connection dialog shows its bare name.`,
          at: { file: 'apiProperties', pointer: p.pointer },
        });
        return;
      }
      const missing = ['displayName', 'description'].filter((k) => !ownString(ui, k)?.trim());
      if (missing.length === 0) return;
      ctx.report({
        message: `Connection parameter \`${p.name}\` has no ${missing.map((k) => `\`uiDefinition.${k}\``).join(' and ')}.`,
        at: { file: 'apiProperties', pointer: join(p.pointer, 'uiDefinition') },
      });
    },
  },
});
