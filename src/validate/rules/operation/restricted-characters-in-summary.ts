import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

/** The characters Microsoft's validator rejects in operation summaries (`[/\<>*%&?]`). */
export const RESTRICTED_SUMMARY_CHARACTERS = '/\\<>*%&?';
const RESTRICTED = /[/\\<>*%&?]/g;

export default defineRule({
  id: 'restricted-characters-in-summary',
  microsoftId: 'RestrictedCharactersInSummary',
  description: `An operation \`summary\` must not contain any of \`${RESTRICTED_SUMMARY_CHARACTERS}\`.`,
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presetSeverity: { recommended: 'warning' },
  presets: ALL,
  fix: 'Rephrase without the character: "Create or update item" instead of "Create/update item", "and" instead of "&".',
  visit: {
    operation(op, ctx) {
      const found = op.summary?.match(RESTRICTED);
      if (!found) return;
      const chars = [...new Set(found)].map((c) => `\`${c}\``).join(', ');
      ctx.report({
        message: `The \`summary\` of operation \`${op.label}\` contains the restricted character${found.length > 1 ? 's' : ''} ${chars}; summaries must not contain any of \`${RESTRICTED_SUMMARY_CHARACTERS}\`.`,
        at: join(op.pointer, 'summary'),
      });
    },
  },
});
