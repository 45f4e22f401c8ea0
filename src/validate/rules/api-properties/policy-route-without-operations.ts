import { ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { policyLabel } from '../../helpers/policy-templates.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'policy-route-without-operations',
  description:
    'A `routerequesttoendpoint` policy of a connector with several operations must name the operations it routes.',
  category: 'api-properties',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'List the operations the route is for in `x-ms-apimTemplate-operationName`.',
  visit: {
    policy(policy, ctx) {
      if (policy.templateId !== 'routerequesttoendpoint' || policy.operations.length > 0) return;
      const operations = ctx.connector.operations.filter((o) => o.id !== undefined);
      if (operations.length < 2) return;
      const path = ownString(policy.parameters, 'newPath');
      ctx.report({
        message: `${policyLabel(policy)} names no operation, so it sends every one of the ${operations.length} operations${path ? ` to \`${path}\`` : ''}; a policy without \`x-ms-apimTemplate-operationName\` applies to all of them.`,
        at: { file: 'apiProperties', pointer: join(policy.pointer, 'parameters') },
      });
    },
  },
});
