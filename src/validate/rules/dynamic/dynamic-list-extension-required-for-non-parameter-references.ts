import { ALL, defineRule } from '../../rule.ts';
import { reportLegacyReferences } from './_legacy-references.ts';

export default defineRule({
  id: 'dynamic-list-extension-required-for-non-parameter-references',
  microsoftId: 'DynamicListExtensionRequiredForNonParameterReferences',
  description:
    '`x-ms-dynamic-values` can only reference parameters; a reference to anything else (a body property) needs `x-ms-dynamic-list`.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `x-ms-dynamic-list` beside `x-ms-dynamic-values` and reference the property by its path, starting with the body parameter name (`body/property`).',
  visit: {
    connector(_connector, ctx) {
      reportLegacyReferences(
        ctx,
        'x-ms-dynamic-values',
        'non-parameter',
        (name, source) =>
          `The \`x-ms-dynamic-values\` extension references properties within parameters: \`${name}\` is not a parameter of operation \`${source.label}\`; you need to define the \`x-ms-dynamic-list\` extension.`,
      );
    },
  },
});
