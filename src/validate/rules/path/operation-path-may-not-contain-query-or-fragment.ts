import { isExtensionKey } from '../../helpers/path-template.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-path-may-not-contain-query-or-fragment',
  microsoftId: 'OperationPathMayNotContainQueryOrFragment',
  description: 'A path must not contain a query part (`?`) or a fragment identifier (`#`).',
  category: 'path',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Declare query values as `in: query` parameters (with a `default` and `x-ms-visibility: internal` for fixed values), or URL-encode the character (`%3F`, `%23`).',
  visit: {
    pathItem(item, ctx) {
      if (isExtensionKey(item.path)) return;
      const found = item.path.includes('?') ? '?' : item.path.includes('#') ? '#' : undefined;
      if (!found) return;
      ctx.report({
        message: `The path \`${item.path}\` is not valid; it must not contain a query part or fragment identifier (\`${found}\`).`,
        at: item.pointer,
      });
    },
  },
});
