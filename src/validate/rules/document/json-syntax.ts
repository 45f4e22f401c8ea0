import type { ParseIssue } from '../../../connector/json-document.ts';
import { ALL, defineRule, type Edit, type RuleContext, type Suggestion } from '../../rule.ts';

const FILES = ['swagger', 'apiProperties', 'settings'] as const;

/** Reports the parse issues of the given kinds in every JSON file of the connector. */
export function reportParseIssues(
  ctx: RuleContext,
  kinds: ReadonlySet<ParseIssue['kind']>,
  suffix: string,
  editOf?: (issue: ParseIssue, text: string) => Edit | undefined,
  suggestionOf?: (issue: ParseIssue, text: string) => Suggestion | undefined,
): void {
  for (const file of FILES) {
    const doc = ctx.connector.documents[file];
    if (!doc) continue;
    for (const issue of doc.issues) {
      if (!kinds.has(issue.kind)) continue;
      const { line, column } = doc.position(issue.offset);
      const edit = editOf?.(issue, doc.text);
      const suggestion = suggestionOf?.(issue, doc.text);
      ctx.report({
        message: `${issue.message}${suffix}`,
        at: { file, line, column, length: issue.length },
        ...(edit && { edit }),
        ...(suggestion && { suggestion }),
      });
    }
  }
}

export default defineRule({
  id: 'json-syntax',
  description: 'Connector JSON files must be well-formed JSON.',
  category: 'document',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Correct the JSON at the reported line and column; flowport read what it could, but the Power Platform will reject the file.',
  visit: {
    connector(_connector, ctx) {
      reportParseIssues(ctx, new Set(['syntax', 'empty']), '.');
    },
  },
});
