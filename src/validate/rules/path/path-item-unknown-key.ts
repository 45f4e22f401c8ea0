import { HTTP_METHODS } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { isExtensionKey } from '../../helpers/path-template.ts';
import { ALL, defineRule } from '../../rule.ts';

const KNOWN: ReadonlySet<string> = new Set([...HTTP_METHODS, 'parameters', '$ref']);
const METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);

export default defineRule({
  id: 'path-item-unknown-key',
  microsoftId: 'AdditionalPropertyNotAllowed',
  description:
    'A path item holds only lower-case HTTP methods, `parameters`, `$ref` and `x-` extensions; anything else is ignored.',
  category: 'path',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Move the property into the operation it belongs to, or delete it.',
  visit: {
    pathItem(item, ctx) {
      for (const key of Object.keys(item.raw)) {
        if (KNOWN.has(key) || isExtensionKey(key)) continue;
        const method = key.toLowerCase();
        if (METHODS.has(method)) {
          ctx.report({
            message: `The path \`${item.path}\` has the key \`${key}\`; HTTP methods must be lower case, so this operation is ignored.`,
            at: join(item.pointer, key),
            fix: `Rename \`${key}\` to \`${method}\`.`,
          });
        } else {
          ctx.report({
            message: `The property \`${key}\` is not allowed in path \`${item.path}\` and must be removed.`,
            at: join(item.pointer, key),
          });
        }
      }
    },
  },
});
