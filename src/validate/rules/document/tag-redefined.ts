import { ownArray, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'tag-redefined',
  microsoftId: 'TagRedefined',
  description: 'The top-level `tags` list must not define the same tag name twice.',
  category: 'document',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Merge the two tag entries into one (keep one `description`).',
  visit: {
    connector(c, ctx) {
      const seen = new Set<string>();
      (ownArray(c.definition.raw, 'tags') ?? []).forEach((tag, i) => {
        const name = ownString(tag, 'name');
        if (name === undefined) return;
        if (seen.has(name))
          ctx.report({
            message: `The document defines tag \`${name}\` multiple times.`,
            at: join('/tags', i, 'name'),
          });
        seen.add(name);
      });
    },
  },
});
