import { join } from '../../../connector/pointer.ts';
import { parameterRefEntries } from '../../helpers/parameter-lists.ts';
import { isPointerFragment, refIntoSection } from '../../helpers/ref-syntax.ts';
import { refTargetMissing } from '../../helpers/ref-target.ts';
import { ALL, defineRule } from '../../rule.ts';

const PREFIX = '#/parameters/';

export default defineRule({
  id: 'parameter-reference-not-found',
  microsoftId: 'ParameterReferenceNotFound',
  description: 'A parameter `$ref` must name an entry of the top-level `parameters` object.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the missing entry under the top-level `parameters` object, or correct the name in the `$ref` (names are case-sensitive).',
  visit: {
    pathItem(item, ctx) {
      for (const entry of parameterRefEntries(item)) {
        // `entry.pointer` is built on demand: read it only for a finding.
        const { ref } = entry;
        // Malformed references are parameter-reference-not-valid's.
        if (typeof ref !== 'string' || !isPointerFragment(ref) || !refIntoSection(ref, PREFIX)) continue;
        if (!refTargetMissing(ctx.connector, ref)) continue;
        ctx.report({
          message: `The parameter reference \`${ref}\` could not be found in the swagger document.`,
          at: join(entry.pointer, '$ref'),
        });
      }
    },
  },
});
