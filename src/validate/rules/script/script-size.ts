import { ALL, defineRule } from '../../rule.ts';

/** 1 MB, the documented limit for custom code. */
const MAX_BYTES = 1024 * 1024;

export default defineRule({
  id: 'script-size',
  description: '`script.csx` must not be larger than 1 MB.',
  category: 'script',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Move work to the backend or drop unused code; the platform refuses larger scripts.',
  visit: {
    connector(c, ctx) {
      const size = c.files.script?.bytes.length ?? 0;
      if (size <= MAX_BYTES) return;
      ctx.report({
        message: `\`script.csx\` is ${(size / MAX_BYTES).toFixed(2)} MB; custom code may be at most 1 MB.`,
        at: { file: 'script', line: 1 },
      });
    },
  },
});
