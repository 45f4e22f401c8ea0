import { isExtensionKey } from '../../helpers/path-template.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-path-must-start-with-slash',
  microsoftId: 'OperationPathMustStartWithSlash',
  description: 'Every key under `paths` must start with `/`.',
  category: 'path',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Start the path with `/`; the host and `basePath` are prepended to it.',
  visit: {
    pathItem(item, ctx) {
      if (item.path.startsWith('/') || isExtensionKey(item.path)) return;
      ctx.report({
        message: `The path \`${item.path}\` is not valid; it must start with a \`/\` character.`,
        at: item.pointer,
        fix: `Rename the path to \`/${item.path}\`.`,
      });
    },
  },
});
