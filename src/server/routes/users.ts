import type { FastifyInstance } from 'fastify';
import type { Role } from '../../store/types.ts';
import { callerOf } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { idParams, tokenInfoSchema, userSchema } from '../schemas.ts';

const tags = ['users'];

/** `/api/v1/users`: admins list, create users and change their role; everyone can read who they are. */
export async function userRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/users/me',
    { schema: { tags, summary: 'The calling user', response: { 200: userSchema } } },
    async (request) => callerOf(request).user,
  );

  app.get(
    '/api/v1/users',
    {
      config: { admin: 'list users' },
      schema: {
        tags,
        summary: 'List users (admins)',
        response: { 200: { type: 'object', properties: { users: { type: 'array', items: userSchema } } } },
      },
    },
    async () => ({ users: await ctx.store.listUsers() }),
  );

  app.post<{ Body: { name: string; role: Role; tokenName?: string } }>(
    '/api/v1/users',
    {
      config: { admin: 'create users' },
      schema: {
        tags,
        summary: 'Create a user with a first API token (admins)',
        description: 'The token is in the answer once; hand it to the user.',
        body: {
          type: 'object',
          required: ['name', 'role'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            role: { type: 'string', enum: ['admin', 'maker'] },
            tokenName: { type: 'string', minLength: 1, maxLength: 200, default: 'first token' },
          },
        },
        response: {
          201: {
            type: 'object',
            properties: {
              user: userSchema,
              token: { type: 'string', description: 'Shown once.' },
              tokenInfo: tokenInfoSchema,
            },
          },
        },
      },
    },
    async (request, reply) => {
      const user = await ctx.store.createUser(request.body.name, request.body.role);
      const { token, info } = await ctx.store.createToken(user.id, request.body.tokenName ?? 'first token');
      reply.code(201).header('cache-control', 'no-store');
      return { user, token, tokenInfo: info };
    },
  );

  app.patch<{ Params: { id: string }; Body: { role: Role } }>(
    '/api/v1/users/:id',
    {
      config: { admin: 'change roles' },
      schema: {
        tags,
        summary: "Change a user's role (admins)",
        description:
          'Takes effect on the next call with any of their tokens. Demoting the last admin is `409 CONFLICT`.',
        params: idParams,
        body: {
          type: 'object',
          required: ['role'],
          additionalProperties: false,
          properties: { role: { type: 'string', enum: ['admin', 'maker'] } },
        },
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const user = await ctx.store.setUserRole(request.params.id, request.body.role);
      if (!user) throw notFound('user', request.params.id);
      return user;
    },
  );
}
