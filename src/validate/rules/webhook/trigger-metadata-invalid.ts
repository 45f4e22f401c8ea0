import { isObject, jsonType, own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

const EXPECTED = { kind: 'query', mode: 'polling' } as const;

export default defineRule({
  id: 'trigger-metadata-invalid',
  description:
    '`x-ms-trigger-metadata` must be `{ "kind": "query", "mode": "polling" }` and sit on a polling trigger.',
  category: 'webhook',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Write `"x-ms-trigger-metadata": { "kind": "query", "mode": "polling" }` on polling triggers only, or remove it.',
  visit: {
    operation(op, ctx) {
      const meta = own(op.raw, 'x-ms-trigger-metadata');
      if (meta === undefined) return;
      const at = join(op.pointer, 'x-ms-trigger-metadata');
      if (!isObject(meta)) {
        ctx.report({
          message: `The \`x-ms-trigger-metadata\` of operation \`${op.label}\` is ${jsonType(meta)}; it must be an object with \`kind\` and \`mode\`.`,
          at,
        });
        return;
      }
      for (const [key, value] of Object.entries(EXPECTED)) {
        const actual = own(meta, key);
        if (actual === value) continue;
        ctx.report({
          message:
            actual === undefined
              ? `The \`x-ms-trigger-metadata\` of operation \`${op.label}\` lacks \`${key}\`; it must be \`${value}\`.`
              : `The \`x-ms-trigger-metadata.${key}\` of operation \`${op.label}\` must be \`${value}\`.`,
          at: actual === undefined ? at : join(at, key),
        });
      }
      if (op.kind !== 'polling-trigger') {
        ctx.report({
          message: `Operation \`${op.label}\` has \`x-ms-trigger-metadata\`, which marks polling triggers, but it is ${op.kind === 'webhook-trigger' ? 'a webhook trigger' : 'not a trigger'}.`,
          at,
        });
      }
    },
  },
});
