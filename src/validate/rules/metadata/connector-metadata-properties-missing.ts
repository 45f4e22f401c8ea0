import { metadataEntries, REQUIRED_METADATA } from '../../helpers/connector-metadata.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const EXAMPLES: Record<(typeof REQUIRED_METADATA)[number], string> = {
  Website: 'https://contoso.com',
  'Privacy policy': 'https://contoso.com/privacy',
  Categories: 'Productivity;Collaboration',
};

export default defineRule({
  id: 'connector-metadata-properties-missing',
  microsoftId: 'ConnectorMetadataPropertiesMissing',
  description: '`x-ms-connector-metadata` must have `Website`, `Privacy policy` and `Categories` entries.',
  category: 'metadata',
  source: 'microsoft-validator',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Add an item `{ "propertyName": "<name>", "propertyValue": "<value>" }` for each missing entry.',
  visit: {
    connector(c, ctx) {
      if (c.definition.connectorMetadata === undefined) return;
      const found = metadataEntries(c);
      for (const name of REQUIRED_METADATA) {
        if (found.has(name)) continue;
        ctx.report({
          message: `The connector metadata property \`${name}\` is required.`,
          at: '/x-ms-connector-metadata',
          fix: `Add \`{ "propertyName": "${name}", "propertyValue": "${EXAMPLES[name]}" }\` to \`x-ms-connector-metadata\`.`,
        });
      }
    },
  },
});
