import { describeValue } from '../../helpers/describe-value.ts';
import { securityRequirements } from '../../helpers/security-requirements.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'security-requirement-must-have-value',
  microsoftId: 'SecurityRequirementMustHaveValue',
  description:
    'Every `security` requirement must have an array value (empty when no OAuth scopes are required).',
  category: 'security',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Write the requirement as `{"<name>": []}`, listing OAuth scope names in the array when needed.',
  visit: {
    connector(connector, ctx) {
      for (const r of securityRequirements(connector)) {
        if (Array.isArray(r.value)) continue;
        ctx.report({
          message: `The security requirement \`${r.name}\` must have an array value, not ${describeValue(r.value)}; provide an empty array if no OAuth scopes are required.`,
          at: r.pointer,
        });
      }
    },
  },
});
