import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

const NON_BODY = new Set(['path', 'query', 'header', 'formData']);

export default defineRule({
  id: 'non-body-parameter-schema-not-valid',
  microsoftId: 'NonBodyParameterSchemaNotValid',
  description:
    'Only `body` parameters can have a `schema`; others use `type`, `format` and `items` directly.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Replace `schema` with `type` (and `format`, `items`, `enum`) on the parameter itself.',
  visit: {
    parameter(p, ctx) {
      if (!NON_BODY.has(p.in) || own(p.raw, 'schema') === undefined) return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} cannot define a schema as it is not in the \`body\` (it is in \`${p.in}\`).`,
        at: join(p.pointer, 'schema'),
      });
    },
  },
});
