import { duplicateKeySuggestion } from '../../helpers/duplicate-key-suggestion.ts';
import { ALL, defineRule } from '../../rule.ts';
import { reportParseIssues } from './json-syntax.ts';

export default defineRule({
  id: 'json-duplicate-key',
  description: 'An object must not define the same property twice.',
  category: 'document',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Delete one of the two properties; today the last one silently wins.',
  visit: {
    connector(_connector, ctx) {
      reportParseIssues(ctx, new Set(['duplicate-key']), '.', undefined, duplicateKeySuggestion);
    },
  },
});
