import { groupDigits } from '../../helpers/group-digits.ts';
import { ALL, defineRule } from '../../rule.ts';

/** The certification docs and the custom-connector FAQ: the swagger file must be under 1 MB. */
export const MAX_SWAGGER_BYTES = 1024 * 1024;

export default defineRule({
  id: 'swagger-file-too-large',
  description: 'The swagger file must be smaller than 1 MB.',
  category: 'document',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Shrink the file: move repeated schemas to `definitions` and reference them with `$ref`, drop unused definitions and long examples, or split the connector in two.',
  visit: {
    connector(c, ctx) {
      const file = c.files.swagger;
      if (!file || file.bytes.length < MAX_SWAGGER_BYTES) return;
      const mb = (file.bytes.length / MAX_SWAGGER_BYTES).toFixed(2);
      ctx.report({
        message: `The swagger file is ${groupDigits(file.bytes.length)} bytes (${mb} MB); the limit is 1 MB.`,
        at: { file: 'swagger', pointer: '' },
      });
    },
  },
});
