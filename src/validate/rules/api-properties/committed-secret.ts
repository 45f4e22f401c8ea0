import { isObject, type JsonValue, own, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { policyLabel } from '../../helpers/policy-templates.ts';
import { CREDENTIAL_NAME, knownSecretFormat, looksLikeRandomToken } from '../../helpers/secrets.ts';
import { type At, defineRule, PRESETS, type RuleContext } from '../../rule.ts';

/** Keys whose values are used as real inputs (tests, defaults): random-looking credentials count. */
const INPUT_KEYS = ['x-ms-test-value', 'default'];
/** Documentation-only keys: only well-known credential formats count. */
const EXAMPLE_KEYS = ['example', 'x-example'];
const SCHEMA_KEYS = [...INPUT_KEYS, ...EXAMPLE_KEYS];
const MAX_DEPTH = 8;
const MAX_STRINGS = 200;

interface Scan {
  readonly ctx: RuleContext;
  /** Whether random-looking values under credential-like names count, not just known formats. */
  readonly generic: boolean;
  readonly where: (pointer: string) => At;
  readonly what: string;
  /** Pointer of the scanned value, built only for a finding. */
  readonly base: () => string;
  /** Segments from the scanned value down to the current one. */
  readonly path: (string | number)[];
  budget: number;
}

function scan(value: JsonValue | undefined, name: string, s: Scan, depth: number): boolean {
  if (value === undefined || depth > MAX_DEPTH || s.budget <= 0) return false;
  if (typeof value === 'string') {
    s.budget--;
    const known = knownSecretFormat(value);
    const random = !known && s.generic && CREDENTIAL_NAME.test(name) && looksLikeRandomToken(value);
    if (!known && !random) return false;
    s.ctx.report({
      message: known
        ? `${s.what} contains ${known}; committed credentials are public once the pull request is opened.`
        : `${s.what} for \`${name}\` looks like a real key or token; committed credentials are public once the pull request is opened.`,
      at: s.where(join(s.base(), ...s.path)),
    });
    return true;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      s.path.push(i);
      const found = scan(value[i], name, s, depth + 1);
      s.path.pop();
      if (found) return true;
    }
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      s.path.push(key);
      const found = scan(value[key], key, s, depth + 1);
      s.path.pop();
      if (found) return true;
    }
  }
  return false;
}

/** Whether `scan` reports a scalar: the test it makes, without its bookkeeping. */
function secretString(value: JsonValue, name: string, generic: boolean): boolean {
  if (typeof value !== 'string') return false;
  if (knownSecretFormat(value)) return true;
  return generic && CREDENTIAL_NAME.test(name) && looksLikeRandomToken(value);
}

const inSwagger = (pointer: string): At => pointer;
const inProperties = (pointer: string): At => ({ file: 'apiProperties', pointer });

export default defineRule({
  id: 'committed-secret',
  description: 'Test values, defaults and examples must not contain real keys, tokens or passwords.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presetSeverity: { recommended: 'warning' },
  presets: PRESETS,
  fix: 'Replace the value with a placeholder such as `[[DUMMY]]`, and revoke the credential: it is in the Git history.',
  visit: {
    schemaKeys: SCHEMA_KEYS,
    schema(node, ctx) {
      const name = node.propertyName ?? ownString(node.raw, 'name') ?? '';
      for (const key of SCHEMA_KEYS) {
        const value = own(node.raw, key);
        if (value === undefined) continue;
        const generic = INPUT_KEYS.includes(key);
        // Most values are one harmless string or number: decide those before setting up a scan.
        if (typeof value !== 'object' && !secretString(value, name, generic)) continue;
        const base = () => join(node.pointer, key);
        scan(
          value,
          name,
          { ctx, generic, where: inSwagger, what: `\`${key}\``, base, path: [], budget: MAX_STRINGS },
          0,
        );
      }
    },
    response(response, _op, ctx) {
      const examples = own(response.raw, 'examples');
      if (examples === undefined) return;
      const base = () => join(response.pointer, 'examples');
      const what = 'The response example';
      scan(
        examples,
        '',
        { ctx, generic: false, where: inSwagger, what, base, path: [], budget: MAX_STRINGS },
        0,
      );
    },
    connectionParameter(p, ctx) {
      const value = own(p.raw, 'defaultValue');
      if (value === undefined) return;
      // A default for a secure parameter is a credential whatever the parameter is called.
      const name = (p.type ?? '').toLowerCase() === 'securestring' ? 'secret' : p.name;
      const what = `The \`defaultValue\` of connection parameter \`${p.name}\``;
      const base = () => join(p.pointer, 'defaultValue');
      scan(
        value,
        name,
        { ctx, generic: true, where: inProperties, what, base, path: [], budget: MAX_STRINGS },
        0,
      );
    },
    policy(policy, ctx) {
      const params = own(policy.raw, 'parameters');
      if (!isObject(params)) return;
      // A literal header or query value named like a credential (`Authorization`, `x-api-key`).
      const target = ownString(params, 'x-ms-apimTemplateParameter.name') ?? '';
      const literalCredential =
        (policy.templateId === 'setheader' || policy.templateId === 'setqueryparameter') &&
        CREDENTIAL_NAME.test(target);
      const label = policyLabel(policy);
      for (const key of Object.keys(params)) {
        const value = params[key]!;
        const generic =
          literalCredential && key.endsWith('.value') && typeof value === 'string' && !value.includes('@');
        const what = `${label} parameter \`${key}\``;
        const base = () => join(policy.pointer, 'parameters', key);
        const s = { ctx, generic, where: inProperties, what, base, path: [], budget: MAX_STRINGS };
        if (scan(value, generic ? target : '', s, 0)) return;
      }
    },
  },
});
