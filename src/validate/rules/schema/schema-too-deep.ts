import { schemaLabel } from '../../helpers/schema-label.ts';
import { MAX_SCHEMA_DEPTH, schemaSize } from '../../helpers/schema-size.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'schema-too-deep',
  microsoftId: 'SchemaTooDeep',
  description: `A request or response schema must not nest deeper than ${MAX_SCHEMA_DEPTH} levels, counting referenced schemas.`,
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Flatten the schema, or cut deep branches down to a plain `object` the flow can parse itself.',
  visit: {
    schemaRoots: true,
    schema(node, ctx) {
      // Measured once per request body, response schema and notification content; definitions are
      // measured through them (their depth depends on where they are used).
      if (node.parent || node.holder !== 'schema' || node.role === 'definition') return;
      const { depth } = schemaSize(ctx.connector, node.raw);
      if (depth <= MAX_SCHEMA_DEPTH) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} nests ${depth} levels deep; the schema exceeds the maximum allowed depth of ${MAX_SCHEMA_DEPTH}, including referenced (\`$ref\`) schemas.`,
        at: node.pointer,
      });
    },
  },
});
