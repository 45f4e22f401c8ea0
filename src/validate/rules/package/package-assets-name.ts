import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'package-assets-name',
  description: "The package zip's one folder is named `PkgAssets`, as Package Deployer projects name it.",
  category: 'package',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  fix: 'Rename the folder to `PkgAssets`, or build the package with `pac package init`, which names it so.',
  visit: {
    certificationPackage(pkg, ctx) {
      const folders = pkg.deployer?.level?.folders;
      if (folders?.length !== 1 || folders[0] === 'PkgAssets') return;
      ctx.report({
        message: `The folder of \`${pkg.deployer?.path}\` is \`${folders[0]}/\`; name it \`PkgAssets/\` (ConnectorPackageValidator: "should contain a folder ideally named 'PkgAssets'").`,
      });
    },
  },
});
