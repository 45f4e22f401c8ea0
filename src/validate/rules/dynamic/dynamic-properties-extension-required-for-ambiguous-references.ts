import { ALL, defineRule } from '../../rule.ts';
import { reportLegacyReferences } from './_legacy-references.ts';

export default defineRule({
  id: 'dynamic-properties-extension-required-for-ambiguous-references',
  microsoftId: 'DynamicPropertiesExtensionRequiredForAmbiguousReferences',
  description:
    '`x-ms-dynamic-schema` references a name that is both a parameter and a body property; add `x-ms-dynamic-properties`.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `x-ms-dynamic-properties` beside `x-ms-dynamic-schema`, with `parameterReference` paths (`paramName` or `body/property`) that say which one you mean.',
  visit: {
    connector(_connector, ctx) {
      reportLegacyReferences(
        ctx,
        'x-ms-dynamic-schema',
        'ambiguous',
        (name, source) =>
          `The \`x-ms-dynamic-schema\` extension references ambiguous parameter references: \`${name}\` is both a parameter and a body property of operation \`${source.label}\`; you need to define the \`x-ms-dynamic-properties\` extension.`,
      );
    },
  },
});
