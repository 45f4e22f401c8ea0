import { ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { isPointerFragment, refIntoSection } from '../../helpers/ref-syntax.ts';
import { refTargetMissing } from '../../helpers/ref-target.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'schema-reference-not-found',
  microsoftId: 'SchemaReferenceNotFound',
  description: 'A schema `$ref` must point at an existing definition.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the missing definition or correct the name (names are case-sensitive).',
  visit: {
    schemaKeys: ['$ref'],
    schema(node, ctx) {
      const ref = ownString(node.raw, '$ref');
      if (ref === undefined || !refIntoSection(ref, '#/definitions/') || !isPointerFragment(ref)) return;
      if (!refTargetMissing(ctx.connector, ref)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has schema reference \`${ref}\`, which could not be found in the swagger document.`,
        at: join(node.pointer, '$ref'),
      });
    },
  },
});
