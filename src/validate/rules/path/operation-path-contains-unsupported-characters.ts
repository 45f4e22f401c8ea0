import { isExtensionKey } from '../../helpers/path-template.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-path-contains-unsupported-characters',
  microsoftId: 'OperationPathContainsUnsupportedCharacters',
  description: 'A path must not contain the wildcard character `*`.',
  category: 'path',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Replace the wildcard with a path parameter (`/files/{path}`) or URL-encode it as `%2A`.',
  visit: {
    pathItem(item, ctx) {
      if (isExtensionKey(item.path) || !item.path.includes('*')) return;
      ctx.report({
        message: `The path \`${item.path}\` cannot contain the wildcard character \`*\`.`,
        at: item.pointer,
      });
    },
  },
});
