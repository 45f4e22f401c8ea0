import { isExtensionKey, templateVariables } from '../../helpers/path-template.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-path-variables-contain-defaults',
  microsoftId: 'OperationPathVariablesContainDefaults',
  description: 'Path template variables cannot set default values with `=`.',
  category: 'path',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Write the variable as `{name}` and put the default value in the path parameter’s `default`.',
  visit: {
    pathItem(item, ctx) {
      if (!item.path.includes('=') || isExtensionKey(item.path)) return;
      const variable = templateVariables(item.path).find((v) => v.includes('='));
      if (variable === undefined) return;
      const name = variable.slice(0, variable.indexOf('='));
      ctx.report({
        message: `The path template \`${item.path}\` sets a default value in \`{${variable}}\`; path template variables cannot set default values with character \`=\`.`,
        at: item.pointer,
        fix: `Use \`{${name}}\` and give the \`${name}\` parameter a \`default\`.`,
      });
    },
  },
});
