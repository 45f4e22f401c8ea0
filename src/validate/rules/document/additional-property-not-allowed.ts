import { strayKeys } from '../../helpers/swagger-fields.ts';
import { swaggerUnreliable } from '../../helpers/swagger-root.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'additional-property-not-allowed',
  microsoftId: 'AdditionalPropertyNotAllowed',
  description:
    'The document root, `info`, `contact`, `license`, tags and `externalDocs` must not hold Swagger properties that belong elsewhere or are mis-cased (`basepath`).',
  category: 'document',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Move the property to the object it belongs to, or correct its case; Swagger property names are case-sensitive.',
  visit: {
    connector(c, ctx) {
      const root = c.definition.raw;
      if (!root || swaggerUnreliable(c)) return;
      for (const stray of strayKeys(root)) {
        if (!stray.swaggerField) continue;
        const where = stray.owner.label;
        ctx.report({
          message: stray.meant
            ? `The property \`${stray.key}\` in ${where} is not allowed and must be removed; Swagger 2.0 names it \`${stray.meant}\`.`
            : `The property \`${stray.key}\` is not allowed in ${where} and must be removed.`,
          at: stray.pointer,
          fix: stray.meant
            ? `Rename \`${stray.key}\` to \`${stray.meant}\`; the Power Platform ignores the misspelt property.`
            : `Move \`${stray.key}\` to the object it belongs to (check the nesting of the braces above it) or delete it.`,
        });
      }
    },
  },
});
