/**
 * A team's own rules, in flowport.config.json under `customRules`, written as Spectral writes them:
 * `given` a JSONPath into the swagger (or apiProperties.json), `then` a function over the matched
 * value or one of its fields. They run in every preset, beside flowport's rules, and report like them.
 *
 * @example
 * "customRules": {
 *   "contoso-operation-id-pascal-case": {
 *     "description": "Operation ids are PascalCase.",
 *     "given": "$.paths[*][get,put,post,patch,delete]",
 *     "then": { "field": "operationId", "function": "casing", "functionOptions": { "type": "pascal" } }
 *   }
 * }
 */
import { isObject, type JsonValue, own } from '../connector/json.ts';
import { escapeSegment } from '../connector/pointer.ts';
import { FlowportError } from '../errors.ts';
import { lazy } from '../lazy.ts';
import { CUSTOM_FUNCTIONS } from './custom-functions.ts';
import { ALL, defineRule, type Rule, SEVERITIES, type Severity } from './rule.ts';

// Loaded only when a config has custom rules: a plain `flowport validate` does not need it.
const jsonpath = lazy<typeof import('jsonpath-plus')>('jsonpath-plus');

export interface CustomThen {
  /** A property of the matched value, or `@key` for the matched member's own name; the value itself when absent. */
  readonly field?: string;
  readonly function: string;
  readonly functionOptions?: Readonly<Record<string, unknown>>;
}

export interface CustomRuleSpec {
  readonly description: string;
  /** The finding's message; `{{property}}`, `{{value}}`, `{{error}}` and `{{path}}` are filled in. */
  readonly message?: string;
  readonly severity: Severity;
  /** Which file `given` reads. */
  readonly file: 'swagger' | 'apiProperties';
  readonly given: readonly string[];
  /** The config's `then` (a thenable name the parsed rule does not keep: awaiting it would call it). */
  readonly checks: readonly CustomThen[];
  /** How to fix a finding. */
  readonly fix?: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEYS = new Set(['description', 'message', 'severity', 'file', 'given', 'then', 'fix']);

/** Checks `customRules` of a config; throws `CONFIG_INVALID` naming the rule, the key and the fix. */
export function parseCustomRules(
  value: unknown,
  path: string,
  builtIn: (id: string) => boolean,
): Record<string, CustomRuleSpec> {
  const fail = (message: string): never => {
    throw new FlowportError('CONFIG_INVALID', `${path}: ${message}`);
  };
  if (!isObject(value as JsonValue)) fail('`customRules` must be an object of rule id → rule.');
  const out: Record<string, CustomRuleSpec> = {};
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    const at = `\`customRules.${id}\``;
    if (!ID.test(id)) fail(`${at}: a rule id is kebab-case (\`contoso-operation-id-casing\`).`);
    if (builtIn(id))
      fail(`${at} has the id of a flowport rule; choose another (a prefix of your own: \`contoso-…\`).`);
    if (!isObject(raw as JsonValue))
      fail(`${at} must be an object with \`description\`, \`given\` and \`then\`.`);
    const rule = raw as Record<string, unknown>;
    for (const key of Object.keys(rule))
      if (!KEYS.has(key))
        fail(`${at}: unknown key \`${key}\`; use ${[...KEYS].map((k) => `\`${k}\``).join(', ')}.`);
    if (typeof rule.description !== 'string' || rule.description.trim() === '')
      fail(`${at}.description must say what the rule checks.`);
    const severity = rule.severity ?? 'warning';
    if (!SEVERITIES.includes(severity as Severity))
      fail(`${at}.severity must be "error", "warning" or "info".`);
    const file = rule.file ?? 'swagger';
    if (file !== 'swagger' && file !== 'apiProperties')
      fail(`${at}.file must be "swagger" or "apiProperties".`);
    for (const key of ['message', 'fix'] as const)
      if (rule[key] !== undefined && typeof rule[key] !== 'string') fail(`${at}.${key} must be a string.`);
    const given = typeof rule.given === 'string' ? [rule.given] : rule.given;
    if (
      !Array.isArray(given) ||
      given.length === 0 ||
      given.some((g) => typeof g !== 'string' || !g.startsWith('$'))
    )
      fail(`${at}.given must be a JSONPath starting with \`$\` (or a list of them), e.g. "$.paths[*][*]".`);
    for (const g of given as string[]) {
      try {
        jsonpath().JSONPath({ path: g, json: probeFor(g), wrap: true });
      } catch (error) {
        fail(`${at}.given \`${g}\` is not a JSONPath jsonpath-plus reads (${(error as Error).message}).`);
      }
    }
    const then = Array.isArray(rule.then) ? rule.then : [rule.then];
    for (const [i, t] of then.entries()) {
      const where = then.length > 1 ? `${at}.then[${i}]` : `${at}.then`;
      if (!isObject(t as JsonValue))
        fail(`${where} must be an object with \`function\` (and \`field\`, \`functionOptions\`).`);
      const step = t as Record<string, unknown>;
      const fn = typeof step.function === 'string' ? CUSTOM_FUNCTIONS[step.function] : undefined;
      if (!fn || !Object.hasOwn(CUSTOM_FUNCTIONS, step.function as string))
        fail(`${where}.function must be one of ${Object.keys(CUSTOM_FUNCTIONS).join(', ')}.`);
      if (step.field !== undefined && (typeof step.field !== 'string' || step.field === ''))
        fail(`${where}.field must be a property name, or "@key".`);
      const options = step.functionOptions ?? {};
      if (!isObject(options as JsonValue)) fail(`${where}.functionOptions must be an object.`);
      const problem = fn?.options(options as Record<string, unknown>);
      if (problem) fail(`${where}.functionOptions: ${step.function} ${problem}.`);
    }
    out[id] = {
      description: rule.description as string,
      ...(rule.message !== undefined && { message: rule.message as string }),
      severity: severity as Severity,
      file: file as 'swagger' | 'apiProperties',
      given: given as string[],
      checks: then as CustomThen[],
      ...(rule.fix !== undefined && { fix: rule.fix as string }),
    };
  }
  return out;
}

