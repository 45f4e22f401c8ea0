import { ALL, defineRule } from '../../rule.ts';
import { quoted } from './_names.ts';

export default defineRule({
  id: 'package-root-folder',
  description: 'The submission zip holds no folder: only `intro.md` and the package zip, at its top.',
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Zip the two files themselves, not the folder that holds them.',
  visit: {
    certificationPackage(pkg, ctx) {
      const { folders } = pkg.root;
      if (folders.length === 0) return;
      ctx.report({
        message: `The submission zip holds ${folders.length === 1 ? 'the folder' : 'the folders'} ${quoted(folders, '/')}; it must hold no folder, only \`intro.md\` and the package zip (ConnectorPackageValidator: "should not contain any folder inside").`,
      });
    },
  },
});
