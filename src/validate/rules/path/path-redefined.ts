import type { PathItem } from '../../../connector/model.ts';
import { isExtensionKey } from '../../helpers/path-template.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'path-redefined',
  microsoftId: 'PathRedefined',
  description: 'Paths must be unique when compared case-insensitively.',
  category: 'path',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Merge the operations of both spellings under one path key.',
  visit: {
    connector(connector, ctx) {
      const first = new Map<string, PathItem>();
      for (const item of connector.definition.paths) {
        if (isExtensionKey(item.path)) continue;
        const key = item.path.toLowerCase();
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, item);
          continue;
        }
        ctx.report({
          message: `The path \`${item.path}\` is defined multiple times with different capitalization (\`${earlier.path}\`); paths must be unique when compared case-insensitively.`,
          at: item.pointer,
        });
      }
    },
  },
});
