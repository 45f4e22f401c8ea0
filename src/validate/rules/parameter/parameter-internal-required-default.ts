import { own, ownBoolean } from '../../../connector/json.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'parameter-internal-required-default',
  description: 'A required parameter with `x-ms-visibility: internal` must have a `default`.',
  category: 'parameter',
  source: 'certification',
  severity: 'error',
  presetSeverity: { recommended: 'warning' },
  presets: ALL,
  fix: 'Add the `default` the platform should send, or make the parameter visible so users can enter it.',
  visit: {
    parameter(p, ctx) {
      if (p.visibility !== 'internal' || !p.required || p.in === 'body') return;
      // A notification URL is filled in by the platform.
      if (own(p.raw, 'default') !== undefined || ownBoolean(p.raw, 'x-ms-notification-url')) return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} is internal and required but has no \`default\`; nobody can supply its value.`,
        at: p.pointer,
      });
    },
  },
});
