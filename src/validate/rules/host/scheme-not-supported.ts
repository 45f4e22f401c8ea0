import { ownArray } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'scheme-not-supported',
  microsoftId: 'SchemeNotSupported',
  description: '`schemes` must not list the WebSocket protocols `ws` or `wss`.',
  category: 'host',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove `ws` and `wss`; connectors call their backend over HTTP(S) only.',
  visit: {
    connector(c, ctx) {
      (ownArray(c.definition.raw, 'schemes') ?? []).forEach((scheme, i) => {
        if (scheme === 'ws' || scheme === 'wss')
          ctx.report({
            message: `The scheme \`${scheme}\` is not supported: the WebSocket transfer protocol schemes are not supported.`,
            at: join('/schemes', i),
          });
      });
    },
  },
});
