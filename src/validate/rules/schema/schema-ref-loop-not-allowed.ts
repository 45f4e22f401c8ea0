import { ownString } from '../../../connector/json.ts';
import { join, unescapeSegment } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'schema-ref-loop-not-allowed',
  microsoftId: 'SchemaRefLoopNotAllowed',
  description: 'A definition must be a schema, not a `$ref` to another definition.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Reference the target definition directly wherever this alias is used, and delete the alias.',
  visit: {
    schemaKeys: ['$ref'],
    schema(node, ctx) {
      if (node.role !== 'definition' || node.parent) return;
      const ref = ownString(node.raw, '$ref');
      if (ref === undefined) return;
      const name = unescapeSegment(node.pointer.slice('/definitions/'.length));
      ctx.report({
        message: `Definition \`${name}\` is a \`$ref\` to \`${ref}\`; the schema definition may not use a \`$ref\` to point to another definition.`,
        at: join(node.pointer, '$ref'),
      });
    },
  },
});
