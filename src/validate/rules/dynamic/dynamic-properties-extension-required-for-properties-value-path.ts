import { isObject, own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { dynamicSites, siteLabel } from '../../helpers/dynamic-calls.ts';
import { pathSegments } from '../../helpers/response-path.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'dynamic-properties-extension-required-for-properties-value-path',
  microsoftId: 'DynamicPropertiesExtensionRequiredForPropertiesValuePath',
  description:
    'When `x-ms-dynamic-schema.value-path` ends in `properties`, `x-ms-dynamic-properties` must point at the schema object.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `x-ms-dynamic-properties` with the same `operationId` and an `itemValuePath` equal to `value-path` without its `properties` ending.',
  visit: {
    connector(connector, ctx) {
      for (const site of dynamicSites(connector)) {
        const schema = own(site.holder, 'x-ms-dynamic-schema');
        const valuePath = isObject(schema) ? own(schema, 'value-path') : undefined;
        if (typeof valuePath !== 'string' || own(site.holder, 'x-ms-dynamic-properties') !== undefined)
          continue;
        if (pathSegments(valuePath).at(-1) !== 'properties') continue;
        ctx.report({
          message: `The \`x-ms-dynamic-schema\` extension property 'value-path' (\`${valuePath}\`) of ${siteLabel(site)} points to schema properties; define the \`x-ms-dynamic-properties\` extension, which points to the schema object.`,
          at: join(site.pointer, 'x-ms-dynamic-schema', 'value-path'),
        });
      }
    },
  },
});
