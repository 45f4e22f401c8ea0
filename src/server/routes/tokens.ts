import type { FastifyInstance } from 'fastify';
import { callerOf } from '../auth.ts';
import type { AppContext } from '../context.ts';
import type { Caller } from '../deps.ts';
import { notFound, ServerError } from '../errors.ts';
import { idParams, tokenInfoSchema } from '../schemas.ts';
import { expiryOf, expiryProperties } from '../token-expiry.ts';

const tags = ['tokens'];

/** The user whose tokens a request concerns: the caller, or for admins any user named. */
async function subjectOf(ctx: AppContext, caller: Caller, userId: string | undefined): Promise<string> {
  if (userId === undefined || userId === caller.user.id) return caller.user.id;
  if (caller.user.role !== 'admin') {
    throw new ServerError('FORBIDDEN', "Only admins can manage other users' tokens.");
  }
  if (!(await ctx.store.getUser(userId))) throw notFound('user', userId);
  return userId;
}

/** `/api/v1/tokens`: API tokens of the caller; admins may name another user. */
export async function tokenRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { userId?: string } }>(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: "List the caller's API tokens (admins: any user's, with `userId`)",
        querystring: { type: 'object', properties: { userId: { type: 'string' } } },
        response: {
          200: { type: 'object', properties: { tokens: { type: 'array', items: tokenInfoSchema } } },
        },
      },
    },
    async (request) => {
      const userId = await subjectOf(ctx, callerOf(request), request.query.userId);
      return { tokens: await ctx.store.listTokens(userId) };
    },
  );

  app.post<{ Body: { name: string; userId?: string; expiresInDays?: number; expiresAt?: string } }>(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token',
        description:
          'The token is in the answer once; only a hash is stored. It expires after `expiresInDays` or at `expiresAt` (one of them, or neither: it never expires); from then on it is refused with `401`, and it stays listed with its `expiresAt`.',
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            userId: { type: 'string', description: 'Admins only: create the token for this user.' },
            ...expiryProperties(),
          },
        },
        response: {
          201: {
            type: 'object',
            required: ['token', 'info'],
            properties: { token: { type: 'string', description: 'Shown once.' }, info: tokenInfoSchema },
          },
        },
      },
    },
    async (request, reply) => {
      const expiresAt = expiryOf(request.body, ctx.now);
      const userId = await subjectOf(ctx, callerOf(request), request.body.userId);
      const created = await ctx.store.createToken(userId, request.body.name, {
        ...(expiresAt !== undefined && { expiresAt }),
      });
      reply.code(201).header('cache-control', 'no-store');
      return created;
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/tokens/:id',
    { schema: { tags, summary: 'Revoke an API token', params: idParams } },
    async (request, reply) => {
      const caller = callerOf(request);
      const scope = caller.user.role === 'admin' ? undefined : caller.user.id;
      const revoked = await ctx.store.revokeToken(request.params.id, scope);
      if (!revoked) throw notFound('token', request.params.id);
      reply.code(204);
    },
  );
}
