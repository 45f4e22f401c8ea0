import { ALL, defineRule } from '../../rule.ts';
import { count, quoted } from './_names.ts';

export default defineRule({
  id: 'package-solution-count',
  description:
    '`PkgAssets/` holds exactly two solution zips, the connector and the flow solution; three, with the plugin solution, for an AI plugin connector.',
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Export the connector solution and a solution with the connector and a flow using it (`pac solution export`), and add both with `pac package add-solution`.',
  visit: {
    certificationPackage(pkg, ctx) {
      const assets = pkg.assets;
      if (!assets) return;
      const zips = pkg.solutions.map((s) => s.path.slice(assets.path.length));
      const wanted = pkg.plugin ? 3 : 2;
      if (zips.length === wanted) return;
      if (zips.length === 0)
        ctx.report({
          message: `\`${assets.path}\` holds no solution zip; it needs the connector solution and the flow solution (ConnectorPackageValidator: "does not contain solution zip files").`,
        });
      else if (pkg.plugin)
        ctx.report({
          message: `\`${assets.path}\` holds ${count(zips.length, 'solution zip')}, ${quoted(zips)}; an AI plugin connector needs three: the connector, the flow and the plugin solution (ConnectorPackageValidator: "Please have all the three solution zip files as this is a plugin connector.").`,
        });
      else
        ctx.report({
          message: `\`${assets.path}\` holds ${count(zips.length, 'solution zip')}, ${quoted(zips)}; it needs exactly two, the connector solution and the flow solution (ConnectorPackageValidator: "should contain only connector and flow solution zip files").`,
        });
    },
  },
});
