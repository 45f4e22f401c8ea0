import type { JsonValue } from '../../connector/json.ts';
import type { Template } from '../expression/ast.ts';
import { evaluateExpression, toText } from '../expression/evaluate.ts';
import { isLiteral, singleExpression } from '../expression/parse.ts';
import type { PropertyPath } from '../expression/path.ts';
import { setAt } from '../expression/path.ts';
import type { ExpressionScope } from '../expression/scope.ts';
import type { PolicyContext, RuntimeRequest } from '../types.ts';
import { defineTemplate } from './define.ts';
import { elements, jsonBody } from './json-body.ts';
import { type Message, messageScope } from './scope.ts';

interface Config {
  readonly parent: PropertyPath;
  readonly sub: PropertyPath;
  readonly value: Template;
  /** The value text looks like a JSON array or object (`["a"]`, `[{@body().x}]`). */
  readonly json: boolean;
  readonly label: string;
}

const MISSING = Symbol('missing');

/**
 * The value to write. One reference keeps its JSON type; text that looks like a JSON array or object
 * is parsed after references are written as JSON (LawVu `["matter.created"]`, Blackbaud
 * `[{@body().payments}]`); anything else is text (the documentation writes `30` as `"30"`). A missing
 * reference in the first two forms leaves the property alone.
 */
/** Literal text opens and closes a JSON array or object around the references (not `{@…}` braces). */
function looksLikeJson(template: Template): boolean {
  const first = template.pieces[0];
  const last = template.pieces[template.pieces.length - 1];
  if (first?.kind !== 'text' || last?.kind !== 'text') return false;
  const open = first.text.trimStart()[0];
  const close = last.text.trimEnd().at(-1);
  return (open === '[' && close === ']') || (open === '{' && close === '}');
}

function propertyValue(config: Config, scope: ExpressionScope): JsonValue | typeof MISSING {
  const only = singleExpression(config.value);
  if (only) return evaluateExpression(only, scope) ?? MISSING;
  if (isLiteral(config.value) && !config.json) return config.value.source;
  let text = '';
  for (const piece of config.value.pieces) {
    if (piece.kind === 'text') text += piece.text;
    else {
      const v = evaluateExpression(piece.expression, scope);
      if (config.json && v === undefined) return MISSING;
      text += config.json ? JSON.stringify(v) : toText(v);
    }
  }
  if (!config.json) return text;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

function apply(config: Config, message: Message, request: RuntimeRequest, ctx: PolicyContext): void {
  const holder = jsonBody(message, ctx, config.label);
  if (!holder) return;
  const base = messageScope(message, request, ctx);
  for (const element of elements(holder, config.parent, config.sub, ctx, config.label)) {
    const value = propertyValue(config, { ...base, body: () => holder.value, item: () => element.value });
    if (value === MISSING) {
      ctx.warn(`${config.label} was skipped: \`${config.value.source}\` refers to a missing value.`);
      continue;
    }
    if (!setAt(element.value, config.sub.steps, value))
      ctx.warn(
        `${config.label} could not set \`${config.sub.source}\`: \`${config.parent.source}\` is not an object.`,
      );
  }
}

/**
 * `setproperty` — adds or updates a property of the body (Request) or response body (Response); when
 * the parent is an array, every element gets it.
 *
 * @example
 * // parent "@body()", sub-path "name", value "{@body().firstName} {@body().lastName}" → name: "John Smith"
 */
export default defineTemplate<Config>({
  id: 'setproperty',
  title: 'Set property',
  documented: true,
  sections: ['request', 'response'],
  read(p) {
    const parent = p.path(
      'newPropertyParentPathTemplate',
      'add the object to change, for example `@body()`',
      {
        required: true,
      },
    );
    const sub = p.path('newPropertySubPathTemplate', 'add the property name to set', { required: true });
    if (sub !== undefined && sub.steps.length === 0)
      p.report(
        'POLICY_INVALID',
        `${p.label} has an empty \`x-ms-apimTemplateParameter.newPropertySubPathTemplate\`; name the property to set.`,
        p.pointer('x-ms-apimTemplateParameter.newPropertySubPathTemplate'),
      );
    const value = p.template('propertyValuePathTemplate', 'add the value to set', {
      required: true,
      allowEmpty: true,
    });
    if (parent === undefined || sub === undefined || value === undefined) return undefined;
    return { parent, sub, value, json: looksLikeJson(value), label: p.label };
  },
  request: (config, request, ctx) => apply(config, request, request, ctx),
  response: (config, response, ctx) => apply(config, response, ctx.request, ctx),
});
