import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'security-definitions-multiple',
  description:
    'A connector should have at most one security definition; several authentication types need `connectionParameterSets`.',
  category: 'security',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Keep the one definition the connection uses; offer several sign-in methods with `connectionParameterSets` in `apiProperties.json`.',
  visit: {
    connector(connector, ctx) {
      const defs = connector.definition.securityDefinitions;
      if (defs.length < 2) return;
      ctx.report({
        message: `The swagger has ${defs.length} security definitions (${defs.map((d) => `\`${d.name}\``).join(', ')}); a connection uses one authentication type.`,
        at: '/securityDefinitions',
      });
    },
  },
});
