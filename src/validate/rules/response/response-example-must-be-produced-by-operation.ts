import { isObject, own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

/** `application/json; charset=utf-8` → `application/json`. */
function mediaType(mime: string): string {
  return mime.split(';')[0]?.trim().toLowerCase() ?? '';
}

export default defineRule({
  id: 'response-example-must-be-produced-by-operation',
  microsoftId: 'ResponseExampleMustBeProducedByOperation',
  description: 'Each response example must be keyed by a MIME type the operation `produces`.',
  category: 'response',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: "Key the example by one of the operation's `produces` types (usually `application/json`), or add that type to `produces`.",
  visit: {
    response(response, op, ctx) {
      if (!op) return;
      const examples = own(response.raw, 'examples');
      if (!isObject(examples)) return;
      const mimes = Object.keys(examples);
      if (mimes.length === 0) return;
      const produced = new Set(op.produces.map(mediaType));
      for (const mime of mimes) {
        if (produced.has(mediaType(mime))) continue;
        ctx.report({
          message: `Response \`${response.status}\` of \`${op.label}\` has an example for \`${mime}\`; the response example \`${mime}\` is not produced by the operation \`${op.label}\`.`,
          at: join(response.pointer, 'examples', mime),
        });
      }
    },
  },
});
