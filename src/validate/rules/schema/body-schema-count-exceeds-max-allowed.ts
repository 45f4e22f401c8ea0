import { own } from '../../../connector/json.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { MAX_BODY_SCHEMAS, schemaSize } from '../../helpers/schema-size.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'body-schema-count-exceeds-max-allowed',
  microsoftId: 'BodySchemaCountExceedsMaxAllowed',
  description: `A body, response schema or definition must not expand to more than ${MAX_BODY_SCHEMAS} schemas, counting referenced ones.`,
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove properties flows do not need, or describe rarely used branches as a plain `object`.',
  visit: {
    schemaRoots: true,
    schema(node, ctx) {
      if (node.parent || node.holder !== 'schema') return;
      // A root that is only a `$ref` is reported at the definition it names.
      if (node.role !== 'definition' && own(node.raw, '$ref') !== undefined) return;
      const { count } = schemaSize(
        ctx.connector,
        node.raw,
        node.role === 'definition' ? node.pointer : undefined,
      );
      if (count <= MAX_BODY_SCHEMAS) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} expands to ${count} schemas; the total number of schemas in the object exceeds the max schema count allowed value of '${MAX_BODY_SCHEMAS}'.`,
        at: node.pointer,
      });
    },
  },
});
