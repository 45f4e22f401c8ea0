import type { JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import type { Template } from '../expression/ast.ts';
import { renderTemplate, toText } from '../expression/evaluate.ts';
import { singleExpression } from '../expression/parse.ts';
import { getAt, type PropertyPath } from '../expression/path.ts';
import type { PolicyContext, PolicySection, ResponseBody, RuntimeRequest } from '../types.ts';
import { defineTemplate } from './define.ts';
import type { InstanceParameters } from './parameters.ts';
import { fillPlaceholders, HTTP_METHODS, splitPathAndQuery } from './placeholders.ts';
import { type Message, messageScope } from './scope.ts';

interface Config {
  readonly destination: { readonly kind: 'header' | 'query'; readonly name: string };
  readonly method: string;
  readonly url: Template;
  readonly valuePath: PropertyPath;
  readonly label: string;
}

function readDestination(p: InstanceParameters): Config['destination'] | undefined {
  const template = p.template(
    'parameterTemplate',
    "add the destination, `@headers('Name')` or `@queryParameters('name')`",
    {
      required: true,
    },
  );
  if (template === undefined) return undefined;
  const only = singleExpression(template);
  if (only?.kind === 'call' && only.args.length === 1 && only.accessors.length === 0) {
    const name = only.args[0] ?? '';
    if (only.name === 'headers') return { kind: 'header', name };
    if (only.name === 'queryParameters') return { kind: 'query', name };
  }
  return p.report(
    'POLICY_INVALID',
    `${p.label} has \`x-ms-apimTemplateParameter.parameterTemplate\` \`${template.source}\`; write \`@headers('Name')\` or \`@queryParameters('name')\`.`,
    p.pointer('x-ms-apimTemplateParameter.parameterTemplate'),
  );
}

function parsedBody(body: ResponseBody): JsonValue | undefined {
  if (body.kind === 'json') return body.value;
  if (body.kind !== 'text') return undefined;
  try {
    return JSON.parse(body.text) as JsonValue;
  } catch {
    return body.text;
  }
}

/**
 * The sub-request (DECIDE 9): the current base URL and headers (auth included), the URL's own path and
 * query, an empty body.
 */
export function subRequest(
  config: Config,
  request: RuntimeRequest,
  message: Message,
  ctx: PolicyContext,
): RuntimeRequest {
  const rendered = renderTemplate(config.url, messageScope(message, request, ctx), {
    literal: (text) => fillPlaceholders(text, ctx, config.label),
    value: encodeURIComponent,
  });
  const { path, query } = splitPathAndQuery(rendered);
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return {
    method: config.method,
    baseUrl: request.baseUrl,
    path: path.startsWith('/') ? path : `/${path}`,
    query,
    headers,
    body: { kind: 'none' },
  };
}

async function apply(
  config: Config,
  message: Message,
  request: RuntimeRequest,
  ctx: PolicyContext,
): Promise<void> {
  const sub = subRequest(config, request, message, ctx);
  const response = await ctx.send(sub);
  if (response.status < 200 || response.status > 299)
    throw new FlowportError(
      'POLICY_FAILED',
      `${config.label} called \`${sub.method} ${sub.path}\`, which answered ${response.status}; check that the URL and the headers it inherits are right.`,
    );
  const value = getAt(parsedBody(response.body), config.valuePath.steps);
  if (value === undefined || value === null)
    throw new FlowportError(
      'POLICY_FAILED',
      `${config.label} found nothing at \`${config.valuePath.source}\` in the answer of \`${sub.method} ${sub.path}\`; fix \`parameterValuePathTemplate\`.`,
    );
  if (config.destination.kind === 'header') message.headers.set(config.destination.name, toText(value));
  else request.query.set(config.destination.name, toText(value));
}

/**
 * `setvaluefromurl` — calls another endpoint of the same backend and stores a value of its JSON answer
 * in a header or query parameter of the request (or a header of the response).
 *
 * @example
 * // GET /v1.0/planner/tasks/{id} → `@body()['@odata.etag']` → header If-Match
 */
export default defineTemplate<Config>({
  id: 'setvaluefromurl',
  title: 'Set header/query parameter value from URL',
  documented: true,
  sections: ['request', 'response'],
  read(p) {
    const destination = readDestination(p);
    const method = p.choice('httpMethod', HTTP_METHODS, 'GET');
    const url = p.template('parameterValueUrl', 'add the backend-relative URL to call', { required: true });
    const valuePath = p.path(
      'parameterValuePathTemplate',
      'add the path of the value in the answer, for example `@body().id`',
      {
        required: true,
      },
    );
    const section = p.section(['request', 'response']) as PolicySection | undefined;
    if (destination?.kind === 'query' && section === 'response')
      p.report(
        'POLICY_INVALID',
        `${p.label} writes query parameter \`${destination.name}\` in the Response section, where there is no query; write a header or use the Request section.`,
        p.pointer('x-ms-apimTemplateParameter.parameterTemplate'),
      );
    if (!destination || !method || !url || !valuePath) return undefined;
    return { destination, method, url, valuePath, label: p.label };
  },
  request: (config, request, ctx) => apply(config, request, request, ctx),
  response: (config, response, ctx) => apply(config, response, ctx.request, ctx),
});
