import { own } from '../../../connector/json.ts';
import { swaggerUnreliable } from '../../helpers/swagger-root.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'info-description-required',
  microsoftId: 'RequiredPropertyMissing',
  description: '`info.description` is required for certification.',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Add `info.description`: 30 to 500 characters saying what the service does and what the connector offers.',
  visit: {
    connector(c, ctx) {
      const raw = c.definition.info.raw;
      if (!raw || swaggerUnreliable(c)) return;
      if (own(raw, 'description') === undefined)
        ctx.report({ message: 'The `description` property is required.', at: '/info' });
    },
  },
});
