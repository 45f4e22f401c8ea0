import { isObject, own } from '../../../connector/json.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'body-parameter-schema-required',
  microsoftId: 'BodyParameterSchemaRequired',
  description: 'A `body` parameter must define a `schema` object.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add a `schema`, e.g. `{"$ref": "#/definitions/Task"}` or an inline object schema.',
  visit: {
    parameter(p, ctx) {
      if (p.in !== 'body' || isObject(own(p.raw, 'schema'))) return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} is a \`body\` parameter and must define a \`schema\` property.`,
        at: p.pointer,
      });
    },
  },
});
