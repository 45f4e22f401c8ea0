import { jsonType, own } from '../../../connector/json.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'specification-version-incorrect',
  microsoftId: 'SpecificationVersionIncorrect',
  description: 'The `swagger` property must be the string `"2.0"`.',
  category: 'document',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Set `"swagger": "2.0"`; custom connectors accept OpenAPI 2.0 only (convert OpenAPI 3 documents first).',
  visit: {
    connector(c, ctx) {
      const version = own(c.definition.raw, 'swagger');
      if (version === undefined || version === '2.0') return;
      const shown =
        typeof version === 'string'
          ? `\`"${version}"\``
          : typeof version === 'number' || typeof version === 'boolean' || version === null
            ? `the ${version === null ? 'null' : typeof version} \`${JSON.stringify(version)}\``
            : `an ${jsonType(version)}`;
      ctx.report({
        message: `The \`swagger\` property is ${shown}; it must have the string value \`"2.0"\`.`,
        at: '/swagger',
      });
    },
  },
});
