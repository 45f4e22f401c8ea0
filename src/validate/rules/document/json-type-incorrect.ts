import { isObject, type JsonValue, jsonType, ownArray } from '../../../connector/json.ts';
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

function report(
  ctx: RuleContext,
  value: JsonValue,
  expected: FieldType,
  pointer: string,
  name: string,
): void {
  ctx.report({
    message: `The type of \`${name}\` is incorrect: it must be ${article(expected)}, not ${article(typeOf(value))}.`,
    at: pointer,
  });
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
      // Pointers and names are made for the values of a wrong type only.
      for (const shaped of shapedObjects(root)) {
        const { raw } = shaped;
        for (const key of Object.keys(raw)) {
          const expected = fieldType(shaped.fields, key) ?? fieldType(shaped.extensions, key);
          if (!expected) continue;
          const value = raw[key] as JsonValue;
          if (typeOf(value) !== expected) {
            report(ctx, value, expected, join(shaped.pointer, key), key);
            continue;
          }
          if (shaped.pointer !== '' || !STRING_LISTS.has(key) || !Array.isArray(value)) continue;
          for (let i = 0; i < value.length; i++) {
            const item = value[i] as JsonValue;
            if (typeOf(item) !== 'string') report(ctx, item, 'string', join('', key, i), `${key}[${i}]`);
          }
        }
      }
      const tags = ownArray(root, 'tags') ?? [];
      for (let i = 0; i < tags.length; i++) {
        const tag = tags[i] as JsonValue;
        if (typeOf(tag) !== 'object') report(ctx, tag, 'object', join('/tags', i), `tags[${i}]`);
      }
      const metadata = ownArray(root, 'x-ms-connector-metadata') ?? [];
      for (let i = 0; i < metadata.length; i++) {
        const item = metadata[i] as JsonValue;
        const pointer = join('/x-ms-connector-metadata', i);
        if (typeOf(item) !== 'object') {
          report(ctx, item, 'object', pointer, `x-ms-connector-metadata[${i}]`);
          continue;
        }
        if (!isObject(item)) continue;
        for (const key of Object.keys(item)) {
          if (key !== 'propertyName' && key !== 'propertyValue') continue;
          const value = item[key] as JsonValue;
          if (typeOf(value) !== 'string') report(ctx, value, 'string', join(pointer, key), key);
        }
      }
    },
  },
});
