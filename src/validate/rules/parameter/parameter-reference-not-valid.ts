import { jsonType } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { parameterRefEntries } from '../../helpers/parameter-lists.ts';
import { isPointerFragment, refIntoSection } from '../../helpers/ref-syntax.ts';
import { ALL, defineRule } from '../../rule.ts';

const PREFIX = '#/parameters/';

export default defineRule({
  id: 'parameter-reference-not-valid',
  microsoftId: 'ParameterReferenceNotValid',
  description: 'A parameter `$ref` must be a JSON Pointer of the form `#/parameters/<name>`.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Point the `$ref` at an entry of the top-level `parameters` object, e.g. `#/parameters/TaskId`; references to other files or other sections are not supported.',
  visit: {
    pathItem(item, ctx) {
      for (const entry of parameterRefEntries(item)) {
        // `entry.pointer` is built on demand: read it only for a finding.
        const { ref } = entry;
        if (typeof ref === 'string' && isPointerFragment(ref) && refIntoSection(ref, PREFIX)) continue;
        const shown = typeof ref === 'string' ? `\`${ref}\`` : `of type \`${jsonType(ref)}\``;
        ctx.report({
          message: `The parameter reference ${shown} is not valid; parameter references must start with \`#/parameters/\` and be valid JSON Pointers.`,
          at: join(entry.pointer, '$ref'),
        });
      }
    },
  },
});
