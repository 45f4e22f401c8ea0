import { own } from '../../../connector/json.ts';
import { swaggerUnreliable } from '../../helpers/swagger-root.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'host-required',
  description: 'Certification needs `host`, the backend’s production host name.',
  category: 'host',
  source: 'certification',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Add `"host": "api.contoso.com"` with the production host of the service.',
  visit: {
    connector(c, ctx) {
      const root = c.definition.raw;
      if (!root || swaggerUnreliable(c)) return;
      const host = own(root, 'host');
      if (host === undefined) ctx.report({ message: 'The `host` property is required.' });
      else if (typeof host === 'string' && host.trim() === '')
        ctx.report({ message: 'The `host` property must not be empty.', at: '/host' });
    },
  },
});
