import { ALL, defineRule } from '../../rule.ts';
import { count, quoted } from './_names.ts';

export default defineRule({
  id: 'package-assets-folder',
  description: 'The package zip holds exactly one folder, `PkgAssets/`, with the solution zips.',
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Build the package zip with `pac package init`, `pac package add-solution` and `dotnet publish` (`flowport package --solution` runs them): it puts the solutions in `PkgAssets/`.',
  visit: {
    certificationPackage(pkg, ctx) {
      const level = pkg.deployer?.level;
      if (!level) return;
      const name = `\`${pkg.deployer?.path}\``;
      if (level.folders.length === 0)
        ctx.report({
          message: `${name} has no folder; it must hold the solution zips in one folder, \`PkgAssets/\` (ConnectorPackageValidator: "should contain a folder ideally named 'PkgAssets'").`,
        });
      else if (level.folders.length > 1)
        ctx.report({
          message: `${name} holds ${count(level.folders.length, 'folder')}, ${quoted(level.folders, '/')}; it must hold exactly one, \`PkgAssets/\`.`,
        });
    },
  },
});
