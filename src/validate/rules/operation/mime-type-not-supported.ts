import type { JsonValue } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { effectiveMimeList, mimeVerdict, SUPPORTED_MIME_TYPES } from '../../helpers/mime-type.ts';
import { ALL, defineRule, type RuleContext } from '../../rule.ts';

const LIST = SUPPORTED_MIME_TYPES.map((m) => `\`${m}\``).join(', ');
const KEYS = ['consumes', 'produces'] as const;

function check(list: readonly JsonValue[], base: string, key: string, ctx: RuleContext): void {
  for (let i = 0; i < list.length; i++) {
    const value = list[i];
    if (typeof value !== 'string' || mimeVerdict(value) !== 'unsupported') continue;
    ctx.report({
      message: `The MIME type \`${value}\` in \`${key}\` is not supported; the supported MIME types are ${LIST}.`,
      at: join(base, key, i),
    });
  }
}

export default defineRule({
  id: 'mime-type-not-supported',
  microsoftId: 'MimeTypeNotSupported',
  description: `\`consumes\` and \`produces\` should list only supported MIME types (${SUPPORTED_MIME_TYPES.join(', ')}).`,
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: `Use one of ${LIST}; for files, declare a \`string\`/\`binary\` schema (or \`formData\` \`file\`) instead of a file MIME type.`,
  visit: {
    connector(connector, ctx) {
      // Each entry once, where it is written; the document's lists only when some operation inherits them.
      const root = connector.definition.raw;
      for (const key of KEYS) {
        let inherited: readonly JsonValue[] | undefined;
        for (const op of connector.operations) {
          const { list, local } = effectiveMimeList(root, op, key);
          if (local) check(list, op.pointer, key, ctx);
          else inherited = list;
        }
        if (inherited) check(inherited, '', key, ctx);
      }
    },
  },
});
