import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'path-item-ref-not-supported',
  microsoftId: 'PathItemRefNotSuppored',
  description: 'A path item must not use `$ref`.',
  category: 'path',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Write the operations inline under the path; share parameters through `#/parameters` and schemas through `#/definitions` instead.',
  visit: {
    pathItem(item, ctx) {
      if (own(item.raw, '$ref') === undefined) return;
      ctx.report({
        message: `The \`$ref\` property in path \`${item.path}\` is not supported.`,
        at: join(item.pointer, '$ref'),
      });
    },
  },
});
