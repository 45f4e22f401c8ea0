import { isObject, own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { dynamicSites, siteLabel } from '../../helpers/dynamic-calls.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'dynamic-tree-extension-missing',
  microsoftId: 'DynamicTreeExtensionMissing',
  description: 'A parameter using the `file-picker` capability must also define `x-ms-dynamic-tree`.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `x-ms-dynamic-tree` with `settings`, `open` (root items) and `browse` (children of the selected item) next to `x-ms-dynamic-values`.',
  visit: {
    connector(connector, ctx) {
      for (const site of dynamicSites(connector)) {
        const values = own(site.holder, 'x-ms-dynamic-values');
        if (!isObject(values) || own(values, 'capability') !== 'file-picker') continue;
        if (own(site.holder, 'x-ms-dynamic-tree') !== undefined) continue;
        ctx.report({
          message: `The \`x-ms-dynamic-tree\` extension must be defined to enable file picker support for ${siteLabel(site)}.`,
          at: join(site.pointer, 'x-ms-dynamic-values', 'capability'),
        });
      }
    },
  },
});
