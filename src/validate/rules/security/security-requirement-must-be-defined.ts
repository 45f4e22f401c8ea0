import { securityRequirements } from '../../helpers/security-requirements.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'security-requirement-must-be-defined',
  microsoftId: 'SecurityRequirementMustBeDefined',
  description: 'Every name in a `security` requirement must be defined in `securityDefinitions`.',
  category: 'security',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Use the key of an entry of `securityDefinitions` (case-sensitive), or add the definition.',
  visit: {
    connector(connector, ctx) {
      for (const r of securityRequirements(connector)) {
        if (r.definition) continue;
        ctx.report({
          message: `The security requirement \`${r.name}\` is not defined in the \`securityDefinitions\` object.`,
          at: r.pointer,
        });
      }
    },
  },
});
