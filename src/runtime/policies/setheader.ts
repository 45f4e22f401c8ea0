import { FlowportError } from '../../errors.ts';
import type { Template } from '../expression/ast.ts';
import { renderTemplate } from '../expression/evaluate.ts';
import type { PolicyContext, RuntimeRequest } from '../types.ts';
import { defineTemplate } from './define.ts';
import { EXISTS_ACTIONS, type ExistsAction, resolveExisting } from './exists-action.ts';
import { type Message, messageScope } from './scope.ts';

interface Config {
  readonly name: string;
  readonly value: Template;
  readonly existsAction: ExistsAction;
  readonly label: string;
}

// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function apply(config: Config, message: Message, request: RuntimeRequest, ctx: PolicyContext): void {
  const value = renderTemplate(config.value, messageScope(message, request, ctx));
  if (/[\r\n\0]/.test(value))
    throw new FlowportError(
      'POLICY_FAILED',
      `${config.label} built a value for header \`${config.name}\` with a line break or NUL; check the values it reads.`,
    );
  const next = resolveExisting(config.existsAction, message.headers.get(config.name), value, ', ');
  if (next !== undefined) message.headers.set(config.name, next);
}

/**
 * `setheader` — sets a header on the request (Request), the response (Response) or the error response
 * (Failure). The value may use any expression; `existsAction` is `override` (default), `skip` or `append`.
 *
 * @example
 * // { name: 'Authorization', value: "DdApi @connectionParameters('apiKey')" } → `Authorization: DdApi k3y`
 */
export default defineTemplate<Config>({
  id: 'setheader',
  title: 'Set HTTP header',
  documented: true,
  sections: ['request', 'response', 'failure'],
  read(p) {
    const name = p.string('name', 'add the header name', { required: true });
    if (name !== undefined && !HEADER_NAME.test(name))
      p.report(
        'POLICY_INVALID',
        `${p.label} sets header \`${name}\`, which is not a valid header name; use letters, digits and \`-\`.`,
        p.pointer('x-ms-apimTemplateParameter.name'),
      );
    const value = p.template('value', 'add the value to set', { required: true, allowEmpty: true });
    const existsAction = p.choice('existsAction', EXISTS_ACTIONS, 'override');
    if (name === undefined || value === undefined || existsAction === undefined) return undefined;
    return { name, value, existsAction, label: p.label };
  },
  request: (config, request, ctx) => apply(config, request, request, ctx),
  response: (config, response, ctx) => apply(config, response, ctx.request, ctx),
});
