import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { describeType } from '../../helpers/describe-type.ts';
import { POLICY_TEMPLATES } from '../../helpers/policy-templates.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'policy-template-unknown',
  description: 'Every policy template instance needs a `templateId` the platform knows.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: `Use one of ${[...POLICY_TEMPLATES.keys()].map((t) => `\`${t}\``).join(', ')} (case-insensitive).`,
  visit: {
    policy(policy, ctx) {
      const raw = own(policy.raw, 'templateId');
      if (typeof raw !== 'string' || raw.trim() === '') {
        ctx.report({
          message:
            raw === undefined
              ? 'Policy template instance has no `templateId`.'
              : `\`templateId\` is ${typeof raw === 'string' ? 'empty' : describeType(raw)}; it must name a policy template.`,
          at: {
            file: 'apiProperties',
            pointer: raw === undefined ? policy.pointer : join(policy.pointer, 'templateId'),
          },
        });
        return;
      }
      if (POLICY_TEMPLATES.has(policy.templateId)) return;
      // Unknown ids are a load-time diagnostic, never a silent skip: the policy would simply not run.
      ctx.report({
        message: `Policy template \`${raw}\` is unknown; the instance would not be applied.`,
        at: { file: 'apiProperties', pointer: join(policy.pointer, 'templateId') },
      });
    },
  },
});
