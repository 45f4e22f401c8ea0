import { ALL, defineRule } from '../../rule.ts';

const CODE_FILE = /\.(?:csx|cs)$/i;

export default defineRule({
  id: 'script-file-name',
  description: 'Custom code must be one file named `script.csx`; other `.cs`/`.csx` files are not uploaded.',
  category: 'script',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  fix: 'Put all custom code in one class in `script.csx` and delete other code files.',
  visit: {
    connector(c, ctx) {
      for (const name of c.otherFiles) {
        if (!CODE_FILE.test(name)) continue;
        ctx.report({
          message: c.files.script
            ? `\`${name}\` is a second custom-code file; a connector has one script, \`script.csx\`, and \`${name}\` is ignored.`
            : `Custom code in \`${name}\` is not picked up; paconn and the certification package only take \`script.csx\`.`,
          ...(c.files.script && { at: { file: 'script', line: 1 } }),
          fix: c.files.script ? undefined : `Rename \`${name}\` to \`script.csx\`.`,
        });
      }
    },
  },
});
