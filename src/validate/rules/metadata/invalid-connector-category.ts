import { join } from '../../../connector/pointer.ts';
import { CONNECTOR_CATEGORIES, metadataEntries, parseCategories } from '../../helpers/connector-metadata.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'invalid-connector-category',
  microsoftId: 'InvalidConnectorCategory',
  description: 'Each category in the `Categories` metadata must be one of the 19 connector categories.',
  category: 'metadata',
  source: 'microsoft-validator',
  severity: 'error',
  presets: CERTIFICATION,
  fix: `Pick one or two of: ${CONNECTOR_CATEGORIES.join(', ')}; separate them with \`;\`.`,
  visit: {
    connector(c, ctx) {
      const item = metadataEntries(c).get('Categories')?.item;
      if (!item || item.propertyValue === undefined) return;
      const pointer = join(item.pointer, 'propertyValue');
      const tokens = parseCategories(item.propertyValue);
      if (tokens.length === 0) {
        ctx.report({
          message: 'The `Categories` metadata lists no category; the connector category is invalid.',
          at: pointer,
        });
        return;
      }
      for (const { text, canonical } of tokens) {
        if (!canonical)
          ctx.report({ message: `The connector category \`${text}\` is invalid.`, at: pointer });
      }
    },
  },
});
