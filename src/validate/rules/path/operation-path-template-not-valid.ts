import { isExtensionKey, type TemplateProblem, templateProblem } from '../../helpers/path-template.ts';
import { ALL, defineRule } from '../../rule.ts';

const WHAT: Record<TemplateProblem['kind'], string> = {
  unclosed: 'a `{` is never closed',
  unopened: 'a `}` closes no variable',
  nested: 'a `{` opens inside another variable',
  'spans-segments': 'a variable spans more than one URL segment',
  'empty-variable': 'a variable has no name',
};

export default defineRule({
  id: 'operation-path-template-not-valid',
  microsoftId: 'OperationPathTemplateNotValid',
  description: 'Each `{variable}` of a path template must be closed, named and inside a single URL segment.',
  category: 'path',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Balance the braces so each variable sits within one segment (`/items/{id}`); URL-encode literal braces as `%7B` and `%7D`.',
  visit: {
    pathItem(item, ctx) {
      if (isExtensionKey(item.path)) return;
      const problem = templateProblem(item.path);
      if (!problem) return;
      ctx.report({
        message: `The path template \`${item.path}\` is not valid: ${WHAT[problem.kind]} (character ${problem.index + 1}); each variable enclosed by \`{\` and \`}\` must be contained within a single URL segment.`,
        at: item.pointer,
      });
    },
  },
});
