import type { Response } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

const hasSchema = (r: Response) => r.schema !== undefined && !r.status.startsWith('x-');

export default defineRule({
  id: 'operation-has-many-responses-with-schema',
  microsoftId: 'OperationHasManyResponsesWithSchema',
  description: 'Only one response of an operation should have a `schema`; the designer uses one.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Keep the schema on the success response and describe error responses without a `schema`.',
  visit: {
    operation(op, ctx) {
      let count = 0;
      for (const r of op.responses) if (hasSchema(r) && ++count === 2) break;
      if (count < 2) return;
      const withSchema = op.responses.filter(hasSchema);
      ctx.report({
        message: `The operation \`${op.label}\` has more than one response with a schema (${withSchema.map((r) => `\`${r.status}\``).join(', ')}); only one schema will be used in the designer.`,
        at: join(op.pointer, 'responses'),
      });
    },
  },
});
