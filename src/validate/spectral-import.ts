/**
 * A Spectral ruleset's rules as flowport custom rules (`flowport rules --import .spectral.yaml`):
 * those written with the core functions flowport has carry over as they are; the rest are named
 * with the reason, never dropped in silence.
 */
import { isObject, type JsonValue } from '../connector/json.ts';
import { CUSTOM_FUNCTIONS } from './custom-functions.ts';
import { findRule } from './registry.ts';
import type { Severity } from './rule.ts';

/** A rule that was not carried over, and why. */
export interface Skipped {
  readonly rule: string;
  readonly reason: string;
}

export interface Imported {
  /** The rules as `customRules` entries (the config's form, Spectral's keys), by their new id. */
  readonly customRules: Record<string, Record<string, unknown>>;
  /** The Spectral name each imported rule came from, by its new id, when it had to change. */
  readonly renamed: Record<string, string>;
  readonly skipped: readonly Skipped[];
  /** Notes on the ruleset as a whole (what `extends` brings is not imported). */
  readonly notes: readonly string[];
}

const SEVERITY: Record<string, Severity | 'off'> = {
  error: 'error',
  warn: 'warning',
  info: 'info',
  hint: 'info',
  off: 'off',
  '0': 'error',
  '1': 'warning',
  '2': 'info',
  '3': 'info',
};

/** A flowport custom rule id for a Spectral rule name: kebab-case, not one of flowport's. */
function idFor(name: string, prefix: string): string {
  const base = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const id = `${prefix}${base || 'rule'}`;
  return findRule(id) ? `spectral-${id}` : id;
}

/**
 * `given` with Spectral's aliases written out: `#Name` and `#Name.rest` become each of the alias's
 * JSONPaths (with `.rest`); an alias may use another. A scoped alias (`targets` by format) gives the
 * paths of its `oas2` target, the format of a connector's swagger. Returns the reason when it cannot.
 */
function expandAliases(
  given: readonly string[],
  aliases: Record<string, unknown>,
  depth = 0,
): string[] | string {
  if (depth > 10) return 'its aliases refer to one another in a loop';
  const out: string[] = [];
  for (const g of given) {
    if (!g.startsWith('#')) {
      out.push(g);
      continue;
    }
    const name = /^#([A-Za-z0-9_-]+)/.exec(g)?.[1] ?? '';
    const rest = g.slice(name.length + 1);
    const alias = Object.hasOwn(aliases, name) ? aliases[name] : undefined;
    let paths: unknown = alias;
    if (isObject(alias as JsonValue)) {
      const targets = (alias as { targets?: unknown }).targets;
      const oas2 = Array.isArray(targets)
        ? targets.find(
            (t) => Array.isArray(t?.formats) && t.formats.some((f: unknown) => String(f) === 'oas2'),
          )
        : undefined;
      if (!oas2) return `its alias \`#${name}\` has no target for the \`oas2\` format (Swagger 2.0)`;
      paths = oas2.given;
    }
    if (typeof paths === 'string') paths = [paths];
    if (!Array.isArray(paths) || paths.length === 0 || paths.some((p) => typeof p !== 'string'))
      return `its \`given\` uses the alias \`#${name}\`, which the ruleset does not define as JSONPaths`;
    const inner = expandAliases(paths as string[], aliases, depth + 1);
    if (typeof inner === 'string') return inner;
    out.push(...inner.map((p) => `${p}${rest}`));
  }
  return out;
}

/** Converts a parsed Spectral ruleset (YAML or JSON). */
export function importSpectral(ruleset: unknown, prefix = ''): Imported {
  const customRules: Record<string, Record<string, unknown>> = {};
  const renamed: Record<string, string> = {};
  const skipped: Skipped[] = [];
  const notes: string[] = [];
  if (!isObject(ruleset as JsonValue))
    return { customRules, renamed, skipped, notes: ['The ruleset is not an object.'] };
  const set = ruleset as Record<string, unknown>;
  if (set.extends !== undefined)
    notes.push(
      '`extends` is not imported: the rules of `spectral:oas` and other rulesets are not flowport rules (flowport has its own for Swagger 2.0 connectors).',
    );
  if (set.functions !== undefined)
    notes.push('Custom JavaScript `functions` are not imported: flowport runs the core functions only.');
  const aliases = isObject(set.aliases as JsonValue) ? (set.aliases as Record<string, unknown>) : {};
  const rules = isObject(set.rules as JsonValue) ? (set.rules as Record<string, unknown>) : {};
  for (const [name, raw] of Object.entries(rules)) {
    const skip = (reason: string) => void skipped.push({ rule: name, reason });
    if (!isObject(raw as JsonValue)) {
      skip('it only sets the severity of a rule of an extended ruleset');
      continue;
    }
    const rule = raw as Record<string, unknown>;
    const severity = SEVERITY[String(rule.severity ?? 'warn')];
    if (severity === undefined) {
      skip(`its severity \`${String(rule.severity)}\` is not one of error, warn, info, hint, off`);
      continue;
    }
    if (severity === 'off' || rule.recommended === false) {
      skip('it is turned off');
      continue;
    }
    const given = typeof rule.given === 'string' ? [rule.given] : rule.given;
    if (!Array.isArray(given) || given.some((g) => typeof g !== 'string')) {
      skip('it has no `given` JSONPath');
      continue;
    }
    const expanded = expandAliases(given as string[], aliases);
    if (typeof expanded === 'string') {
      skip(expanded);
      continue;
    }
    const then = Array.isArray(rule.then) ? rule.then : [rule.then];
    const unknown = then.find(
      (t) =>
        !isObject(t as JsonValue) ||
        !Object.hasOwn(CUSTOM_FUNCTIONS, String((t as { function?: unknown }).function)),
    ) as { function?: unknown } | undefined;
    if (unknown !== undefined) {
      skip(
        `its function \`${String(unknown?.function)}\` is not one flowport has (${Object.keys(CUSTOM_FUNCTIONS).join(', ')})`,
      );
      continue;
    }
    const id = idFor(name, prefix);
    if (id !== name) renamed[id] = name;
    const description =
      typeof rule.description === 'string' && rule.description.trim() !== '' ? rule.description : name;
    const message =
      typeof rule.message === 'string' ? rule.message.replaceAll('{{description}}', description) : undefined;
    customRules[id] = {
      description,
      ...(message !== undefined && { message }),
      severity,
      given: expanded.length === 1 ? expanded[0] : expanded,
      // biome-ignore lint/suspicious/noThenProperty: the config's rules keep Spectral's `then` key.
      then: Array.isArray(rule.then) ? rule.then : rule.then,
      ...(typeof rule.documentationUrl === 'string' && { fix: `See ${rule.documentationUrl}.` }),
    };
    if (rule.formats !== undefined)
      notes.push(`\`${name}\`: its \`formats\` are not kept; flowport runs it on every connector's swagger.`);
  }
  return { customRules, renamed, skipped, notes };
}
