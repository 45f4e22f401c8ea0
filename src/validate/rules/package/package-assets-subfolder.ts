import { ALL, defineRule } from '../../rule.ts';
import { quoted } from './_names.ts';

export default defineRule({
  id: 'package-assets-subfolder',
  description: '`PkgAssets/` holds no folder: its solution zips and files sit directly in it.',
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Move the solution zips out of the sub-folder into `PkgAssets/` itself.',
  visit: {
    certificationPackage(pkg, ctx) {
      const assets = pkg.assets;
      if (!assets || assets.folders.length === 0) return;
      ctx.report({
        message: `\`${assets.path}\` holds ${assets.folders.length === 1 ? 'the folder' : 'the folders'} ${quoted(assets.folders, '/')}; it must hold no folder (ConnectorPackageValidator: "should not contain any folder inside").`,
      });
    },
  },
});
