import { ALL, defineRule } from '../../rule.ts';
import { reportLegacyReferences } from './_legacy-references.ts';

export default defineRule({
  id: 'dynamic-list-extension-required-for-ambiguous-references',
  microsoftId: 'DynamicListExtensionRequiredForAmbiguousReferences',
  description:
    '`x-ms-dynamic-values` references a name that is both a parameter and a body property; add `x-ms-dynamic-list`.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `x-ms-dynamic-list` beside `x-ms-dynamic-values`, with `parameterReference` paths (`paramName` or `body/property`) that say which one you mean.',
  visit: {
    connector(_connector, ctx) {
      reportLegacyReferences(
        ctx,
        'x-ms-dynamic-values',
        'ambiguous',
        (name, source) =>
          `The \`x-ms-dynamic-values\` extension references ambiguous parameter references: \`${name}\` is both a parameter and a body property of operation \`${source.label}\`; you need to define the \`x-ms-dynamic-list\` extension.`,
      );
    },
  },
});
