import { ownArray } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

const VALID: ReadonlySet<string> = new Set(['http', 'https']);
/** Reported by `scheme-not-supported`. */
const WEBSOCKET: ReadonlySet<string> = new Set(['ws', 'wss']);

export default defineRule({
  id: 'scheme-not-valid',
  microsoftId: 'SchemeNotValid',
  description: 'Each entry of `schemes` must be `http` or `https`.',
  category: 'host',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use `"schemes": ["https"]`; write the protocol in lower case, without `://`.',
  visit: {
    connector(c, ctx) {
      (ownArray(c.definition.raw, 'schemes') ?? []).forEach((scheme, i) => {
        if (typeof scheme !== 'string' || VALID.has(scheme) || WEBSOCKET.has(scheme)) return;
        ctx.report({
          message: `The scheme \`${scheme}\` is not valid; \`schemes\` must only contain transfer protocols from the list \`http\`, \`https\`.`,
          at: join('/schemes', i),
        });
      });
    },
  },
});
