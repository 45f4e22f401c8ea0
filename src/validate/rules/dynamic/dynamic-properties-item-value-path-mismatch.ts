import { isObject, own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { dynamicSites, siteLabel } from '../../helpers/dynamic-calls.ts';
import { pathSegments } from '../../helpers/response-path.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'dynamic-properties-item-value-path-mismatch',
  microsoftId: 'DynamicPropertiesItemValuePathMismatch',
  description:
    '`x-ms-dynamic-properties.itemValuePath` must equal `x-ms-dynamic-schema.value-path` without a trailing `properties`.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Set `itemValuePath` to the path of the schema object: `value-path` minus a final `/properties` (omit it when nothing remains).',
  visit: {
    connector(connector, ctx) {
      for (const site of dynamicSites(connector)) {
        const schema = own(site.holder, 'x-ms-dynamic-schema');
        const properties = own(site.holder, 'x-ms-dynamic-properties');
        if (!isObject(schema) || !isObject(properties)) continue;
        const valuePath = own(schema, 'value-path');
        // Without `value-path` the two extensions describe the response differently; nothing to compare.
        if (typeof valuePath !== 'string') continue;
        const itemValuePath = own(properties, 'itemValuePath');
        const segments = pathSegments(valuePath);
        if (segments.at(-1) === 'properties') segments.pop();
        const expected = segments.join('/');
        const actual = typeof itemValuePath === 'string' ? pathSegments(itemValuePath).join('/') : '';
        if (itemValuePath !== undefined && typeof itemValuePath !== 'string') continue;
        if (actual === expected) continue;
        const at = join(site.pointer, 'x-ms-dynamic-properties');
        ctx.report({
          message: `The \`x-ms-dynamic-properties\` extension of ${siteLabel(site)} should have the same item value path as \`x-ms-dynamic-schema\` without 'properties' ending; the expected path is ${expected === '' ? 'empty (omit `itemValuePath`)' : `\`${expected}\``}.`,
          at: itemValuePath === undefined ? at : join(at, 'itemValuePath'),
        });
      }
    },
  },
});
