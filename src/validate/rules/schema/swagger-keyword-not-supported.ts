import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/**
 * JSON Schema composition keywords that Swagger 2.0 left out and the platform rejects; none of the
 * 694 certified and independent-publisher connectors uses them. (`uniqueItems`, the example in
 * Microsoft's docs, is used by certified connectors: see `unique-items-not-supported`.)
 */
const UNSUPPORTED = ['oneOf', 'anyOf', 'not'] as const;

export default defineRule({
  id: 'swagger-keyword-not-supported',
  microsoftId: 'SwaggerKeywordNotSupported',
  description: 'Schemas must not use `oneOf`, `anyOf` or `not`, which Swagger 2.0 does not have.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Describe the union as one object with all possible properties optional (or use `allOf` for composition).',
  visit: {
    schemaKeys: UNSUPPORTED,
    schema(node, ctx) {
      for (const keyword of UNSUPPORTED) {
        if (own(node.raw, keyword) === undefined) continue;
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} uses \`${keyword}\`; the \`${keyword}\` keyword is not supported.`,
          at: join(node.pointer, keyword),
        });
      }
    },
  },
});
