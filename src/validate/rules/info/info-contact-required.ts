import { own } from '../../../connector/json.ts';
import { swaggerUnreliable } from '../../helpers/swagger-root.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'info-contact-required',
  microsoftId: 'RequiredPropertyMissing',
  description: '`info.contact` is required for certification.',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Add `info.contact` with the `name`, `url` and `email` of the team that supports the connector.',
  visit: {
    connector(c, ctx) {
      const raw = c.definition.info.raw;
      if (!raw || swaggerUnreliable(c)) return;
      if (own(raw, 'contact') === undefined)
        ctx.report({ message: 'The `contact` property is required.', at: '/info' });
    },
  },
});
