import { ownArray, ownObject, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { deref } from '../../../connector/refs.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'discriminator-must-be-a-required-string-property',
  microsoftId: 'DiscriminatorMustBeARequiredStringProperty',
  description: 'A `discriminator` must name a required property of type `string`.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: "Point `discriminator` at a `string` property listed in the schema's `required` array.",
  visit: {
    schemaKeys: ['discriminator'],
    schema(node, ctx) {
      const name = ownString(node.raw, 'discriminator');
      if (name === undefined) return;
      const declared = ownObject(node.raw, 'properties');
      const property = declared && ownObject(declared, name);
      const resolved = property && deref(ctx.connector.definition.raw, property, '').value;
      const type = ownString(resolved, 'type');
      const required = (ownArray(node.raw, 'required') ?? []).includes(name);
      if (property && required && (type === undefined || type === 'string')) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has \`discriminator: ${name}\`; the value must be the name of a required string property.`,
        at: join(node.pointer, 'discriminator'),
      });
    },
  },
});
