import { connectorSolution } from '../../../package/model.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'package-connector-icon',
  description:
    "The connector solution's connector has its icon and brand colour (`<iconblob>`, `<iconbrandcolor>` in `customizations.xml`): certification takes them from the package.",
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: "Upload the icon and set the brand colour on the connector (the maker portal's General tab, or `paconn update`/`pac connector update` with `icon.png` and `iconBrandColor`), then export the solution again.",
  visit: {
    certificationPackage(pkg, ctx) {
      const solution = connectorSolution(pkg);
      const parts = solution?.content?.connectorParts;
      if (!solution || !parts) return;
      const missing = [
        ...(parts.iconFile === undefined ? ['icon (`<iconblob>`)'] : []),
        ...(parts.iconBrandColor === undefined ? ['brand colour (`<iconbrandcolor>`)'] : []),
      ];
      if (missing.length === 0) return;
      ctx.report({
        message: `The connector of \`${solution.path}\` has no ${missing.join(' and no ')} in its \`customizations.xml\`; a certified connector's icon and brand colour come from the package.`,
      });
    },
  },
});
