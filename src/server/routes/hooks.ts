import type { FastifyInstance } from 'fastify';
import { acceptRawBodies } from '../raw-body.ts';
import type { TriggerService } from '../triggers/service.ts';

/**
 * `POST /hooks/{subscriptionId}/{secret}`: where backends send webhook callbacks (decision 17 of
 * docs/triggers.md). No API token: the unguessable secret in the URL is the credential (192 bits,
 * stored as a hash, compared in constant time); an unknown id or a wrong secret is a 404, a stopped
 * subscription a 410 (senders stop retrying), stored events a 202 with an empty body. Any content
 * type is taken as bytes and decoded by the trigger engine.
 */
export async function hookRoutes(
  app: FastifyInstance,
  options: { readonly service: TriggerService; readonly bodyLimit?: number },
): Promise<void> {
  acceptRawBodies(app, options.bodyLimit);
  const config = { public: true, rateLimit: false } as const;
  const params = {
    type: 'object',
    required: ['id', 'secret'],
    properties: { id: { type: 'string', maxLength: 200 }, secret: { type: 'string', maxLength: 200 } },
  } as const;

  app.post<{ Params: { id: string; secret: string } }>(
    '/hooks/:id/:secret',
    {
      config,
      schema: {
        tags: ['triggers'],
        summary: 'Webhook callback (for backends)',
        description:
          'The URL flowport gives a backend when it subscribes; answers 202 once the events are stored.',
        security: [],
        params,
      },
    },
    async (request, reply) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const { status } = await options.service.receive(request.params.id, request.params.secret, {
        headers: request.headers,
        bytes,
      });
      if (status === 404) {
        // The same answer for an unknown id and a wrong secret; the secret is never logged.
        return reply.code(404).type('application/problem+json').send({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          code: 'NOT_FOUND',
          detail: 'No webhook subscription answers at this URL.',
        });
      }
      return reply.code(status).send();
    },
  );

  for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) {
    app.route({
      method,
      url: '/hooks/:id/:secret',
      config: { ...config, openapi: false },
      handler: async (_request, reply) =>
        reply.code(405).header('allow', 'POST').type('application/problem+json').send({
          type: 'about:blank',
          title: 'Method Not Allowed',
          status: 405,
          code: 'METHOD_NOT_ALLOWED',
          detail: 'Webhook callbacks are POST requests.',
        }),
    });
  }
}
