import { join } from '../../../connector/pointer.ts';
import { metadataEntries, parseCategories, respellCategories } from '../../helpers/connector-metadata.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'connector-metadata-casing',
  description:
    '`x-ms-connector-metadata` names (`Privacy policy`) and categories (`Social Media`) should be spelled with the documented casing.',
  category: 'metadata',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fixable: true,
  fix: 'Use the exact spelling of the certification docs: `Website`, `Privacy policy`, `Categories`, and category names such as `Content and Files`.',
  visit: {
    connector(c, ctx) {
      for (const [name, { item, exact }] of metadataEntries(c)) {
        if (!exact) {
          const at = join(item.pointer, 'propertyName');
          ctx.report({
            message: `The connector metadata name \`${item.propertyName}\` should be spelled \`${name}\`.`,
            at,
            edit: { pointer: at, value: name },
          });
        }
        if (name !== 'Categories' || item.propertyValue === undefined) continue;
        const categories = parseCategories(item.propertyValue);
        if (!categories.some(({ text, canonical }) => canonical && canonical !== text)) continue;
        // Every finding of the value carries the whole value respelled: one change fixes them all.
        const at = join(item.pointer, 'propertyValue');
        const value = respellCategories(item.propertyValue);
        for (const { text, canonical } of categories) {
          if (canonical && canonical !== text)
            ctx.report({
              message: `The connector category \`${text}\` should be spelled \`${canonical}\`.`,
              at,
              edit: { pointer: at, value },
            });
        }
      }
    },
  },
});
