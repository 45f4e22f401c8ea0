import { type SolutionKind, solutionKind } from '../../../package/model.ts';
import { ALL, defineRule } from '../../rule.ts';

const WHAT: Record<SolutionKind, string> = {
  connector: 'the connector alone',
  flow: 'the connector and at least one flow using it',
  plugin: 'the connector and its AI plugin',
};

export default defineRule({
  id: 'package-solution-kinds',
  description:
    'The solutions are one connector solution and one flow solution (and one AI plugin solution for a plugin connector), as their `customizations.xml` declare them.',
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Export one solution with only the connector, and one with the connector and a cloud flow that uses it.',
  visit: {
    certificationPackage(pkg, ctx) {
      if (!pkg.assets) return;
      const kinds = new Map<SolutionKind, string[]>();
      for (const s of pkg.solutions) {
        if (!s.content) continue;
        const kind = solutionKind(s.content);
        if (kind) kinds.set(kind, [...(kinds.get(kind) ?? []), s.path]);
        else
          ctx.report({
            message: `\`${s.path}\` is no connector, flow or plugin solution: its \`customizations.xml\` declares ${declared(s.content)}.`,
          });
      }
      const wanted: SolutionKind[] = pkg.plugin ? ['connector', 'flow', 'plugin'] : ['connector', 'flow'];
      for (const kind of wanted) {
        const found = kinds.get(kind) ?? [];
        if (found.length === 0)
          ctx.report({
            message: `The package has no ${kind} solution, one with ${WHAT[kind]} (ConnectorPackageValidator: "${kind[0]?.toUpperCase()}${kind.slice(1)} solution … is invalid.").`,
          });
        else if (found.length > 1)
          ctx.report({
            message: `The package has ${found.length} ${kind} solutions, ${found.map((p) => `\`${p}\``).join(' and ')}; it needs one.`,
          });
      }
    },
  },
});

function declared(content: { connector: boolean; workflows: boolean; plugin: boolean }): string {
  if (!content.connector) return 'no `Connector` (every solution of the package carries the connector)';
  return 'both flows and an AI plugin (a flow solution has no plugin, a plugin solution no flows)';
}
