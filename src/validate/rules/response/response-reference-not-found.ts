import { ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { isPointerFragment, refIntoSection } from '../../helpers/ref-syntax.ts';
import { refTargetMissing } from '../../helpers/ref-target.ts';
import { ALL, defineRule } from '../../rule.ts';
import { rawResponses } from './_raw-responses.ts';

export default defineRule({
  id: 'response-reference-not-found',
  microsoftId: 'ResponseReferenceNotFound',
  description: 'A response `$ref` must point at an existing entry of the top-level `responses`.',
  category: 'response',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the missing shared response or correct the name (names are case-sensitive).',
  visit: {
    operation(op, ctx) {
      for (const [status, response] of rawResponses(op)) {
        const ref = ownString(response, '$ref');
        if (ref === undefined || !refIntoSection(ref, '#/responses/') || !isPointerFragment(ref)) continue;
        if (!refTargetMissing(ctx.connector, ref)) continue;
        ctx.report({
          message: `Response \`${status}\` of \`${op.label}\` has reference \`${ref}\`, which could not be found in the swagger document.`,
          at: join(op.pointer, 'responses', status, '$ref'),
        });
      }
    },
  },
});
