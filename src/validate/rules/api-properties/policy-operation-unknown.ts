import { ownArray, ownObject } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { policyLabel } from '../../helpers/policy-templates.ts';
import { ALL, defineRule } from '../../rule.ts';

const OPERATION_NAME = 'x-ms-apimTemplate-operationName';

export default defineRule({
  id: 'policy-operation-unknown',
  description: '`x-ms-apimTemplate-operationName` may only list operationIds of the swagger.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Correct the operationId (it is case-sensitive) or remove the entry.',
  visit: {
    policy(policy, ctx) {
      const params = ownObject(policy.raw, 'parameters');
      const key = Object.keys(params ?? {}).find((k) => k.toLowerCase() === OPERATION_NAME.toLowerCase());
      const list = key ? ownArray(params, key) : undefined;
      if (!list || !ctx.connector.definition.raw) return;
      list.forEach((id, i) => {
        if (typeof id !== 'string' || ctx.connector.operation(id)) return;
        const meant = ctx.connector.operations.find((op) => op.id?.toLowerCase() === id.toLowerCase())?.id;
        ctx.report({
          message: meant
            ? `${policyLabel(policy)} lists operation \`${id}\`; the operationId is \`${meant}\` (case-sensitive), so the policy does not apply to it.`
            : `${policyLabel(policy)} lists operation \`${id}\`, which is not an operationId of the swagger.`,
          at: {
            file: 'apiProperties',
            pointer: join(policy.pointer, 'parameters', key ?? OPERATION_NAME, i),
          },
        });
      });
    },
  },
});
