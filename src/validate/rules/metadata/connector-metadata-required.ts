import { own } from '../../../connector/json.ts';
import { swaggerUnreliable } from '../../helpers/swagger-root.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'connector-metadata-required',
  microsoftId: 'RequiredPropertyMissing',
  description:
    'Certification needs the top-level `x-ms-connector-metadata` array (website, privacy policy, categories).',
  category: 'metadata',
  source: 'microsoft-validator',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Add `"x-ms-connector-metadata": [{ "propertyName": "Website", "propertyValue": "https://…" }, { "propertyName": "Privacy policy", "propertyValue": "https://…" }, { "propertyName": "Categories", "propertyValue": "Productivity;Collaboration" }]` at the top level.',
  visit: {
    connector(c, ctx) {
      const root = c.definition.raw;
      if (!root || swaggerUnreliable(c)) return;
      if (own(root, 'x-ms-connector-metadata') === undefined)
        ctx.report({ message: 'The `x-ms-connector-metadata` property is required.' });
    },
  },
});
