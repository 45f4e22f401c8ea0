import { extraBodies } from '../../helpers/parameter-lists.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-parameters-contain-multiple-body-parameters',
  microsoftId: 'OperationParametersContainMultipleBodyParameters',
  description:
    'An operation can have at most one `in: body` parameter (counting those inherited from its path item).',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Merge the bodies into one `body` parameter whose schema has a property for each part.',
  visit: {
    operation(op, ctx) {
      const extra = extraBodies(op.parameters);
      if (extra.length === 0) return;
      const own = `${op.pointer}/parameters/`;
      // Only bodies the operation adds itself; path-level repeats are reported once for the path.
      for (const p of extra) {
        if (!p.usedAt.startsWith(own)) continue;
        ctx.report({
          message: `The operation \`${op.label}\` contains multiple parameters in the location \`body\` (\`${p.name}\` is another one); at most one is allowed.`,
          at: p.usedAt,
        });
      }
    },
  },
});
