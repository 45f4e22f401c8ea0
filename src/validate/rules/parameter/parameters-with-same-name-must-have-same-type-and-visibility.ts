import { ownObject, ownString } from '../../../connector/json.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'parameters-with-same-name-must-have-same-type-and-visibility',
  // Microsoft's id is misspelt; kept as printed so pipeline output matches.
  microsoftId: 'ParamtersWithSameNameMustHaveSameTypeAndVisibility',
  description:
    'A polling (fetch) operation and the webhook (subscribe) operation named in its `x-ms-notification` must give same-named parameters the same type and visibility.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Give the parameter the same `type` and `x-ms-visibility` in both operations; the designer shows one input for both.',
  visit: {
    operation(op, ctx) {
      const id = ownString(ownObject(op.raw, 'x-ms-notification'), 'operationId');
      const subscribe = id === undefined ? undefined : ctx.connector.operation(id);
      if (!subscribe || subscribe === op) return;
      const byName = new Map(subscribe.parameters.filter((q) => q.in !== 'body').map((q) => [q.name, q]));
      for (const p of op.parameters) {
        const q = p.in === 'body' ? undefined : byName.get(p.name);
        if (!q || (q.type === p.type && q.visibility === p.visibility)) continue;
        ctx.report({
          message: `Parameter \`${p.name}\` is \`${p.type ?? 'untyped'}\`/\`${p.visibility}\` in fetch operation \`${op.label}\` but \`${q.type ?? 'untyped'}\`/\`${q.visibility}\` in subscribe operation \`${subscribe.label}\`; parameters of the same name in fetch and subscribe operations must be of the same type and visibility.`,
          at: p.usedAt,
        });
      }
    },
  },
});
