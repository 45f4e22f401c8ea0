import { entries, isObject, type JsonObject, type JsonValue } from '../../connector/json.ts';
import type { PolicyInstance } from '../../connector/model.ts';
import { join } from '../../connector/pointer.ts';
import { isFlowportError } from '../../errors.ts';
import type { Template } from '../expression/ast.ts';
import { parseTemplate } from '../expression/parse.ts';
import { type PropertyPath, parsePath } from '../expression/path.ts';
import type { PolicyDiagnostic, PolicySection } from '../types.ts';

const PREFIX = 'x-ms-apimTemplateParameter.';
const SECTION = 'x-ms-apimTemplate-policySection';

/** How messages name an instance: its title and template, or its template and pointer. */
export function policyLabel(instance: PolicyInstance): string {
  const id = instance.rawTemplateId ?? instance.templateId;
  return instance.title
    ? `Policy \`${instance.title}\` (\`${id}\`)`
    : `Policy \`${id}\` at \`${instance.pointer}\``;
}

interface Options {
  readonly required?: boolean;
}

/**
 * Reads the `x-ms-apimTemplateParameter.*` values of one instance, once, at compile time. Every
 * problem becomes a diagnostic naming the parameter's pointer; the getters then return `undefined`.
 */
export class InstanceParameters {
  readonly instance: PolicyInstance;
  readonly diagnostics: PolicyDiagnostic[] = [];
  readonly label: string;

  constructor(instance: PolicyInstance) {
    this.instance = instance;
    this.label = policyLabel(instance);
  }

  private rawParameters(): JsonObject | undefined {
    const p = this.instance.raw.parameters;
    return isObject(p) ? p : undefined;
  }

  /** Pointer to the parameter as written (any case), else to the instance's `parameters`. */
  pointer(fullName: string): string {
    const lower = fullName.toLowerCase();
    const key = entries(this.rawParameters()).find(([k]) => k.toLowerCase() === lower)?.[0];
    const base = join(this.instance.pointer, 'parameters');
    return key === undefined ? (this.rawParameters() ? base : this.instance.pointer) : join(base, key);
  }

  report(code: PolicyDiagnostic['code'], message: string, pointer: string): undefined {
    this.diagnostics.push({ code, message, pointer });
    return undefined;
  }

  /** The raw value of a template parameter (name without prefix), looked up without case. */
  raw(name: string): JsonValue | undefined {
    const lower = name.toLowerCase();
    for (const [k, v] of entries(this.instance.parameters)) if (k.toLowerCase() === lower) return v;
    return undefined;
  }

  private missing(name: string, fix: string): undefined {
    this.diagnostics.push({
      code: 'POLICY_INVALID',
      message: `${this.label} has no \`${PREFIX}${name}\`; ${fix}.`,
      pointer: this.pointer(PREFIX + name),
      missing: true,
    });
    return undefined;
  }

  private wrongType(name: string, expected: string): undefined {
    return this.report(
      'POLICY_INVALID',
      `${this.label} has a \`${PREFIX}${name}\` that is not ${expected}; write it as ${expected}.`,
      this.pointer(PREFIX + name),
    );
  }

  /** A text parameter. Required ones must be non-empty unless `allowEmpty`. */
  string(name: string, fix: string, options: Options & { allowEmpty?: boolean } = {}): string | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return options.required ? this.missing(name, fix) : undefined;
    if (typeof value !== 'string') return this.wrongType(name, 'a string');
    if (value === '' && options.required && !options.allowEmpty) return this.missing(name, fix);
    return value;
  }

  /** A parameter holding a policy template (literal text and expressions), parsed once. */
  template(
    name: string,
    fix: string,
    options: Options & { allowEmpty?: boolean } = {},
  ): Template | undefined {
    const text = this.string(name, fix, options);
    return text === undefined ? undefined : this.parse(text, name, parseTemplate);
  }

  /** A path-typed parameter (`@body().a`, `@item().b`, `a.b`, `null`). */
  path(name: string, fix: string, options: Options = {}): PropertyPath | undefined {
    const text = this.string(name, fix, { ...options, allowEmpty: true });
    return text === undefined ? undefined : this.parse(text, name, parsePath);
  }

  parse<T>(text: string, name: string, parse: (text: string) => T): T | undefined {
    try {
      return parse(text);
    } catch (error) {
      if (!isFlowportError(error) || error.code !== 'EXPRESSION_INVALID') throw error;
      return this.report(
        'EXPRESSION_INVALID',
        `${this.label} has an invalid \`${PREFIX}${name}\`: ${error.message.replace(/\.$/, '')}; fix the expression.`,
        this.pointer(PREFIX + name),
      );
    }
  }

  /** One of a few words, compared without case; `fallback` when absent. */
  choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T | undefined {
    const value = this.string(name, '');
    if (value === undefined || value === '') return fallback;
    const found = allowed.find((a) => a.toLowerCase() === value.trim().toLowerCase());
    if (found !== undefined) return found;
    return this.report(
      'POLICY_INVALID',
      `${this.label} has \`${PREFIX}${name}\` \`${value}\`; use one of ${allowed.map((a) => `\`${a}\``).join(', ')}.`,
      this.pointer(PREFIX + name),
    );
  }

  /** `true`/`false`, as booleans or strings in any case; `fallback` when absent. */
  boolean(name: string, fallback: boolean): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null || value === '') return fallback;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
      return value.trim().toLowerCase() === 'true';
    return this.wrongType(name, '`"true"` or `"false"`');
  }

  /** An integer, written as a number or as digits in a string. */
  integer(name: string, fix: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null || value === '') return this.missing(name, fix);
    const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
    return typeof n === 'number' && Number.isInteger(n) ? n : this.wrongType(name, 'an integer');
  }

  object(name: string, fix: string): JsonObject | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return this.missing(name, fix);
    return isObject(value) ? value : this.wrongType(name, 'an object');
  }

  /**
   * The `x-ms-apimTemplate-policySection`, lower-cased, checked against the template's sections;
   * absent means the template's first (default) section.
   */
  section(sections: readonly (PolicySection | 'trigger')[]): PolicySection | 'trigger' | undefined {
    if (this.sectionRead) return this.sectionValue;
    this.sectionRead = true;
    this.sectionValue = this.readSection(sections);
    return this.sectionValue;
  }

  private sectionRead = false;
  private sectionValue: PolicySection | 'trigger' | undefined;

  private readSection(
    sections: readonly (PolicySection | 'trigger')[],
  ): PolicySection | 'trigger' | undefined {
    const first = sections[0] ?? 'request';
    let value: JsonValue | undefined;
    for (const [k, v] of entries(this.instance.parameters))
      if (k.toLowerCase() === SECTION.toLowerCase()) value = v;
    if (value === undefined || value === null || value === '') return first;
    const pointer = this.pointer(SECTION);
    if (typeof value !== 'string')
      return this.report(
        'POLICY_INVALID',
        `${this.label} has a \`${SECTION}\` that is not a string; write \`Request\` or \`Response\`.`,
        pointer,
      );
    const wanted = value.trim().toLowerCase();
    // The fixed-side templates carry no section in the schema; a trigger policy names none.
    if (first === 'trigger') return first;
    const found = sections.find((s) => s === wanted);
    if (found !== undefined) return found;
    const names = sections.map((s) => `\`${s[0]?.toUpperCase()}${s.slice(1)}\``).join(', ');
    return this.report(
      'POLICY_INVALID',
      `${this.label} runs in section \`${value}\`, which this template does not support; use ${names} or remove \`${SECTION}\`.`,
      pointer,
    );
  }
}
