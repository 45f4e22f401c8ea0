import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/**
 * Keywords that mean nothing when empty. `title` and `description` are left out: an empty one is
 * merely unhelpful, and about one certified connector in five has some.
 */
const NEED_VALUE = [
  'type',
  'format',
  '$ref',
  'x-ms-summary',
  'x-ms-visibility',
  'pattern',
  'discriminator',
  'collectionFormat',
] as const;
type Keyword = (typeof NEED_VALUE)[number];

/** True for `''` and whitespace only. */
function isBlank(value: string): boolean {
  // A printable ASCII first character settles it (most values); anything else is trimmed.
  const first = value.charCodeAt(0);
  return !(first > 32 && first < 127) && value.trim() === '';
}

export default defineRule({
  id: 'required-value-empty',
  microsoftId: 'RequiredValueEmpty',
  description: 'Schema keywords such as `type`, `format` and `x-ms-summary` must not be empty strings.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Give the keyword a value or remove it.',
  visit: {
    schemaKeys: NEED_VALUE,
    schema(node, ctx) {
      const { raw } = node;
      for (let i = 0; i < NEED_VALUE.length; i++) {
        const keyword = NEED_VALUE[i] as Keyword;
        // A direct read is safe: none of these keywords is a property of `Object.prototype`.
        const value = raw[keyword];
        if (typeof value !== 'string' || !isBlank(value)) continue;
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} has an empty \`${keyword}\`; the \`${keyword}\` property must have not empty value.`,
          at: join(node.pointer, keyword),
        });
      }
    },
  },
});
