import { isObject, jsonType, own, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { valueMismatch } from '../../helpers/json-type.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { describeDifferences, valueDifferences } from '../../helpers/value-differences.ts';
import { ALL, defineRule } from '../../rule.ts';

/** The keywords whose value stands for a value of the schema: shown to makers, sent by tests, answered by mocks. */
const KEYS = ['example', 'x-ms-test-value'] as const;

/** Whether text is a JSON object or array written out (`"{\"id\": 1}"`). */
function encodedJson(text: string): boolean {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

export default defineRule({
  id: 'example-value-mismatch',
  description:
    'An `example` or `x-ms-test-value` must be a value of its schema (its `type`, one of its `enum` values), and a response example must fit the response schema.',
  category: 'schema',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Write the example as a value the schema allows (`10`, not `"ten"`, for an integer; one of the `enum` values), or correct the schema.',
  visit: {
    // A response's `examples`, by media type: what `flowport mock` and Prism answer with. Checked whole
    // against the response schema (types, null, required properties, enum), one finding per example.
    response(response, op, ctx) {
      const examples = own(response.raw, 'examples');
      if (!response.schema || !isObject(examples)) return;
      for (const mime of Object.keys(examples)) {
        if (!/json/i.test(mime)) continue;
        const example = examples[mime];
        if (example === undefined) continue;
        const at = join(response.pointer, 'examples', mime);
        const where = `The \`${mime}\` example of response \`${response.status}\`${op ? ` of \`${op.label}\`` : ''}`;
        if (
          typeof example === 'string' &&
          encodedJson(example) &&
          ownString(response.schema, 'type') !== 'string'
        ) {
          ctx.report({
            message: `${where} is JSON written inside a string; the example is the value itself, so the body would be that text.`,
            fix: 'Write the example as the JSON value (an object or array), not as a string holding it.',
            at,
          });
          continue;
        }
        const difference = valueDifferences(ctx.connector, response.schema, example, false);
        if (difference)
          ctx.report({
            message: `${where} does not fit its schema: ${describeDifferences(difference)}.`,
            at,
          });
      }
    },
    schemaKeys: KEYS,
    schema(node, ctx) {
      // Keywords beside a `$ref` are ignored (`additional-property-not-allowed-adjacent-to-ref`).
      if (own(node.raw, '$ref') !== undefined) return;
      const type = ownString(node.raw, 'type');
      const values = own(node.raw, 'enum');
      for (const key of KEYS) {
        const value = own(node.raw, key);
        if (value === undefined || value === null) continue;
        const mismatch = valueMismatch(value, type, values);
        if (mismatch === undefined) {
          // An object or array example whole: the values inside it against their own schemas.
          if (typeof value !== 'object') continue;
          // A request's example is not asked for `readOnly` properties; a definition's may be either.
          const difference = valueDifferences(ctx.connector, node.raw, value, node.role !== 'output');
          if (difference)
            ctx.report({
              message: `${schemaLabel(node, ctx.connector)} has an \`${key}\` that does not fit its schema: ${describeDifferences(difference)}.`,
              at: join(node.pointer, key),
            });
          continue;
        }
        const label = schemaLabel(node, ctx.connector);
        ctx.report({
          message:
            mismatch === 'type'
              ? `${label} has an \`${key}\` of type \`${jsonType(value)}\`; its schema says \`${type}\`.`
              : `${label} has an \`${key}\` (${JSON.stringify(value).slice(0, 60)}) that is not one of its \`enum\` values.`,
          at: join(node.pointer, key),
        });
      }
    },
  },
});
