import { entries, own, ownString } from '../../../connector/json.ts';
import type { Connector } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { arrayness, schemaParts, successSchema } from '../../helpers/response-path.ts';
import { type DerefSchema, derefSchema } from '../../helpers/schema-deref.ts';
import { ALL, defineRule } from '../../rule.ts';

type Split = 'array' | 'none' | 'unknown';

export default defineRule({
  id: 'batch-trigger-without-array',
  description:
    'A `batch` trigger splits its output into one run per array item, so its output schema needs an array.',
  category: 'webhook',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Describe the array of events in the output schema (the `200` response of a polling trigger, `x-ms-notification-content` of a webhook), or use `"x-ms-trigger": "single"`.',
  visit: {
    operation(op, ctx) {
      if (op.trigger?.trim().toLowerCase() !== 'batch') return;
      let output: DerefSchema | undefined;
      if (op.kind === 'webhook-trigger') {
        const content = op.notificationContent;
        output = content && derefSchema(ctx.connector, content.schema, join(content.pointer, 'schema'));
      } else if (op.kind === 'polling-trigger') output = successSchema(ctx.connector, op);
      if (!output || split(ctx.connector, output, 0) !== 'none') return;
      const source = op.kind === 'webhook-trigger' ? 'notification content' : 'response';
      ctx.report({
        message: `The batch trigger \`${op.label}\` has no array in its ${source} schema to split into runs.`,
        at: output.pointer,
      });
    },
  },
});

/**
 * Where the designers find the array to split on: the schema itself, else the only non-internal
 * property (recursively), else — our fallback — any array-typed property.
 */
function split(connector: Connector, schema: DerefSchema, depth: number): Split {
  const kind = arrayness(connector, schema);
  if (kind === 'array') return 'array';
  if (kind === 'unknown' || depth > 8) return 'unknown';
  const visible: DerefSchema[] = [];
  const names = new Set<string>();
  for (const part of schemaParts(connector, schema)) {
    for (const [name, prop] of entries(own(part.schema, 'properties'))) {
      if (names.has(name)) continue;
      names.add(name);
      const resolved = derefSchema(connector, prop, join(part.pointer, 'properties', name));
      if (!resolved) return 'unknown';
      if (ownString(resolved.schema, 'x-ms-visibility') !== 'internal') visible.push(resolved);
    }
  }
  const kinds = visible.map((p) => arrayness(connector, p));
  if (kinds.includes('array')) return 'array';
  if (visible.length === 1) return split(connector, visible[0]!, depth + 1);
  return kinds.includes('unknown') ? 'unknown' : 'none';
}
