import { isObject, type JsonObject, own, ownObject } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

function siblings(raw: JsonObject): string[] {
  return Object.keys(raw).filter((k) => k !== '$ref');
}

/** Whether an object has a key besides `$ref`; the keys are listed only for a finding. */
function hasSibling(raw: JsonObject): boolean {
  for (const key in raw) if (key !== '$ref') return true;
  return false;
}

export default defineRule({
  id: 'additional-property-not-allowed-adjacent-to-ref',
  microsoftId: 'AdditionalPropertyNotAllowedAdjacentToRef',
  description: 'An object with `$ref` must not have other properties.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Move the extra keywords into the referenced definition, or replace the `$ref` with an inline schema.',
  visit: {
    schemaKeys: ['$ref'],
    schema(node, ctx) {
      if (typeof own(node.raw, '$ref') !== 'string' || !hasSibling(node.raw)) return;
      const extra = siblings(node.raw);
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has \`${extra.join('`, `')}\` next to \`$ref\`; when \`$ref\` is defined, no other properties may be specified.`,
        at: join(node.pointer, extra[0] ?? '$ref'),
      });
    },
    operation(op, ctx) {
      const responses = ownObject(op.raw, 'responses');
      if (!responses) return;
      for (const status of Object.keys(responses)) {
        const raw = responses[status];
        if (!isObject(raw) || typeof own(raw, '$ref') !== 'string' || !hasSibling(raw)) continue;
        const extra = siblings(raw);
        ctx.report({
          message: `Response \`${status}\` of \`${op.label}\` has \`${extra.join('`, `')}\` next to \`$ref\`; when \`$ref\` is defined, no other properties may be specified.`,
          at: join(op.pointer, 'responses', status, extra[0] ?? '$ref'),
        });
      }
    },
  },
});
