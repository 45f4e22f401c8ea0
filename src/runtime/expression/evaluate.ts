import type { JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import type { Expression, Template } from './ast.ts';
import { singleExpression } from './parse.ts';
import { step } from './path.ts';
import type { ExpressionScope } from './scope.ts';

function describe(value: JsonValue | undefined): string {
  if (value === undefined) return 'a missing value';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function root(expression: Expression & { kind: 'call' }, scope: ExpressionScope): JsonValue | undefined {
  const [name = '', fallback] = expression.args;
  switch (expression.name) {
    case 'headers':
      return scope.header(name) ?? fallback ?? '';
    case 'queryParameters':
      return scope.queryParameter(name) ?? fallback ?? '';
    case 'connectionParameters':
      return scope.connectionParameter(name) ?? fallback ?? '';
    case 'body':
      return scope.body();
    case 'item':
      return scope.item();
    case 'triggerBody':
      return scope.triggerBody();
  }
}

/**
 * Evaluates one expression. Absent header, query and connection values without a default give `''`;
 * a missing last property gives `undefined`; reading a property or index of null, of a missing value
 * or of text fails with `POLICY_FAILED` (the documentation: `@body().summary.amount` fails when
 * `summary` is null).
 */
export function evaluateExpression(expression: Expression, scope: ExpressionScope): JsonValue | undefined {
  if (expression.kind === 'originalMethod') return scope.originalMethod();
  let value = root(expression, scope);
  for (const accessor of expression.accessors) {
    if (
      value === null ||
      value === undefined ||
      (typeof value !== 'object' && accessor.kind === 'property')
    ) {
      const what = accessor.kind === 'index' ? `index ${accessor.index}` : `\`${accessor.name}\``;
      throw new FlowportError(
        'POLICY_FAILED',
        `Policy expression \`${expression.source}\` cannot read ${what} of ${describe(value)} (column ${expression.column}); check that the value exists or use a path that does.`,
      );
    }
    value = step(value, accessor);
  }
  return value;
}

/** Text form of a value inside a template: objects and arrays as JSON, null and missing as `''`. */
export function toText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export interface RenderOptions {
  /** Rewrites literal text pieces (`{id}` placeholders in paths), never expression values. */
  readonly literal?: (text: string) => string;
  /** Rewrites expression values once turned into text (percent-encoding in a path). */
  readonly value?: (text: string) => string;
}

/** Evaluates every piece and concatenates them as text. */
export function renderTemplate(
  template: Template,
  scope: ExpressionScope,
  options: RenderOptions = {},
): string {
  let out = '';
  for (const piece of template.pieces) {
    if (piece.kind === 'text') out += options.literal ? options.literal(piece.text) : piece.text;
    else {
      const text = toText(evaluateExpression(piece.expression, scope));
      out += options.value ? options.value(text) : text;
    }
  }
  return out;
}

/**
 * Evaluates a template: a template that is exactly one expression keeps its JSON type (`undefined`
 * when the value is missing); anything else is concatenated as text.
 *
 * @example
 * evaluateTemplate(parseTemplate("@headers('test')moo"), scope); // 'foomoo' when header test=foo
 */
export function evaluateTemplate(template: Template, scope: ExpressionScope): JsonValue | undefined {
  const only = singleExpression(template);
  return only ? evaluateExpression(only, scope) : renderTemplate(template, scope);
}
