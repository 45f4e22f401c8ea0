import { ALL, defineRule } from '../../rule.ts';
import { reportLegacyReferences } from './_legacy-references.ts';

export default defineRule({
  id: 'dynamic-properties-extension-required-for-non-parameter-references',
  microsoftId: 'DynamicPropertiesExtensionRequiredForNonParameterReferences',
  description:
    '`x-ms-dynamic-schema` can only reference parameters; a reference to anything else (a body property) needs `x-ms-dynamic-properties`.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `x-ms-dynamic-properties` beside `x-ms-dynamic-schema` and reference the property by its path, starting with the body parameter name (`body/property`).',
  visit: {
    connector(_connector, ctx) {
      reportLegacyReferences(
        ctx,
        'x-ms-dynamic-schema',
        'non-parameter',
        (name, source) =>
          `The \`x-ms-dynamic-schema\` extension references properties within parameters: \`${name}\` is not a parameter of operation \`${source.label}\`; you need to define the \`x-ms-dynamic-properties\` extension.`,
      );
    },
  },
});
