import { isObject, own } from '../../../connector/json.ts';
import { describeType } from '../../helpers/describe-type.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'api-properties-root',
  description: '`apiProperties.json` must be an object with a `properties` object.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Wrap the settings in `{ "properties": { "iconBrandColor": "#rrggbb", … } }`.',
  visit: {
    connector(c, ctx) {
      const doc = c.documents.apiProperties;
      // An unreadable file is reported by the `json-*` rules.
      if (
        !doc ||
        doc.value === undefined ||
        doc.issues.some((i) => i.kind === 'syntax' || i.kind === 'empty')
      )
        return;
      const root = doc.value;
      if (!isObject(root)) {
        ctx.report({
          message: `\`apiProperties.json\` holds ${describeType(root)}; it must be an object with a \`properties\` object.`,
          at: { file: 'apiProperties', pointer: '' },
        });
        return;
      }
      const props = own(root, 'properties');
      if (props === undefined) {
        ctx.report({
          message: '`apiProperties.json` has no `properties` object.',
          at: { file: 'apiProperties', pointer: '' },
        });
      } else if (!isObject(props)) {
        ctx.report({
          message: `\`properties\` in \`apiProperties.json\` is ${describeType(props)}; it must be an object.`,
          at: { file: 'apiProperties', pointer: '/properties' },
        });
      }
    },
  },
});
