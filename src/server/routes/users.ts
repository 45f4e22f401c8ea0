import type { FastifyInstance } from 'fastify';
import { FlowportError } from '../../errors.ts';
import type { Role, UserPatch } from '../../store/types.ts';
import { callerOf } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { idParams, tokenInfoSchema, userSchema } from '../schemas.ts';
import { expiryOf, expiryProperties } from '../token-expiry.ts';

const tags = ['users'];

/** `/api/v1/users`: admins list, create, change and disable users; everyone can read who they are. */
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

  app.post<{
    Body: {
      name: string;
      role: Role;
      tokenName?: string;
      tokenExpiresInDays?: number;
      tokenExpiresAt?: string;
    };
  }>(
    '/api/v1/users',
    {
      config: { admin: 'create users' },
      schema: {
        tags,
        summary: 'Create a user with a first API token (admins)',
        description:
          'The token is in the answer once; hand it to the user. It expires after `tokenExpiresInDays` or at `tokenExpiresAt` (one of them, or neither: it never expires).',
        body: {
          type: 'object',
          required: ['name', 'role'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            role: { type: 'string', enum: ['admin', 'maker'] },
            tokenName: { type: 'string', minLength: 1, maxLength: 200, default: 'first token' },
            ...expiryProperties('token'),
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
      const expiresAt = expiryOf(request.body, ctx.now, 'token');
      const user = await ctx.store.createUser(request.body.name, request.body.role);
      const { token, info } = await ctx.store.createToken(user.id, request.body.tokenName ?? 'first token', {
        ...(expiresAt !== undefined && { expiresAt }),
      });
      reply.code(201).header('cache-control', 'no-store');
      return { user, token, tokenInfo: info };
    },
  );

  app.patch<{ Params: { id: string }; Body: UserPatch }>(
    '/api/v1/users/:id',
    {
      config: { admin: 'change users' },
      schema: {
        tags,
        summary: "Change a user's role, or disable or enable them (admins)",
        description:
          "Takes effect on the next call with any of their tokens: a disabled user's tokens are refused (`401`) until they are enabled again; their tokens are kept. A change that would leave no enabled admin, or disabling yourself, is `409 CONFLICT`.",
        params: idParams,
        body: {
          type: 'object',
          minProperties: 1,
          additionalProperties: false,
          properties: {
            role: { type: 'string', enum: ['admin', 'maker'] },
            disabled: { type: 'boolean' },
          },
        },
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (request.body.disabled === true && id === callerOf(request).user.id) {
        throw new FlowportError('CONFLICT', 'You cannot disable yourself; ask another admin.');
      }
      const user = await ctx.store.updateUser(id, request.body);
      if (!user) throw notFound('user', id);
      return user;
    },
  );
}