/**
 * A document with a member at every step of `path`, so that evaluating `path` over it compiles each
 * filter (jsonpath-plus reads a filter only when it meets a member to apply it to).
 */
function probeFor(path: string): JsonValue {
  let probe: JsonValue = { k: {} };
  for (const segment of jsonpath().JSONPath.toPathArray(path).slice(1).reverse())
    probe = /^[\w$-]+$/.test(segment) ? { [segment]: probe } : { k: probe };
  return probe;
}

const shown = (v: JsonValue | undefined) => {
  const text = v === undefined ? 'nothing' : typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** The rules of a config's `customRules`, in every preset. */
export function compileCustomRules(specs: Readonly<Record<string, CustomRuleSpec>>): Rule[] {
  return Object.entries(specs).map(([id, spec]) =>
    defineRule({
      id,
      description: spec.description,
      category: 'custom',
      source: 'config',
      severity: spec.severity,
      presets: ALL,
      ...(spec.fix && { fix: spec.fix }),
      visit: {
        connector(c, ctx) {
          const json = spec.file === 'swagger' ? c.definition.raw : c.documents.apiProperties?.value;
          if (json === undefined || json === null) return;
          for (const given of spec.given) {
            let matches: { value: JsonValue; pointer: string; parentProperty: string | number | null }[];
            try {
              matches = jsonpath().JSONPath({
                path: given,
                json,
                resultType: 'all',
                wrap: true,
              }) as typeof matches;
            } catch (error) {
              // A filter that fails on this document's values (a method jsonpath-plus does not allow,
              // say) is the rule's mistake, not the connector's and not flowport's: said as such.
              ctx.report({
                message: `The custom rule could not apply its \`given\` \`${given}\` (${(error as Error).message}); correct it in the config.`,
                at: spec.file === 'swagger' ? '' : { file: 'apiProperties', pointer: '' },
              });
              continue;
            }
            for (const match of matches)
              for (const step of spec.checks) {
                const fn = CUSTOM_FUNCTIONS[step.function];
                const field = step.field;
                const value =
                  field === '@key'
                    ? (match.parentProperty ?? undefined)
                    : field === undefined
                      ? match.value
                      : isObject(match.value)
                        ? own(match.value, field)
                        : undefined;
                const error = fn?.test(value as JsonValue | undefined, step.functionOptions ?? {});
                if (!error) continue;
                const pointer =
                  field && field !== '@key' && value !== undefined
                    ? `${match.pointer}/${escapeSegment(field)}`
                    : match.pointer;
                const property = field ?? String(match.parentProperty ?? '$');
                const message = (spec.message ?? '`{{property}}` {{error}}.')
                  .replaceAll('{{property}}', property)
                  .replaceAll('{{value}}', shown(value as JsonValue | undefined))
                  .replaceAll('{{error}}', error)
                  .replaceAll('{{path}}', pointer || '/');
                ctx.report({
                  message,
                  at: spec.file === 'swagger' ? pointer : { file: 'apiProperties', pointer },
                });
              }
          }
        },
      },
    }),
  );
}
