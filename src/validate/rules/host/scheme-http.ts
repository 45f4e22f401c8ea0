import { ownArray } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'scheme-http',
  description: '`schemes` should list only `https`; plain `http` sends credentials and data unencrypted.',
  category: 'host',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Serve the API over TLS and set `"schemes": ["https"]`.',
  visit: {
    connector(c, ctx) {
      const schemes = ownArray(c.definition.raw, 'schemes') ?? [];
      const i = schemes.indexOf('http');
      if (i < 0) return;
      const alsoHttps = schemes.includes('https');
      ctx.report({
        message: alsoHttps
          ? 'The `schemes` list includes `http` next to `https`; certified connectors should use `https` only.'
          : 'The connector calls its backend over plain `http`; certified connectors should use `https`.',
        at: join('/schemes', i),
      });
    },
  },
});
