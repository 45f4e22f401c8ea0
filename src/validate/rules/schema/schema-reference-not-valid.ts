import { ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { isPointerFragment, refIntoSection } from '../../helpers/ref-syntax.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'schema-reference-not-valid',
  microsoftId: 'SchemaReferenceNotValid',
  description: 'A schema `$ref` must point into `#/definitions/`.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Move the schema under `definitions` and reference it as `#/definitions/Name`; external files are not supported.',
  visit: {
    schemaKeys: ['$ref'],
    schema(node, ctx) {
      const ref = ownString(node.raw, '$ref');
      if (ref === undefined || refIntoSection(ref, '#/definitions/')) return;
      // Malformed local pointers are JsonPointerNotValid's.
      if (ref.startsWith('#') && !isPointerFragment(ref)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has schema reference \`${ref}\`, which is not valid; schema references must start with \`#/definitions/\`.`,
        at: join(node.pointer, '$ref'),
      });
    },
  },
});
