import { own } from '../../../connector/json.ts';
import { parseHexColor } from '../../helpers/colors.ts';
import { describeType } from '../../helpers/describe-type.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'brand-color-required',
  description: '`properties.iconBrandColor` must be a hex colour such as `#da3b01`.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Set `iconBrandColor` to the background colour of the icon as `#rrggbb`.',
  visit: {
    connector(c, ctx) {
      const props = c.properties.properties;
      if (!props) return;
      const value = own(props, 'iconBrandColor');
      if (value === undefined) {
        const wrongCase = Object.keys(props).find((k) => k.toLowerCase() === 'iconbrandcolor');
        ctx.report({
          message: wrongCase
            ? `\`apiProperties.json\` spells \`iconBrandColor\` as \`${wrongCase}\`; the key is case-sensitive.`
            : '`apiProperties.json` has no `iconBrandColor`.',
          at: { file: 'apiProperties', pointer: wrongCase ? `/properties/${wrongCase}` : '/properties' },
          fix: wrongCase ? `Rename \`${wrongCase}\` to \`iconBrandColor\`.` : undefined,
        });
        return;
      }
      if (typeof value !== 'string') {
        ctx.report({
          message: `\`iconBrandColor\` is ${describeType(value)}; it must be a string such as \`#da3b01\`.`,
          at: { file: 'apiProperties', pointer: '/properties/iconBrandColor' },
        });
      } else if (!parseHexColor(value)) {
        ctx.report({
          message: `\`iconBrandColor\` \`${value}\` is not a hex colour of the form \`#rrggbb\`.`,
          at: { file: 'apiProperties', pointer: '/properties/iconBrandColor' },
        });
      }
    },
  },
});
