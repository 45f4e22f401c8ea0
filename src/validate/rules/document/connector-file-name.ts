import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'connector-file-name',
  description: 'Connector files should use their standard names (`apiDefinition.swagger.json`).',
  category: 'document',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  visit: {
    connector(c, ctx) {
      const swagger = c.files.swagger;
      if (c.sourceType !== 'file' && swagger && swagger.name !== 'apiDefinition.swagger.json') {
        ctx.report({
          message: `The swagger file is named \`${swagger.name}\`; paconn and the certification pipeline expect \`apiDefinition.swagger.json\`.`,
          at: { file: 'swagger', pointer: '' },
          fix: 'Rename the file to `apiDefinition.swagger.json`.',
        });
      }
    },
  },
});
