import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { ServerError } from '../errors.ts';

const tags = ['health'];
const statusSchema = { type: 'object', properties: { status: { type: 'string' } } } as const;

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by `lifecycle.ts` when shutdown starts, so `/readyz` tells load balancers to stop sending. */
    draining: boolean;
  }
}

/** `/healthz` (the process answers) and `/readyz` (the store answers and no shutdown is under way). */
export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/healthz',
    {
      config: { public: true, rateLimit: false },
      schema: { tags, summary: 'Liveness', security: [], response: { 200: statusSchema } },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true, rateLimit: false },
      schema: {
        tags,
        summary: 'Readiness: the store answers',
        security: [],
        response: { 200: statusSchema },
      },
    },
    async () => {
      if (app.draining) throw new ServerError('NOT_READY', 'The server is shutting down.');
      try {
        await ctx.store.countUsers();
      } catch (cause) {
        throw new ServerError('NOT_READY', 'The store does not answer.', { cause });
      }
      return { status: 'ready' };
    },
  );
}
