import { jsonType } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { declaredScopes, securityRequirements } from '../../helpers/security-requirements.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'oauth-security-requirement-value-must-be-scope-name',
  microsoftId: 'OAuthSecurityRequirementValueMustBeScopeName',
  description:
    "Scopes listed in an OAuth `security` requirement must be declared in the definition's `scopes`.",
  category: 'security',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the scope to the `scopes` map of the `oauth2` security definition, or remove it from the requirement.',
  visit: {
    connector(connector, ctx) {
      for (const r of securityRequirements(connector)) {
        if (r.definition?.type !== 'oauth2' || !Array.isArray(r.value)) continue;
        const scopes = declaredScopes(r.definition);
        r.value.forEach((scope, i) => {
          if (typeof scope === 'string' && scopes.has(scope)) return;
          ctx.report({
            message: `The OAuth security requirement \`${r.name}\` refers to scope name ${typeof scope === 'string' ? `\`${scope}\`` : `of type \`${jsonType(scope)}\``}, but this is not defined in the \`securityDefinitions\` object.`,
            at: join(r.pointer, i),
          });
        });
      }
    },
  },
});
