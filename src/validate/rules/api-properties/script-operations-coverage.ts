import { scriptCoverage } from '../../helpers/script-coverage.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'script-operations-coverage',
  description:
    'Says which operations the custom code runs for: all of them when `scriptOperations` is empty or missing.',
  category: 'api-properties',
  source: 'certification',
  severity: 'info',
  presets: ALL,
  fix: 'List the operations the script handles in `scriptOperations` so the others skip it (faster, fewer failure points).',
  visit: {
    connector(c, ctx) {
      if (!c.files.script || c.operations.length === 0) return;
      const coverage = scriptCoverage(c);
      const listed = new Set(coverage.operations.map((o) => o.id));
      const at = { file: 'apiProperties', pointer: coverage.pointer } as const;
      if (listed.size === 0) {
        ctx.report({
          message:
            coverage.source === 'none'
              ? `\`apiProperties.json\` has no \`scriptOperations\`, so \`script.csx\` runs for every operation (${c.operations.length}).`
              : `\`${coverage.source}\` is empty, so \`script.csx\` runs for every operation (${c.operations.length}).`,
          at,
        });
        return;
      }
      const bypass = c.operations.filter((op) => op.id === undefined || !listed.has(op.id));
      if (bypass.length === 0) return;
      const names = bypass.slice(0, 5).map((op) => `\`${op.label}\``);
      if (bypass.length > 5) names.push(`${bypass.length - 5} more`);
      ctx.report({
        message: `\`script.csx\` runs for ${c.operations.length - bypass.length} of ${c.operations.length} operations; ${names.join(', ')} go straight to the backend.`,
        at,
        fix: 'Nothing to do if that is intended; otherwise add the operations to `scriptOperations`.',
      });
    },
  },
});
