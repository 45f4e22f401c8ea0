import { entries, isObject, type JsonValue, jsonType, ownArray } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { type FieldType, fieldType, shapedObjects } from '../../helpers/swagger-fields.ts';
import { swaggerUnreliable } from '../../helpers/swagger-root.ts';
import { ALL, defineRule, type RuleContext } from '../../rule.ts';

const STRING_LISTS: ReadonlySet<string> = new Set(['schemes', 'consumes', 'produces']);

function typeOf(value: JsonValue): string {
  const t = jsonType(value);
  return t === 'integer' ? 'number' : t;
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

function check(
  ctx: RuleContext,
  value: JsonValue,
  expected: FieldType,
  pointer: string,
  name: string,
): boolean {
  const actual = typeOf(value);
  if (actual === expected) return true;
  ctx.report({
    message: `The type of \`${name}\` is incorrect: it must be ${article(expected)}, not ${article(actual)}.`,
    at: pointer,
  });
  return false;
}

export default defineRule({
  id: 'json-type-incorrect',
  microsoftId: 'JsonTypeIncorrect',
  description:
    'The document root, `info`, `contact`, `license`, `tags`, `externalDocs` and `x-ms-connector-metadata` must have the JSON types Swagger 2.0 and the Power Platform define.',
  category: 'document',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Change the value to the expected JSON type (for example an object `{…}` instead of an array `[…]`).',
  visit: {
    connector(c, ctx) {
      const doc = c.documents.swagger;
      if (doc?.value !== undefined && !isObject(doc.value)) {
        ctx.report({
          message: `The swagger document must be a JSON object, not ${article(typeOf(doc.value))}.`,
          at: '',
        });
        return;
      }
      const root = c.definition.raw;
      if (!root || swaggerUnreliable(c)) return;
      for (const shaped of shapedObjects(root)) {
        for (const [key, value] of entries(shaped.raw)) {
          const expected = fieldType(shaped.fields, key) ?? fieldType(shaped.extensions, key);
          if (!expected) continue;
          const pointer = join(shaped.pointer, key);
          if (!check(ctx, value, expected, pointer, key)) continue;
          if (shaped.pointer === '' && STRING_LISTS.has(key) && Array.isArray(value)) {
            value.forEach((item, i) => {
              check(ctx, item, 'string', join(pointer, i), `${key}[${i}]`);
            });
          }
        }
      }
      (ownArray(root, 'tags') ?? []).forEach((tag, i) => {
        check(ctx, tag, 'object', join('/tags', i), `tags[${i}]`);
      });
      (ownArray(root, 'x-ms-connector-metadata') ?? []).forEach((item, i) => {
        const pointer = join('/x-ms-connector-metadata', i);
        if (!check(ctx, item, 'object', pointer, `x-ms-connector-metadata[${i}]`) || !isObject(item)) return;
        for (const [key, value] of entries(item)) {
          if (key === 'propertyName' || key === 'propertyValue')
            check(ctx, value, 'string', join(pointer, key), key);
        }
      });
    },
  },
});
