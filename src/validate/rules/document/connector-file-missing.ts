import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'connector-file-missing',
  description: 'A connector folder needs `apiDefinition.swagger.json` and `apiProperties.json`.',
  category: 'document',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  visit: {
    connector(c, ctx) {
      if (!c.files.swagger) {
        ctx.report({
          message: 'The connector has no `apiDefinition.swagger.json`.',
          fix: 'Add the OpenAPI 2.0 definition as `apiDefinition.swagger.json` (or create one with `flowport init --from <openapi file>`).',
        });
      }
      if (!c.files.apiProperties && c.sourceType !== 'file') {
        ctx.report({
          message: 'The connector has no `apiProperties.json`.',
          at: { file: 'apiProperties', pointer: '' },
          fix: 'Add `apiProperties.json` with at least `{ "properties": { "iconBrandColor": "#xxxxxx" } }`.',
        });
      }
    },
  },
});
