import { join } from '../../../connector/pointer.ts';
import { isAbsoluteHttpUrl } from '../../helpers/absolute-url.ts';
import { metadataEntries } from '../../helpers/connector-metadata.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'connector-metadata-url-not-valid',
  microsoftId: 'UrlNotValid',
  description:
    'The `Website` and `Privacy policy` entries of `x-ms-connector-metadata` must be absolute http(s) URLs.',
  category: 'metadata',
  source: 'certification',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Write the full address including `https://`; the connector’s page in the catalogue links to it.',
  visit: {
    connector(c, ctx) {
      const found = metadataEntries(c);
      for (const name of ['Website', 'Privacy policy'] as const) {
        const item = found.get(name)?.item;
        const value = item?.propertyValue;
        if (!item || value === undefined || isAbsoluteHttpUrl(value.trim())) continue;
        ctx.report({
          message: `The connector metadata \`${name}\` value \`${value}\` must be a valid absolute URL.`,
          at: join(item.pointer, 'propertyValue'),
        });
      }
    },
  },
});
