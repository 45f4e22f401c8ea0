import { scriptCoverage } from '../../helpers/script-coverage.ts';
import { ALL, defineRule } from '../../rule.ts';

const CODE_FILE = /\.csx?$/i;

export default defineRule({
  id: 'script-operations-without-script',
  description: '`scriptOperations` names operations for custom code, so the connector needs a `script.csx`.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Add the custom code as `script.csx`, or remove `scriptOperations`.',
  visit: {
    connector(c, ctx) {
      const coverage = scriptCoverage(c);
      if (c.files.script || coverage.operations.length === 0) return;
      const other = c.otherFiles.find((f) => CODE_FILE.test(f));
      ctx.report({
        message: other
          ? `\`${coverage.source}\` lists operations for custom code, but the code is in \`${other}\`; only \`script.csx\` is uploaded.`
          : `\`${coverage.source}\` lists operations for custom code, but the connector has no \`script.csx\`.`,
        at: { file: 'apiProperties', pointer: coverage.pointer },
        fix: other ? `Rename \`${other}\` to \`script.csx\`.` : undefined,
      });
    },
  },
});
