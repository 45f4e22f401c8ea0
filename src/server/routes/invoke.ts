import type { FastifyInstance, FastifyReply } from 'fastify';
import type { JsonValue } from '../../connector/json.ts';
import type { Operation } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import { matchOperation } from '../../runtime/path-match.ts';
import type { ArgumentValue, RuntimeResponse } from '../../runtime/types.ts';
import { callerOf } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { ServerError } from '../errors.ts';
import { invokeWith, openConnection } from '../invocation.ts';

/** `/apim/<connectorId>/<connectionId>/<operation path>` (Power Fx `PowerPlatformConnectorClient`). */
const APIM_URL = /^\/apim\/([^/?#]+)\/([^/?#]+)(\/[^?#]*)?(?:\?([^#]*))?$/;

/** Response headers that describe the backend's connection or encoding, not the body we send. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'upgrade',
  'trailer',
]);

function put(args: Record<string, ArgumentValue>, name: string, value: ArgumentValue): void {
  Object.defineProperty(args, name, { value, enumerable: true, writable: true, configurable: true });
}

/** The operation's arguments from the path values, the query, the request headers and the body. */
export function argumentsOf(
  operation: Operation,
  pathValues: Readonly<Record<string, string>>,
  query: URLSearchParams,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: unknown,
  contentType: string | undefined,
): Record<string, ArgumentValue> {
  const args: Record<string, ArgumentValue> = {};
  for (const p of operation.parameters) {
    if (p.in === 'path' && Object.hasOwn(pathValues, p.name)) put(args, p.name, pathValues[p.name]!);
    else if (p.in === 'query') {
      const values = query.getAll(p.name);
      if (values.length === 1) put(args, p.name, values[0]!);
      else if (values.length > 1) put(args, p.name, values);
    } else if (p.in === 'header') {
      const value = headers[p.name.toLowerCase()];
      if (typeof value === 'string') put(args, p.name, value);
    } else if (p.in === 'body' && body !== undefined) {
      put(
        args,
        p.name,
        Buffer.isBuffer(body)
          ? {
              kind: 'file',
              name: 'body',
              contentType: contentType ?? 'application/octet-stream',
              bytes: body,
            }
          : (body as JsonValue),
      );
    }
  }
  return args;
}

function headerOf(headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string {
  const value = headers[name];
  if (typeof value !== 'string' || value === '') {
    throw new ServerError('BAD_REQUEST', `The \`${name}\` header is required by \`POST /invoke\`.`);
  }
  return value;
}

/**
 * `POST /invoke`: the endpoint the Power Fx connector client calls (runtime spec §13.1). The target
 * is in `x-ms-request-method` and `x-ms-request-url`; the operation is found by method and path
 * template (§13.2) and the backend's status, headers and body are the answer, unchanged.
 */
export async function invokeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/invoke',
    {
      schema: {
        tags: ['compatibility'],
        summary: 'Invoke an operation as the Power Fx connector client does',
        description:
          "Headers `x-ms-request-method` and `x-ms-request-url` (`/apim/<connectorId>/<connectionId>/<path>?<query>`) name the call; the body is the operation's body. The answer is the backend's; over the connection's calls a minute it is a 429 `CONNECTION_THROTTLED` problem with `Retry-After`, and the backend is not called.",
        headers: {
          type: 'object',
          required: ['x-ms-request-method', 'x-ms-request-url'],
          properties: {
            'x-ms-request-method': { type: 'string' },
            'x-ms-request-url': { type: 'string' },
          },
        },
        response: { '2xx': { description: "The backend's answer.", content: { '*/*': { schema: {} } } } },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const method = headerOf(request.headers, 'x-ms-request-method').toUpperCase();
      const url = headerOf(request.headers, 'x-ms-request-url');
      const m = APIM_URL.exec(url);
      if (!m) {
        throw new ServerError(
          'BAD_REQUEST',
          '`x-ms-request-url` must be `/apim/<connectorId>/<connectionId>/<operation path>`.',
        );
      }
      const [, connectorId, connectionId, path, query] = m;
      const open = await openConnection(ctx, caller, decodeURIComponent(connectionId!));
      if (open.info.connectorId !== decodeURIComponent(connectorId!)) {
        throw new FlowportError(
          'NOT_FOUND',
          `Connection \`${open.info.id}\` is not a connection of \`${connectorId}\`.`,
        );
      }
      const match = matchOperation(open.loaded.connector, method, path ?? '/');
      if (!match?.operation.id) {
        throw new FlowportError(
          'OPERATION_NOT_FOUND',
          `No operation of \`${open.info.connectorId}\` answers \`${method} ${path ?? '/'}\`.`,
        );
      }
      const args = argumentsOf(
        match.operation,
        match.pathValues,
        new URLSearchParams(query ?? ''),
        request.headers,
        request.body ?? undefined,
        request.headers['content-type'],
      );
      const result = await invokeWith(ctx, open, match.operation.id, args);
      return sendAnswer(reply, result.response);
    },
  );
}

/** The backend's answer as this route's answer: status, headers (without hop-by-hop ones), body. */
export function sendAnswer(reply: FastifyReply, response: RuntimeResponse): FastifyReply {
  reply.code(response.status);
  for (const [name, value] of response.headers) {
    if (!HOP_HEADERS.has(name)) reply.header(name, value);
  }
  const body = response.body;
  if (body.kind === 'json') return reply.type('application/json').send(JSON.stringify(body.value));
  if (body.kind === 'text') return reply.send(body.text);
  if (body.kind === 'binary') return reply.send(Buffer.from(body.bytes));
  return reply.send();
}
