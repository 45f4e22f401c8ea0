import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'readme-missing',
  description: 'A connector submitted for certification needs a `readme.md`.',
  category: 'readme',
  source: 'certification',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Add `readme.md` from the repository template (Publisher, Prerequisites, Supported Operations, Obtaining Credentials, Known Issues and Limitations).',
  visit: {
    connector(c, ctx) {
      if (c.files.readme || c.sourceType === 'file') return;
      // A certification package (zip) carries `intro.md` instead of the repository's readme.
      if (c.sourceType === 'zip' && c.files.intro) return;
      ctx.report({ message: 'The connector has no `readme.md`.', at: { file: 'readme', line: 1 } });
    },
  },
});
