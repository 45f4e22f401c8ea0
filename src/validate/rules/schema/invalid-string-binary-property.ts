import { own, ownString } from '../../../connector/json.ts';
import { rootOf } from '../../helpers/schema-graph.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { usedAsInput } from '../../helpers/schema-usage.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'invalid-string-binary-property',
  microsoftId: 'InvalidStringBinaryProperty',
  description:
    'In requests, `string`/`binary` is only allowed at the top level of a body or `formData` parameter.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Send file content inside JSON as `format: byte` (base64), or make the binary the whole body.',
  visit: {
    schemaKeys: ['format'],
    schema(node, ctx) {
      if (own(node.raw, 'type') !== 'string' || own(node.raw, 'format') !== 'binary') return;
      const root = rootOf(node);
      if (root.holder === 'header') return;
      if (root.holder === 'parameter') {
        // The `items` of a formData array are files of a multi-file upload.
        if (ownString(root.raw, 'in') === 'formData') return;
      } else if (!node.parent || !usedAsInput(node, ctx.connector)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has type/format \`string/binary\`; it can only be at the top level of a body or formData parameter.`,
        at: node.pointer,
      });
    },
  },
});
