import type { Operation } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

// `_` is left to `operation-id-underscore`: Microsoft's own revision ids (`GetItems_V2`) use it.
const UNSAFE = /[^A-Za-z0-9_]/g;
const HAS_UNSAFE = /[^A-Za-z0-9_]/;

const sanitize = (id: string) => (id.includes('_') ? id.replaceAll('_', '') : id);

export default defineRule({
  id: 'operation-id-sanitized',
  microsoftId: 'OperationIdSanitized',
  description:
    'An `operationId` should use only letters, digits and `_`, and must stay unique once sanitized to letters and digits.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Write the `operationId` in PascalCase from letters and digits (`GetInvoice`); Power Apps exposes operations under the sanitized name.',
  visit: {
    connector(connector, ctx) {
      // Ids of letters, digits and `_`, by their sanitized form, to find ones that collide once `_` is dropped.
      const bySanitized = new Map<string, Operation>();
      for (const op of connector.operations) {
        const id = op.id;
        if (id === undefined || id.trim() === '') continue;
        if (HAS_UNSAFE.test(id)) {
          const sanitized = id.replace(UNSAFE, '');
          ctx.report({
            message: `The operationId \`${id}\` is different from its sanitized value \`${sanitized}\`; avoid non-alphanumeric characters.`,
            at: join(op.pointer, 'operationId'),
            fix: sanitized ? `Rename the operation to \`${sanitized}\`.` : undefined,
          });
          continue;
        }
        const key = sanitize(id).toLowerCase();
        const twin = bySanitized.get(key);
        if (!twin) bySanitized.set(key, op);
        else if (twin.id !== id && (id.includes('_') || twin.id?.includes('_'))) {
          ctx.report({
            message: `The operationId \`${id}\` becomes \`${sanitize(id)}\` once sanitized, the same name as operation \`${twin.id}\`.`,
            at: join(op.pointer, 'operationId'),
          });
        }
      }
    },
  },
});
