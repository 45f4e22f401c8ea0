import { ownObject, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { isPointerFragment } from '../../helpers/ref-syntax.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'json-pointer-not-valid',
  microsoftId: 'JsonPointerNotValid',
  description: 'A local `$ref` in a schema or response must be a valid JSON pointer (`#/…`).',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Write the reference as `#/definitions/Name`; escape `~` as `~0` and `/` inside a name as `~1`.',
  visit: {
    schemaKeys: ['$ref'],
    schema(node, ctx) {
      const ref = ownString(node.raw, '$ref');
      if (ref === undefined || !ref.startsWith('#') || isPointerFragment(ref)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has \`$ref\` \`${ref}\`; the JSON Pointer path is not valid.`,
        at: join(node.pointer, '$ref'),
      });
    },
    operation(op, ctx) {
      const responses = ownObject(op.raw, 'responses');
      if (!responses) return;
      for (const status of Object.keys(responses)) {
        const ref = ownString(responses[status], '$ref');
        if (ref === undefined || !ref.startsWith('#') || isPointerFragment(ref)) continue;
        ctx.report({
          message: `Response \`${status}\` of \`${op.label}\` has \`$ref\` \`${ref}\`; the JSON Pointer path is not valid.`,
          at: join(op.pointer, 'responses', status, '$ref'),
        });
      }
    },
  },
});
