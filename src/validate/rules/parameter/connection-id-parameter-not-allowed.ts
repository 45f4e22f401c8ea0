import { join } from '../../../connector/pointer.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'connection-id-parameter-not-allowed',
  microsoftId: 'ConnectionIdParameterNotAllowed',
  description: 'A parameter cannot be named `connectionId`.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Rename the parameter; the Power Platform adds a `connectionId` to every call itself.',
  visit: {
    parameter(p, ctx) {
      if (p.name !== 'connectionId') return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} is named \`connectionId\`; a parameter cannot be named as \`connectionId\`.`,
        at: join(p.pointer, 'name'),
      });
    },
  },
});
