import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { describeValue } from '../../helpers/describe-value.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/**
 * `collectionFormat` values accepted, per location. Microsoft does not list the values its validator
 * supports; we accept what its own schema for connector definitions (PowerPlatformConnectors
 * `schemas/apiDefinition.swagger.schema.json`) allows: `csv`, `ssv`, `tsv`, `pipes`, and `multi` for
 * `query` and `formData` only (Swagger 2.0 semantics). Certified connectors use only `csv`.
 */
export const SUPPORTED_COLLECTION_FORMATS: Readonly<Record<string, readonly string[]>> = {
  path: ['csv', 'ssv', 'tsv', 'pipes'],
  header: ['csv', 'ssv', 'tsv', 'pipes'],
  query: ['csv', 'ssv', 'tsv', 'pipes', 'multi'],
  formData: ['csv', 'ssv', 'tsv', 'pipes', 'multi'],
};

function supported(location: string): readonly string[] | undefined {
  return Object.hasOwn(SUPPORTED_COLLECTION_FORMATS, location)
    ? SUPPORTED_COLLECTION_FORMATS[location]
    : undefined;
}

export default defineRule({
  id: 'collection-format-value-not-supported',
  microsoftId: 'CollectionFormatValueNotSupported',
  description:
    '`collectionFormat` must be `csv`, `ssv`, `tsv` or `pipes`, or `multi` on `query` and `formData` parameters.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use `csv` (the default, comma-separated) unless the API needs another separator; `multi` (repeat the key) works in `query` and `formData` only.',
  visit: {
    parameter(p, ctx) {
      const value = own(p.raw, 'collectionFormat');
      const allowed = supported(p.in);
      if (value === undefined || !allowed || (typeof value === 'string' && allowed.includes(value))) return;
      ctx.report({
        message: `The \`collectionFormat\` keyword value ${describeValue(value)} of ${parameterLabel(p, ctx.connector, false)} is not supported in \`${p.in}\`; use one of ${allowed.map((v) => `\`${v}\``).join(', ')}.`,
        at: join(p.pointer, 'collectionFormat'),
      });
    },
  },
});
