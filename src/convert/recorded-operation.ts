/**
 * One operation of a connector made from recorded calls: the calls of one method and path template,
 * their values as typed parameters, their bodies and answers as schemas, their paging.
 */
import type { JsonObject } from '../connector/json.ts';
import type { Exchange } from './exchange.ts';
import type { Losses } from './loss.ts';
import { normaliseOperationId } from './operation-id.ts';
import { PAGING_MARK, pagingOf } from './paging.ts';
import type { PathParameter } from './path-template.ts';
import { requestBody, responsesOf } from './recorded-bodies.ts';
import { operationName } from './recorded-names.ts';
import { headerParameters, queryPairs, ValueTable } from './recorded-values.ts';
import { titleCase } from './text.ts';

/** Swagger path parameters of a template, typed by what their values were. */
function pathParameters(list: readonly PathParameter[]): JsonObject[] {
  return list.map((p) => {
    const only = p.kinds.size === 1 ? [...p.kinds][0] : undefined;
    // A word folded into a value's place (`me` beside `42`) has no kind: the type must fit it too.
    const type: JsonObject =
      only === 'integer' && p.values.every((v) => /^\d+$/.test(v))
        ? { type: 'integer' }
        : only === 'uuid'
          ? { type: 'string', format: 'uuid' }
          : only === 'date'
            ? { type: 'string', format: 'date' }
            : { type: 'string' };
    return {
      name: p.name,
      in: 'path',
      required: true,
      ...type,
      'x-ms-url-encoding': 'single',
      'x-ms-summary': titleCase(p.name) || p.name,
    };
  });
}

export interface OperationContext {
  readonly pathParameters: readonly PathParameter[];
  /** Headers every call of the API sent with one value (`constantHeaders`). */
  readonly constants: ReadonlyMap<string, string>;
  readonly losses: Losses;
}

/** The operation the given calls (one method, one template) make; security and placement are the caller's. */
export function recordedOperation(
  method: string,
  template: string,
  list: readonly Exchange[],
  { pathParameters: pathParams, constants, losses }: OperationContext,
): JsonObject {
  const query = new ValueTable();
  for (const c of list) query.addSample(queryPairs(c.url));
  const body = requestBody(method, list, losses);
  const { responses, produces, answers } = responsesOf(list, losses);
  const paging = method === 'GET' ? pagingOf(answers) : undefined;
  const name = operationName(method, template);
  const given = list.find((c) => c.name)?.name;
  const tag = template.split('/').find((s) => s !== '' && !s.startsWith('{'));
  const op: JsonObject = {
    // A name the input gives (a `# Close issue` comment above a curl command) names it: `CloseIssue`.
    operationId: (given && normaliseOperationId(given)) || name.operationId,
    summary: given ?? name.summary,
    ...(tag && { tags: [titleCase(tag) || tag] }),
    parameters: [
      ...pathParameters(pathParams),
      ...query.parameters('query'),
      ...headerParameters(
        list.map((c) => c.headers),
        constants,
      ),
      ...body.parameters,
    ],
    responses,
  };
  if (paging?.kind === 'pageable') {
    op['x-ms-pageable'] = { nextLinkName: paging.nextLinkName };
    op[PAGING_MARK] = paging.nextLinkName;
    losses.add(
      list[0]?.pointer ?? '',
      'paging',
      `answers carry an absolute next-page link in \`${paging.nextLinkName}\`: the operation is pageable (\`x-ms-pageable\`), with an \`updatenextlink\` policy that routes the link back through the connector`,
    );
  } else if (paging)
    losses.add(
      list[0]?.pointer ?? '',
      'paging',
      `answers carry a next ${paging.token ? 'page token' : 'page link'} in \`${paging.name}\`; a connector pages only by a next-page URL in \`nextLink\` or \`@odata.nextLink\`, so the operation returns one page (flows page with a Do until loop${paging.token ? ' passing the token back' : ''})`,
    );
  if (body.consumes) op.consumes = [body.consumes];
  if (produces) op.produces = [produces];
  return op;
}
