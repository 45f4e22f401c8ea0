import { jsonType, own, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { valueMismatch } from '../../helpers/json-type.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/** The keywords whose value stands for a value of the schema: shown to makers, sent by tests, answered by mocks. */
const KEYS = ['example', 'x-ms-test-value'] as const;

export default defineRule({
  id: 'example-value-mismatch',
  description:
    'An `example` or `x-ms-test-value` must be a value of its schema: of its `type`, and one of its `enum` values.',
  category: 'schema',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Write the example as a value the schema allows (`10`, not `"ten"`, for an integer; one of the `enum` values), or correct the schema.',
  visit: {
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
        if (mismatch === undefined) continue;
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
