import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { effectiveMimeList, mimeVerdict, SUPPORTED_MIME_TYPES } from '../../helpers/mime-type.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'consumes-missing',
  microsoftId: 'ConsumesMissing',
  description:
    'An operation with a `body` or `formData` parameter needs a supported MIME type in its effective `consumes`.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: `List the request content type in \`consumes\` (on the operation or at the document root): one of ${SUPPORTED_MIME_TYPES.map((m) => `\`${m}\``).join(', ')}.`,
  fixable: true,
  visit: {
    operation(op, ctx) {
      const input = op.parameters.find((p) => p.in === 'body' || p.in === 'formData');
      if (!input) return;
      const { list } = effectiveMimeList(ctx.connector.definition.raw, op, 'consumes');
      if (list.some((m) => typeof m === 'string' && mimeVerdict(m) === 'supported')) return;
      const suggestion = input.in === 'body' ? 'application/json' : 'multipart/form-data';
      ctx.report({
        message: `At least one supported MIME type must be provided in \`consumes\` for operation \`${op.label}\`, which has ${input.name ? `the \`${input.in}\` parameter \`${input.name}\`` : `a \`${input.in}\` parameter`}.`,
        at: own(op.raw, 'consumes') !== undefined ? join(op.pointer, 'consumes') : op.pointer,
        fix: `Add \`"consumes": ["${suggestion}"]\` to the operation.`,
        // Added where there is none; a list with only unsupported types needs a person to choose.
        ...(own(op.raw, 'consumes') === undefined && {
          edit: { pointer: join(op.pointer, 'consumes'), value: [suggestion] },
        }),
      });
    },
  },
});
