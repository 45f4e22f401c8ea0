import { ownString } from '../../../connector/json.ts';
import type { Parameter } from '../../../connector/model.ts';
import { deref } from '../../../connector/refs.ts';
import { hasEssence } from '../../helpers/mime-type.ts';
import { ALL, defineRule } from '../../rule.ts';

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

function isStringBinary(node: unknown): boolean {
  return ownString(node, 'type') === 'string' && ownString(node, 'format') === 'binary';
}

export default defineRule({
  id: 'string-binary-not-supported-for-form-url-encoded',
  microsoftId: 'StringBinaryNotSupportedForFormUrlEncoded',
  description:
    'Operations that send `application/x-www-form-urlencoded` cannot take `string`/`binary` parameters.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Send files as `multipart/form-data` (add it to `consumes`), or make the parameter a plain string.',
  visit: {
    operation(op, ctx) {
      let form = false;
      for (const mime of op.consumes) {
        if (hasEssence(mime, MULTIPART)) return;
        form ||= hasEssence(mime, FORM);
      }
      if (!form) return;
      const root = ctx.connector.definition.raw;
      const binary = (p: Parameter) =>
        p.in === 'body' ? isStringBinary(deref(root, p.schema, '').value) : isStringBinary(p.raw);
      for (const p of op.parameters) {
        if (!binary(p)) continue;
        ctx.report({
          message: `String/binary parameters are not supported for operation \`${op.label}\` with \`${FORM}\` consumes type (parameter \`${p.name}\`).`,
          at: p.usedAt,
        });
      }
    },
  },
});
