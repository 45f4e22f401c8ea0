import type { Template } from '../expression/ast.ts';
import { renderTemplate } from '../expression/evaluate.ts';
import { defineTemplate } from './define.ts';
import {
  fillPlaceholders,
  HTTP_METHODS,
  mergeQuery,
  ORIGINAL_METHOD,
  splitPathAndQuery,
} from './placeholders.ts';
import { messageScope } from './scope.ts';

interface Config {
  readonly newPath: Template;
  /** Undefined keeps the operation's method. */
  readonly method: string | undefined;
  readonly label: string;
}

/**
 * `routerequesttoendpoint` — replaces the operation path (relative to the base URL) with `newPath`:
 * `{name}` placeholders take the call's path parameter values, expression values are percent-encoded,
 * a `?query` part is merged into the request's query (DECIDE 8). `httpMethod` changes the method;
 * `@Request.OriginalHTTPMethod` or no value keeps it.
 *
 * @example
 * // newPath "/@queryParameters('version')/get/{id}" with version=v2, id=7 → path /v2/get/7
 */
export default defineTemplate<Config>({
  id: 'routerequesttoendpoint',
  title: 'Route request',
  documented: true,
  sections: ['request'],
  read(p) {
    const newPath = p.template('newPath', 'add the backend path to call, for example `/v1.0/items/{id}`', {
      required: true,
    });
    const rawMethod = p.string('httpMethod', '');
    let method: string | undefined;
    if (
      rawMethod !== undefined &&
      rawMethod.trim() !== '' &&
      rawMethod.trim().toLowerCase() !== ORIGINAL_METHOD.toLowerCase()
    ) {
      method = HTTP_METHODS.find((m) => m === rawMethod.trim().toUpperCase());
      if (method === undefined)
        p.report(
          'POLICY_INVALID',
          `${p.label} has \`x-ms-apimTemplateParameter.httpMethod\` \`${rawMethod}\`; use ${HTTP_METHODS.join(', ')} or \`${ORIGINAL_METHOD}\`.`,
          p.pointer('x-ms-apimTemplateParameter.httpMethod'),
        );
    }
    return newPath && { newPath, method, label: p.label };
  },
  request(config, request, ctx) {
    const rendered = renderTemplate(config.newPath, messageScope(request, request, ctx), {
      literal: (text) => fillPlaceholders(text, ctx, config.label),
      value: encodeURIComponent,
    });
    const { path, query } = splitPathAndQuery(rendered);
    request.path = path.startsWith('/') ? path : `/${path}`;
    mergeQuery(request.query, query);
    if (config.method !== undefined) request.method = config.method;
  },
});
