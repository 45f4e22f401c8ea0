import { isObject, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';
import { enumValueEntries } from './_enum-values.ts';

export default defineRule({
  id: 'missing-enum-values-display-name',
  microsoftId: 'MissingEnumValuesDisplayName',
  description: 'Every `x-ms-enum-values` entry must have a `displayName`.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Give each entry the label users see: `{ "value": "hi", "displayName": "High" }`.',
  visit: {
    schemaKeys: ['x-ms-enum-values'],
    schema(node, ctx) {
      for (const { entry, index } of enumValueEntries(node.raw) ?? []) {
        if (isObject(entry) && ownString(entry, 'displayName')?.trim()) continue;
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} has an \`x-ms-enum-values\` entry without \`displayName\`; please specify the property \`displayName\`.`,
          at: join(node.pointer, 'x-ms-enum-values', index),
        });
      }
    },
  },
});
