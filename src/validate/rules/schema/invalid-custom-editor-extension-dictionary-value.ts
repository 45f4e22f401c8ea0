import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'invalid-custom-editor-extension-dictionary-value',
  microsoftId: 'InvalidCustomEditorExtensionDictionaryValue',
  description:
    '`x-ms-editor: dictionary` is only valid on an object schema that allows additional properties.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Give the schema `type: object` and `additionalProperties` (e.g. `{ "type": "string" }`), or remove `x-ms-editor`.',
  visit: {
    schemaKeys: ['x-ms-editor'],
    schema(node, ctx) {
      if (own(node.raw, 'x-ms-editor') !== 'dictionary') return;
      const type = own(node.raw, 'type');
      const additional = own(node.raw, 'additionalProperties');
      if ((type === undefined || type === 'object') && additional !== undefined && additional !== false)
        return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} sets \`x-ms-editor: dictionary\`; it can be specified as \`dictionary\` only for schema with type object and additional properties allowed.`,
        at: join(node.pointer, 'x-ms-editor'),
      });
    },
  },
});
