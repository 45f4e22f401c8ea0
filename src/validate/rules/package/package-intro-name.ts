import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'package-intro-name',
  description: 'The Markdown file of the submission zip is named `intro.md`, as the certification docs ask.',
  category: 'package',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  fix: 'Rename the file to `intro.md`.',
  visit: {
    certificationPackage(pkg, ctx) {
      const intro = pkg.intro;
      if (!intro || intro.path === 'intro.md') return;
      ctx.report({
        message: `The submission's Markdown file is \`${intro.path}\`; name it \`intro.md\` (the package validator takes any \`.md\` name, the certification docs ask for \`intro.md\`).`,
      });
    },
  },
});
