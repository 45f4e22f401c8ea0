import { entries, own, ownObject } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { POLICY_TEMPLATES, policyLabel } from '../../helpers/policy-templates.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'policy-template-parameters',
  description:
    'A policy template instance must set the `x-ms-apimTemplateParameter.*` values its template requires.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Add the missing parameters; see the policy template reference for their meaning.',
  visit: {
    policy(policy, ctx) {
      const required = POLICY_TEMPLATES.get(policy.templateId);
      if (!required) return;
      const params = ownObject(policy.raw, 'parameters');
      const present = new Map<string, string>();
      for (const [key, value] of entries(params)) if (value !== null) present.set(key.toLowerCase(), key);
      const missing: string[] = [];
      const wrongCase: [string, string][] = [];
      for (const key of required) {
        if (own(params, key) !== undefined && own(params, key) !== null) continue;
        const found = present.get(key.toLowerCase());
        if (found) wrongCase.push([found, key]);
        else missing.push(key);
      }
      const label = policyLabel(policy);
      const pointer = params ? join(policy.pointer, 'parameters') : policy.pointer;
      if (missing.length > 0) {
        ctx.report({
          message: `${label} lacks ${missing.map((k) => `\`${k}\``).join(', ')}.`,
          at: { file: 'apiProperties', pointer },
        });
      }
      for (const [found, key] of wrongCase) {
        ctx.report({
          message: `${label} spells \`${key}\` as \`${found}\`; parameter names are case-sensitive.`,
          at: { file: 'apiProperties', pointer: join(pointer, found) },
        });
      }
    },
  },
});
