import { ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/** A .NET or Java date format (`yyyy-MM-dd hh:mm:ss.fff`): its tokens, and none of a regular expression's syntax. */
const DATE_TOKENS = /yyyy|YYYY|\bMM\b.*\bdd\b|\bdd\b.*\bMM\b|\bHH:mm\b|\bhh:mm\b/;
const REGEX_SYNTAX = /[\\[\](){}*+?^$|]/;
/** A JavaScript regular expression literal: `/…/flags`. */
const LITERAL = /^\/(.+)\/([dgimsuvy]*)$/;

/** Why `pattern` reads as something other than a regular expression, or undefined. */
function misreading(pattern: string): string | undefined {
  if (DATE_TOKENS.test(pattern) && !REGEX_SYNTAX.test(pattern))
    return 'a date format, not a regular expression: as a regular expression it matches only text spelt like the format itself, so no date fits it';
  const literal = LITERAL.exec(pattern);
  // Slashes with flags, or around what starts or ends like a regular expression (`/(…)/`, `/^…$/`).
  if (literal && (literal[2] !== '' || /^[([^]|\$$/.test(literal[1] ?? '')))
    return `written as a JavaScript literal with slashes${literal[2] ? ` and flags (\`${literal[2]}\`)` : ''}: a \`pattern\` is the expression alone, and as written it asks for the slashes${literal[2] ? ' and the flags' : ''} themselves`;
  return undefined;
}

export default defineRule({
  id: 'pattern-looks-like-format-or-literal',
  description:
    'A `pattern` must be the body of a regular expression: not a date format (`yyyy-MM-dd`) nor a JavaScript literal (`/…/i`).',
  category: 'schema',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Write the regular expression alone (`^\\d{4}-\\d{2}-\\d{2}$`), or use `format` (`date`, `date-time`) and say the format in the description.',
  visit: {
    schemaKeys: ['pattern'],
    schema(node, ctx) {
      const pattern = ownString(node.raw, 'pattern');
      const why = pattern === undefined ? undefined : misreading(pattern);
      if (!why) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has \`pattern\` \`${(pattern as string).slice(0, 80)}\`, ${why}.`,
        at: join(node.pointer, 'pattern'),
      });
    },
  },
});
