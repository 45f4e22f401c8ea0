import { join } from '../../../connector/pointer.ts';
import { metadataEntries, parseCategories } from '../../helpers/connector-metadata.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'connector-metadata-casing',
  description:
    '`x-ms-connector-metadata` names (`Privacy policy`) and categories (`Social Media`) should be spelled with the documented casing.',
  category: 'metadata',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Use the exact spelling of the certification docs: `Website`, `Privacy policy`, `Categories`, and category names such as `Content and Files`.',
  visit: {
    connector(c, ctx) {
      for (const [name, { item, exact }] of metadataEntries(c)) {
        if (!exact)
          ctx.report({
            message: `The connector metadata name \`${item.propertyName}\` should be spelled \`${name}\`.`,
            at: join(item.pointer, 'propertyName'),
          });
        if (name !== 'Categories' || item.propertyValue === undefined) continue;
        for (const { text, canonical } of parseCategories(item.propertyValue)) {
          if (canonical && canonical !== text)
            ctx.report({
              message: `The connector category \`${text}\` should be spelled \`${canonical}\`.`,
              at: join(item.pointer, 'propertyValue'),
            });
        }
      }
    },
  },
});
