import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-id-required',
  microsoftId: 'OperationIdRequired',
  description: 'Every operation must have an `operationId`.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add a unique PascalCase `operationId` such as `ListTasks`; flows refer to operations by it.',
  visit: {
    operation(op, ctx) {
      if (op.id === undefined || op.id.trim() === '') {
        ctx.report({ message: `Operation \`${op.label}\` has no \`operationId\`.`, at: op.pointer });
      }
    },
  },
});
