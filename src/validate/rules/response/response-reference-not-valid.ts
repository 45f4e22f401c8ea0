import { ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { isPointerFragment, refIntoSection } from '../../helpers/ref-syntax.ts';
import { ALL, defineRule } from '../../rule.ts';
import { rawResponses } from './_raw-responses.ts';

export default defineRule({
  id: 'response-reference-not-valid',
  microsoftId: 'ResponseReferenceNotValid',
  description: 'A response `$ref` must point into `#/responses/`.',
  category: 'response',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: "Define the response under the top-level `responses` and reference it as `#/responses/Name`; schemas go under the response's `schema`.",
  visit: {
    operation(op, ctx) {
      for (const [status, response] of rawResponses(op)) {
        const ref = ownString(response, '$ref');
        if (ref === undefined || refIntoSection(ref, '#/responses/')) continue;
        // Malformed local pointers are JsonPointerNotValid's.
        if (ref.startsWith('#') && !isPointerFragment(ref)) continue;
        ctx.report({
          message: `Response \`${status}\` of \`${op.label}\` has reference \`${ref}\`, which is not valid; response references must start with \`#/responses/\`.`,
          at: join(op.pointer, 'responses', status, '$ref'),
        });
      }
    },
  },
});
