import { ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/** .NET-only syntax rewritten to an ECMAScript equivalent before compiling (the platform is .NET). */
const DOTNET_REWRITES: readonly [RegExp, string][] = [
  [/\(\?#[^)]*\)/g, ''], // (?#comment)
  [/\(\?[imnsx]+(?:-[imnsx]+)?\)|\(\?-[imnsx]+\)/g, ''], // inline options (?i) (?-i) (?ix-s)
  [/\(\?[imnsx]*(?:-[imnsx]*)?:/g, '(?:'], // scoped options (?i: … )
  [/\(\?>/g, '(?:'], // atomic group
  [/\(\?'([A-Za-z_]\w*)'/g, '(?<$1>'], // (?'name' … )
  [/\\k'([A-Za-z_]\w*)'/g, '\\k<$1>'],
  [/\\[AZz]/g, ''], // \A \Z \z anchors
  [/\\G/g, ''],
];
/** Constructs we cannot check in ECMAScript; such patterns get the benefit of the doubt. */
const DOTNET_ONLY = /\(\?\(|\[[^\]]*-\[|\\p\{Is/;

/** True when `pattern` compiles as a .NET regular expression, as far as we can tell without .NET. */
export function isValidPattern(pattern: string): boolean {
  if (compiles(pattern)) return true;
  if (DOTNET_ONLY.test(pattern)) return true;
  let rewritten = pattern;
  for (const [from, to] of DOTNET_REWRITES) rewritten = rewritten.replace(from, to);
  return compiles(rewritten);
}

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

export default defineRule({
  id: 'pattern-should-be-valid-regular-expression',
  microsoftId: 'PatternShouldBeValidRegularExpression',
  description: 'A `pattern` must be a valid regular expression.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Correct the regular expression (escape `\\` as `\\\\` inside JSON strings), or remove `pattern`.',
  visit: {
    schemaKeys: ['pattern'],
    schema(node, ctx) {
      const pattern = ownString(node.raw, 'pattern');
      if (pattern === undefined || isValidPattern(pattern)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has \`pattern\` \`${pattern.slice(0, 80)}\`, which should be a valid regular expression.`,
        at: join(node.pointer, 'pattern'),
      });
    },
  },
});
