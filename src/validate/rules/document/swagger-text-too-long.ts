import { groupDigits } from '../../helpers/group-digits.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Dataverse stores the definition in the connector's `openapidefinition` column, at most 500,000 characters. */
export const MAX_SWAGGER_CHARACTERS = 500_000;

export default defineRule({
  id: 'swagger-text-too-long',
  description:
    'The swagger text should not exceed 500,000 characters, the size of the Dataverse column that stores it in a solution.',
  category: 'document',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  fix: 'Shorten the definition (shared `definitions` with `$ref`, shorter descriptions and examples, less indentation) so the connector can be added to a solution.',
  visit: {
    connector(c, ctx) {
      const text = c.files.swagger?.text;
      if (text === undefined || text.length <= MAX_SWAGGER_CHARACTERS) return;
      ctx.report({
        message: `The swagger text has ${groupDigits(text.length)} characters; a connector in a Dataverse solution can hold at most 500,000.`,
        at: { file: 'swagger', pointer: '' },
      });
    },
  },
});
