import { isObject, own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { dynamicSites, siteLabel } from '../../helpers/dynamic-calls.ts';
import { ALL, defineRule } from '../../rule.ts';

const SOURCES = ['operationId', 'builtInOperation', 'capability'] as const;

export default defineRule({
  id: 'dynamic-values-operation-required',
  microsoftId: 'OneOfPropertiesRequired',
  description:
    '`x-ms-dynamic-values` must say where the values come from: `operationId`, `builtInOperation` or `capability`.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `"operationId"` naming the operation that lists the values (or `builtInOperation` / `capability` for platform sources).',
  visit: {
    connector(connector, ctx) {
      for (const site of dynamicSites(connector)) {
        const values = own(site.holder, 'x-ms-dynamic-values');
        if (!isObject(values) || SOURCES.some((key) => own(values, key) !== undefined)) continue;
        ctx.report({
          message: `At least one of the properties is required in \`x-ms-dynamic-values\` of ${siteLabel(site)}: [${SOURCES.join(', ')}].`,
          at: join(site.pointer, 'x-ms-dynamic-values'),
        });
      }
    },
  },
});
