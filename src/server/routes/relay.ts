/**
 * `/relay/{connectorId}/…`: URLs a connector makes for itself reach it here (runtime spec §9.3,
 * §11.1). Custom code's `createNotificationUrl('/webhook_response?…')` gives the backend such a URL as
 * its webhook target (DocuSign's relay); the call runs the connector operation whose template it
 * matches, through its pipeline and custom code, and the operation's answer is the answer.
 *
 * No API token and no connection: only operations that declare `security: []` answer here, so a
 * relay URL can never use a stored connection's credentials. The server's rate limit applies.
 */
import type { FastifyInstance } from 'fastify';
import { isObject, own } from '../../connector/json.ts';
import type { Operation } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { AppContext } from '../context.ts';
import { ServerError } from '../errors.ts';
import { acceptRawBodies } from '../raw-body.ts';
import { argumentsOf, sendAnswer } from './invoke.ts';

/** True when the operation itself says it needs no credentials (`security: []`). */
export function isOpenOperation(operation: Operation): boolean {
  const security = own(operation.raw, 'security');
  return (
    Array.isArray(security) &&
    (security.length === 0 || security.every((s) => isObject(s) && Object.keys(s).length === 0))
  );
}

function declaresBody(operation: Operation): boolean {
  return operation.parameters.some((p) => p.in === 'body' || p.in === 'formData');
}

function jsonOf(bytes: Buffer, contentType: string | undefined): unknown {
  if (!/json/i.test(contentType ?? '') || bytes.byteLength === 0) return bytes;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ServerError('BAD_REQUEST', 'The body says it is JSON but does not parse.');
  }
}

export async function relayRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: { readonly publicUrl: string; readonly bodyLimit?: number },
): Promise<void> {
  acceptRawBodies(app, options.bodyLimit);
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  app.route<{ Params: { connectorId: string; '*': string } }>({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/relay/:connectorId/*',
    config: { public: true },
    schema: {
      tags: ['triggers'],
      summary: "A connector's own URL (custom code's createNotificationUrl)",
      description:
        "Runs the connector operation whose path template the rest of the URL matches, without a connection; only operations declaring `security: []` answer. The operation's answer is the answer.",
      security: [],
    },
    handler: async (request, reply) => {
      const connectorId = request.params.connectorId;
      const loaded = await ctx.registry.get(connectorId);
      if (!loaded) throw new FlowportError('NOT_FOUND', `No connector \`${connectorId}\` is hosted here.`);
      const method = request.method.toUpperCase();
      const match = loaded.runtime.locate(method, `${publicUrl}${request.url}`);
      const operation = match?.via === 'runtime' ? match.operation : undefined;
      if (!match || !operation?.id) {
        throw new FlowportError(
          'OPERATION_NOT_FOUND',
          `No operation of \`${connectorId}\` answers \`${method} /${request.params['*']}\`.`,
        );
      }
      if (!isOpenOperation(operation)) {
        throw new ServerError(
          'FORBIDDEN',
          `\`${operation.id}\` uses the connection's credentials, so it cannot be called through a relay URL; only operations with \`security: []\` can.`,
        );
      }
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const contentType = request.headers['content-type'];
      const args = argumentsOf(
        operation,
        match.pathValues,
        match.query,
        request.headers,
        declaresBody(operation) && bytes.byteLength > 0 ? jsonOf(bytes, contentType) : undefined,
        contentType,
      );
      const result = await loaded.runtime.invoke(operation.id, args, {
        async: false,
        relay:
          !declaresBody(operation) && bytes.byteLength > 0
            ? { body: { bytes, contentType: contentType ?? 'application/octet-stream' } }
            : {},
      });
      return sendAnswer(reply, result.response);
    },
  });
}
