import { ALL, defineRule } from '../../rule.ts';
import { count, quoted } from './_names.ts';

const MARKDOWN = /\.md$/i;
const ZIP = /\.zip$/i;

export default defineRule({
  id: 'package-root-files',
  description: 'The submission zip holds exactly one Markdown file (`intro.md`) and exactly one package zip.',
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Put `intro.md` and the Package Deployer zip (`<name>.pdpkg.zip`, from `dotnet publish` of a `pac package init` project) side by side in the submission zip; `flowport package` writes it so.',
  visit: {
    certificationPackage(pkg, ctx) {
      const markdown = pkg.root.files.filter((f) => MARKDOWN.test(f));
      const zips = pkg.root.files.filter((f) => ZIP.test(f));
      const script = '(ConnectorPackageValidator: "should contain both intro.md and package zip file")';
      if (markdown.length === 0)
        ctx.report({
          message: `The submission zip has no \`intro.md\`; it must hold one beside the package zip ${script}.`,
        });
      else if (markdown.length > 1)
        ctx.report({
          message: `The submission zip holds ${count(markdown.length, 'Markdown file')}, ${quoted(markdown)}; it must hold exactly one, \`intro.md\`.`,
        });
      if (zips.length === 0)
        ctx.report({
          message: `The submission zip has no package zip; it must hold the Package Deployer zip (\`<name>.pdpkg.zip\`) beside \`intro.md\` ${script}.`,
        });
      else if (zips.length > 1)
        ctx.report({
          message: `The submission zip holds ${count(zips.length, 'zip')}, ${quoted(zips)}; it must hold exactly one, the package zip (flowport checked ${quoted([pkg.deployer?.path ?? ''])}).`,
        });
    },
  },
});
