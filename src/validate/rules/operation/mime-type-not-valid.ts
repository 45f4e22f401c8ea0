import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { mimeVerdict } from '../../helpers/mime-type.ts';
import { ALL, defineRule, type RuleContext } from '../../rule.ts';

const KEYS = ['consumes', 'produces'] as const;

function check(list: unknown, pointer: string, key: string, ctx: RuleContext): void {
  if (!Array.isArray(list)) return;
  list.forEach((value, i) => {
    if (typeof value !== 'string' || mimeVerdict(value) !== 'invalid') return;
    ctx.report({
      message: `The MIME type \`${value}\` in \`${key}\` is not valid; write it as \`type/subtype\`, e.g. \`application/json\`.`,
      at: join(pointer, key, i),
    });
  });
}

export default defineRule({
  id: 'mime-type-not-valid',
  microsoftId: 'MimeTypeNotValid',
  description: 'Entries of `consumes` and `produces` must be well-formed MIME types (`type/subtype`).',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Write the media type as `type/subtype` with optional `; name=value` parameters, e.g. `application/json`.',
  visit: {
    connector(connector, ctx) {
      const root = connector.definition.raw;
      for (const key of KEYS) check(own(root, key), '', key, ctx);
    },
    operation(op, ctx) {
      for (const key of KEYS) check(own(op.raw, key), op.pointer, key, ctx);
    },
  },
});
