import { type JsonObject, own } from '../../../connector/json.ts';
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
const NEEDS_VALUE: ReadonlySet<string> = new Set(NEED_VALUE);
/**
 * Keywords whose empty value means the same as none, which `--fix` removes. An empty `type`, `$ref`
 * or `x-ms-summary` is left to a person: without it the schema or parameter means something else.
 */
const REMOVABLE: ReadonlySet<string> = new Set([
  'x-ms-visibility',
  'format',
  'pattern',
  'discriminator',
  'collectionFormat',
]);

/** Whether any of the node's keywords is blank: one pass over its few keys, most nodes have none. */
function hasBlank(raw: JsonObject): boolean {
  for (const key in raw) {
    if (!NEEDS_VALUE.has(key)) continue;
    const value = raw[key];
    if (typeof value === 'string' && isBlank(value)) return true;
  }
  return false;
}

/** Whether a text is empty or only white space; most start with a printable ASCII character. */
function isBlank(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return value.trim() === '';
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
  fixable: true,
  visit: {
    schemaKeys: NEED_VALUE,
    schema(node, ctx) {
      if (!hasBlank(node.raw)) return;
      for (const keyword of NEED_VALUE) {
        const value = own(node.raw, keyword);
        if (typeof value !== 'string' || !isBlank(value)) continue;
        const at = join(node.pointer, keyword);
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} has an empty \`${keyword}\`; the \`${keyword}\` property must have not empty value.`,
          at,
          ...(REMOVABLE.has(keyword) && { edit: { pointer: at, remove: true } }),
        });
      }
    },
  },
});
