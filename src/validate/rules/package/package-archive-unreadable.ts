import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'package-archive-unreadable',
  description:
    "Every zip inside the submission can be opened, and every solution's `customizations.xml` is well-formed XML.",
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Build the zip again (`dotnet publish` for the package zip, `pac solution export` for a solution) instead of editing it by hand.',
  visit: {
    certificationPackage(pkg, ctx) {
      const { deployer } = pkg;
      if (deployer?.unreadable)
        ctx.report({ message: `\`${deployer.path}\` cannot be read: ${deployer.unreadable}.` });
      for (const s of pkg.solutions)
        if (s.unreadable) ctx.report({ message: `\`${s.path}\` cannot be read: ${s.unreadable}.` });
    },
  },
});
