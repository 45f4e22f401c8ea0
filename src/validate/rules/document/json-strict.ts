import { strictEdit } from '../../helpers/strict-json.ts';
import { ALL, defineRule } from '../../rule.ts';
import { reportParseIssues } from './json-syntax.ts';

export default defineRule({
  id: 'json-strict',
  description:
    'Connector JSON files should be strict JSON: no byte order mark, comments, trailing commas or raw control characters.',
  category: 'document',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fixable: true,
  fix: 'Remove the byte order mark, comments or trailing comma; escape control characters. The Power Platform tolerates these, but other tools (and `JSON.parse`) do not.',
  visit: {
    connector(_connector, ctx) {
      reportParseIssues(
        ctx,
        new Set(['bom', 'comment', 'trailing-comma', 'control-character']),
        '.',
        strictEdit,
      );
    },
  },
});
