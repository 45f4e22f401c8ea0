import { ownBoolean } from '../../../connector/json.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { isRequiredNode, usedAsInput } from '../../helpers/schema-usage.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'required-read-only-property-not-allowed-as-input',
  microsoftId: 'RequiredReadOnlyPropertyNotAllowedAsInput',
  description: 'A property of a request body cannot be both `readOnly` and required.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Drop `readOnly: true` or remove the property from `required`; when a definition is shared by request and response, give the request its own definition.',
  visit: {
    schemaKeys: ['readOnly'],
    schema(node, ctx) {
      if (node.via !== 'property' || ownBoolean(node.raw, 'readOnly') !== true) return;
      if (!isRequiredNode(node) || !usedAsInput(node, ctx.connector)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} is \`readOnly\` and required; an input property cannot be readonly and required.`,
        at: node.pointer,
      });
    },
  },
});
