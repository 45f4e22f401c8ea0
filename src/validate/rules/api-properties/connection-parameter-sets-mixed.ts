import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'connection-parameter-sets-mixed',
  description:
    '`connectionParameterSets` replaces `connectionParameters`; the two should not both be filled.',
  category: 'api-properties',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  fix: 'Move the parameters into the sets that need them and leave `connectionParameters` empty (`{}`).',
  visit: {
    connector(c, ctx) {
      const { parameterSets, connectionParameters } = c.properties;
      if (parameterSets.length === 0 || connectionParameters.length === 0) return;
      ctx.report({
        message: `\`connectionParameters\` (${connectionParameters.map((p) => `\`${p.name}\``).join(', ')}) is filled although \`connectionParameterSets\` defines the connection; with multiple authentication types only the chosen set's parameters are used.`,
        at: { file: 'apiProperties', pointer: '/properties/connectionParameters' },
      });
    },
  },
});
