import { escapeSegment } from '../../../connector/pointer.ts';
import { schemaUsage } from '../../helpers/schema-usage.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'definition-unused',
  description:
    'Every definition is used by some operation: a request body, a response or a webhook notification reaches it through `$ref`s.',
  category: 'schema',
  source: 'flowport',
  severity: 'info',
  presets: ALL,
  fix: 'Remove the definition, or `$ref` it from the request or response it describes.',
  visit: {
    connector(c, ctx) {
      const { definitions } = c.definition;
      const names = Object.keys(definitions);
      if (names.length === 0) return;
      const usage = schemaUsage(c);
      for (const name of names) {
        if (usage.output.has(name) || usage.input.has(name)) continue;
        ctx.report({
          message: `The definition \`${name}\` is used by no operation: no request body, response or notification reaches it.`,
          at: `/definitions/${escapeSegment(name)}`,
        });
      }
    },
  },
});
