import { own, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule, type SchemaNode } from '../../rule.ts';

/** formData parameters, and the root of a response schema (or a definition, which may serve as one). */
function mayBeFile(node: SchemaNode): boolean {
  if (node.holder === 'parameter') return ownString(node.raw, 'in') === 'formData';
  return !node.parent && node.holder === 'schema' && node.role !== 'input';
}

export default defineRule({
  id: 'schema-type-file-not-valid',
  microsoftId: 'SchemaTypeFileNotValid',
  description: 'Only `formData` parameters and the root of a response schema may have `type: file`.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use `type: string` with `format: binary` (raw bytes) or `format: byte` (base64) inside bodies; keep `type: file` for `formData` uploads and whole-file responses.',
  visit: {
    schemaKeys: ['type'],
    schema(node, ctx) {
      if (own(node.raw, 'type') !== 'file' || mayBeFile(node)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has \`type: file\`; only parameters in \`formData\` and the root response schema may be of type \`file\`.`,
        at: join(node.pointer, 'type'),
      });
    },
  },
});
