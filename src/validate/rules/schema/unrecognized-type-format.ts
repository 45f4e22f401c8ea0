import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { SCHEMA_TYPES } from '../../helpers/json-type.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Formats the platform maps to a data type, per `type` (Swagger 2.0's plus `date-no-tz`, `html`, …). */
export const FORMATS: Readonly<Record<string, ReadonlySet<string>>> = {
  string: new Set([
    'byte',
    'binary',
    'date',
    'date-time',
    'date-no-tz',
    'time',
    'duration',
    'password',
    'email',
    'uri',
    'uuid',
    'html',
    'hostname',
    'ipv4',
    'ipv6',
  ]),
  integer: new Set(['int32', 'int64']),
  number: new Set(['float', 'double', 'decimal', 'int32', 'int64']),
  file: new Set(['binary']),
};
const NONE: ReadonlySet<string> = new Set();

export default defineRule({
  id: 'unrecognized-type-format',
  microsoftId: 'UnrecognizedTypeFormat',
  description: 'The `type` and `format` of a schema or parameter should be a combination the platform knows.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Use a Swagger 2.0 type (`string`, `integer`, `number`, `boolean`, `array`, `object`) and a matching format (`date-time`, `int64`, `double`, …), or drop `format`.',
  visit: {
    schemaKeys: ['type', 'format'],
    schema(node, ctx) {
      const type = own(node.raw, 'type');
      const format = own(node.raw, 'format');
      if (type === undefined && format === undefined) return;
      if (type !== undefined && (typeof type !== 'string' || !SCHEMA_TYPES.has(type))) {
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} has type \`${JSON.stringify(type).slice(0, 40)}\`; the type is not recognized.`,
          at: join(node.pointer, 'type'),
        });
        return;
      }
      if (format === undefined || typeof type !== 'string') return;
      if (typeof format === 'string' && (FORMATS[type] ?? NONE).has(format)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has type/format \`${type}/${typeof format === 'string' ? format : JSON.stringify(format).slice(0, 40)}\`, which is not recognized.`,
        at: join(node.pointer, 'format'),
      });
    },
  },
});
