import type { Template } from '../expression/ast.ts';
import { renderTemplate } from '../expression/evaluate.ts';
import { defineTemplate } from './define.ts';
import { EXISTS_ACTIONS, type ExistsAction, resolveExisting } from './exists-action.ts';
import { messageScope } from './scope.ts';

interface Config {
  readonly name: string;
  readonly value: Template;
  readonly existsAction: ExistsAction;
}

/**
 * `setqueryparameter` — adds or updates a query parameter of the request. The value is stored decoded
 * and percent-encoded once when the request is sent; `existsAction` as for `setheader`.
 *
 * @example
 * // { name: '$top', value: '50', existsAction: 'skip' } → `$top=50` unless the caller gave one
 */
export default defineTemplate<Config>({
  id: 'setqueryparameter',
  title: 'Set HTTP query parameter',
  documented: true,
  sections: ['request'],
  read(p) {
    const name = p.string('name', 'add the query parameter name', { required: true });
    const value = p.template('value', 'add the value to set', { required: true, allowEmpty: true });
    const existsAction = p.choice('existsAction', EXISTS_ACTIONS, 'override');
    if (name === undefined || value === undefined || existsAction === undefined) return undefined;
    return { name, value, existsAction };
  },
  request(config, request, ctx) {
    const value = renderTemplate(config.value, messageScope(request, request, ctx));
    const next = resolveExisting(config.existsAction, request.query.get(config.name), value, ',');
    if (next !== undefined) request.query.set(config.name, next);
  },
});
