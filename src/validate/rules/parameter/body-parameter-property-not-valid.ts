import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Keywords Swagger 2.0 gives non-body parameters only; a body parameter puts them in its `schema`. */
export const NON_BODY_KEYWORDS: readonly string[] = [
  'type',
  'format',
  'items',
  'collectionFormat',
  'allowEmptyValue',
  'default',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'enum',
  'multipleOf',
];

export default defineRule({
  id: 'body-parameter-property-not-valid',
  microsoftId: 'BodyParameterPropertyNotValid',
  description:
    'A `body` parameter describes its value in `schema`, not with `type`, `format`, `items`, `enum`, `default`….',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: "Move the keyword into the parameter's `schema` object.",
  visit: {
    parameter(p, ctx) {
      if (p.in !== 'body') return;
      for (const keyword of NON_BODY_KEYWORDS) {
        if (own(p.raw, keyword) === undefined) continue;
        ctx.report({
          message: `${parameterLabel(p, ctx.connector)} is a \`body\` parameter and cannot use property \`${keyword}\`; the \`schema\` property should be used to define its type.`,
          at: join(p.pointer, keyword),
        });
      }
    },
  },
});
