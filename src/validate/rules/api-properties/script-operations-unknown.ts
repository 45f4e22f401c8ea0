import { own } from '../../../connector/json.ts';
import { describeType } from '../../helpers/describe-type.ts';
import { scriptCoverage } from '../../helpers/script-coverage.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'script-operations-unknown',
  description: '`scriptOperations` must be an array of operationIds of the swagger.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Correct the operationId (it is case-sensitive) or remove the entry.',
  visit: {
    connector(c, ctx) {
      const raw = own(c.properties.properties, 'scriptOperations');
      if (raw !== undefined && !Array.isArray(raw)) {
        ctx.report({
          message: `\`scriptOperations\` is ${describeType(raw)}; it must be an array of operationIds.`,
          at: { file: 'apiProperties', pointer: '/properties/scriptOperations' },
        });
        return;
      }
      if (!c.definition.raw) return;
      for (const { id, pointer } of scriptCoverage(c).operations) {
        if (c.operation(id)) continue;
        const meant = c.operations.find((op) => op.id?.toLowerCase() === id.toLowerCase())?.id;
        ctx.report({
          message: meant
            ? `\`scriptOperations\` lists \`${id}\`; the operationId is \`${meant}\` (case-sensitive).`
            : `\`scriptOperations\` lists \`${id}\`, which is not an operationId of the swagger.`,
          at: { file: 'apiProperties', pointer },
        });
      }
    },
  },
});
