import { join } from '../../../connector/pointer.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const REVISION_SUFFIX = /_[Vv]\d+$/;

export default defineRule({
  id: 'operation-id-underscore',
  microsoftId: 'OperationIdSanitized',
  description:
    'Certification style: an `operationId` is PascalCase letters and digits; `_` only before a revision suffix (`_V2`).',
  category: 'operation',
  source: 'certification',
  severity: 'info',
  presets: CERTIFICATION,
  fix: 'Drop the underscores (`Tasks_List` → `ListTasks`); keep `_V2`-style revision suffixes.',
  visit: {
    operation(op, ctx) {
      const id = op.id;
      if (id === undefined || !id.replace(REVISION_SUFFIX, '').includes('_')) return;
      // Ids with other unsafe characters are reported by `operation-id-sanitized`.
      if (/[^A-Za-z0-9_]/.test(id)) return;
      ctx.report({
        message: `The operationId \`${id}\` contains \`_\`; certified connectors use PascalCase ids such as \`${pascal(id)}\`.`,
        at: join(op.pointer, 'operationId'),
      });
    },
  },
});

function pascal(id: string): string {
  const suffix = REVISION_SUFFIX.exec(id)?.[0] ?? '';
  const body = id.slice(0, id.length - suffix.length);
  return (
    body
      .split('_')
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('') + suffix
  );
}
