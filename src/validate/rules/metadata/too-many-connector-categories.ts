import { join } from '../../../connector/pointer.ts';
import { metadataEntries, parseCategories } from '../../helpers/connector-metadata.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export const MAX_CATEGORIES = 2;

export default defineRule({
  id: 'too-many-connector-categories',
  microsoftId: 'TooManyConnectorCategories',
  description: 'The `Categories` metadata may list at most two categories.',
  category: 'metadata',
  source: 'microsoft-validator',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Keep the one or two categories that describe the service best.',
  visit: {
    connector(c, ctx) {
      const item = metadataEntries(c).get('Categories')?.item;
      if (!item || item.propertyValue === undefined) return;
      const n = parseCategories(item.propertyValue).length;
      if (n <= MAX_CATEGORIES) return;
      ctx.report({
        message: `The \`Categories\` metadata lists ${n} categories; the maximum allowed number of categories is ${MAX_CATEGORIES}.`,
        at: join(item.pointer, 'propertyValue'),
      });
    },
  },
});
