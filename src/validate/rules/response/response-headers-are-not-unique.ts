import { isObject, own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'response-headers-are-not-unique',
  microsoftId: 'ResponseHeadersAreNotUnique',
  description: 'A response must not declare the same header twice (header names are case-insensitive).',
  category: 'response',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Keep one declaration per header name.',
  visit: {
    response(response, op, ctx) {
      // Most responses declare no headers: no map for them.
      const headers = own(response.raw, 'headers');
      if (!isObject(headers)) return;
      const seen = new Map<string, string>();
      for (const name of Object.keys(headers)) {
        const key = name.toLowerCase();
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, name);
          continue;
        }
        const owner = op
          ? `Response \`${response.status}\` of \`${op.label}\``
          : `Shared response \`${response.status}\``;
        ctx.report({
          message: `${owner} declares headers \`${first}\` and \`${name}\`; the response headers are not unique.`,
          at: join(response.pointer, 'headers', name),
        });
      }
    },
  },
});
