import { own } from '../../../connector/json.ts';
import { isExtensionKey } from '../../helpers/path-template.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'path-item-empty',
  description: 'Every path must define at least one operation.',
  category: 'path',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fixable: true,
  fix: 'Add the operation (`get`, `post`, …) the path is for, or delete the path.',
  visit: {
    pathItem(item, ctx) {
      if (item.operations.length > 0 || isExtensionKey(item.path) || own(item.raw, '$ref') !== undefined)
        return;
      // Only a path item with nothing in it goes: parameters or notification content left without an
      // operation may be a method misspelt or moved, which a person should look at.
      ctx.report({
        message: `The path \`${item.path}\` defines no operation; empty operations aren't allowed.`,
        at: item.pointer,
        ...(Object.keys(item.raw).length === 0 && { edit: { pointer: item.pointer, remove: true } }),
      });
    },
  },
});
