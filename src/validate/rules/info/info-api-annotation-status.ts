import { own, ownObject } from '../../../connector/json.ts';
import { ALL, defineRule } from '../../rule.ts';

const STATUSES = ['Preview', 'Production'] as const;

export default defineRule({
  id: 'info-api-annotation-status',
  microsoftId: 'JsonValueNotInEnum',
  description: '`info.x-ms-api-annotation.status` must be `Preview` or `Production`.',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Set the connector’s status to `Preview` (new or changing) or `Production` (stable).',
  visit: {
    connector(c, ctx) {
      const status = own(ownObject(c.definition.info.raw, 'x-ms-api-annotation'), 'status');
      if (status === undefined || STATUSES.includes(status as 'Preview')) return;
      const meant =
        typeof status === 'string'
          ? STATUSES.find((s) => s.toLowerCase() === status.trim().toLowerCase())
          : undefined;
      ctx.report({
        message: `The connector status \`${JSON.stringify(status)}\` is not valid; the property value must be one of the following: \`Preview\`, \`Production\`.`,
        at: '/info/x-ms-api-annotation/status',
        ...(meant && { fix: `Write \`${meant}\` with this exact casing.` }),
      });
    },
  },
});
