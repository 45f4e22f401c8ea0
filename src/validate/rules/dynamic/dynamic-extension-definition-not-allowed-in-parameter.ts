import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { DYNAMIC_EXTENSIONS } from '../../helpers/dynamic-calls.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'dynamic-extension-definition-not-allowed-in-parameter',
  microsoftId: 'DynamicExtensionDefinitionNotAllowedInParameter',
  description: 'Dynamic extensions belong in a body parameter’s `schema`, not on the body parameter itself.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Move the extension from the body parameter into its `schema` object (next to `type`).',
  visit: {
    parameter(p, ctx) {
      if (p.in !== 'body') return;
      for (const extension of DYNAMIC_EXTENSIONS) {
        if (own(p.raw, extension) === undefined) continue;
        ctx.report({
          message: `Dynamic extensions are not allowed to be defined on the body parameter \`${p.name}\`; move \`${extension}\` into its \`schema\`.`,
          at: join(p.pointer, extension),
        });
      }
    },
  },
});
