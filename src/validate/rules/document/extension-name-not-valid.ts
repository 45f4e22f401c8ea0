import { strayKeys } from '../../helpers/swagger-fields.ts';
import { swaggerUnreliable } from '../../helpers/swagger-root.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'extension-name-not-valid',
  microsoftId: 'ExtensionNameNotValid',
  description:
    'A property of the document root, `info`, `contact`, `license`, tags or `externalDocs` that Swagger 2.0 does not define must be a vendor extension whose name begins with `x-`.',
  category: 'document',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Rename the property to start with `x-` (for example `x-logo`), or delete it.',
  visit: {
    connector(c, ctx) {
      const root = c.definition.raw;
      if (!root || swaggerUnreliable(c)) return;
      for (const stray of strayKeys(root)) {
        if (stray.swaggerField) continue;
        ctx.report({
          message: `The property \`${stray.key}\` in ${stray.owner.label} is not a Swagger 2.0 property; as an extension its name must begin with \`x-\`.`,
          at: stray.pointer,
        });
      }
    },
  },
});
