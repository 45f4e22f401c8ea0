import { securityRequirements } from '../../helpers/security-requirements.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'security-requirement-must-have-empty-value',
  microsoftId: 'SecurityRequirementMustHaveEmptyValue',
  description: 'Requirements for `basic` and `apiKey` security definitions cannot list scopes.',
  category: 'security',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Replace the list with `[]`; only `oauth2` definitions have scopes.',
  visit: {
    connector(connector, ctx) {
      for (const r of securityRequirements(connector)) {
        const type = r.definition?.type;
        if (type === undefined || type === 'oauth2' || !Array.isArray(r.value) || r.value.length === 0)
          continue;
        ctx.report({
          message: `The security requirement \`${r.name}\` (type \`${type}\`) cannot specify any scopes; an empty array should be provided.`,
          at: r.pointer,
        });
      }
    },
  },
});
