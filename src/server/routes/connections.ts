import type { FastifyInstance } from 'fastify';
import { testConnection } from '../../runtime/dynamic/index.ts';
import { callerOf } from '../auth.ts';
import { checkValues, initialStatus } from '../connection.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { callerFor, findConnection, loadConnectorOf, openConnection, recordStatus } from '../invocation.ts';
import { withoutOAuthClient } from '../oauth/endpoints.ts';
import { connectionSchema, idParams } from '../schemas.ts';

const tags = ['connections'];

const valuesSchema = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: 65536 },
  description: 'Connection parameter values by name; secret ones are sealed and never returned.',
} as const;

const createBody = {
  type: 'object',
  required: ['connectorId'],
  additionalProperties: false,
  properties: {
    connectorId: { type: 'string', minLength: 1 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    parameterSet: {
      type: 'string',
      description: 'The `connectionParameterSets` value, for multi-auth connectors.',
    },
    values: valuesSchema,
  },
} as const;

const patchBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    values: {
      type: 'object',
      additionalProperties: { type: ['string', 'null'], maxLength: 65536 },
      description: 'Values to change; `null` removes one. The result is checked like a new connection.',
    },
  },
} as const;

const testResultSchema = {
  type: 'object',
  properties: {
    ok: { type: 'boolean' },
    status: { type: 'integer' },
    operationId: { type: 'string' },
    method: { type: 'string', enum: ['capability', 'fallback', 'none'] },
    connectionStatus: { type: 'string', enum: ['connected', 'unauthenticated', 'error'] },
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
    connection: connectionSchema,
  },
} as const;

interface CreateBody {
  readonly connectorId: string;
  readonly name?: string;
  readonly parameterSet?: string;
  readonly values?: Record<string, string>;
}

interface PatchBody {
  readonly name?: string;
  readonly values?: Record<string, string | null>;
}

/** `/api/v1/connections`: each user sees and changes only their own; another user's is a 404. */
export async function connectionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: { connectorId?: string } }>(
    '/api/v1/connections',
    {
      schema: {
        tags,
        summary: "List the caller's connections",
        querystring: { type: 'object', properties: { connectorId: { type: 'string' } } },
        response: {
          200: { type: 'object', properties: { connections: { type: 'array', items: connectionSchema } } },
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return { connections: await ctx.store.listConnections(caller.user.id, request.query.connectorId) };
    },
  );

  app.post<{ Body: CreateBody }>(
    '/api/v1/connections',
    {
      schema: {
        tags,
        summary: 'Create a connection',
        description:
          "Values are checked against the connector's `connectionParameters` (or the chosen parameter set). The status is `connected`, or `unauthenticated` for OAuth connections until consent (`POST /api/v1/connections/{id}/oauth/start`).",
        body: createBody,
        response: { 201: connectionSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { connectorId } = request.body;
      const loaded = await loadConnectorOf(ctx, connectorId);
      const checked = checkValues(loaded.connector, request.body.parameterSet, request.body.values ?? {});
      const { status, statusReason } = initialStatus(checked.oauth);
      const created = await ctx.store.createConnection({
        ownerId: caller.user.id,
        connectorId,
        name: request.body.name ?? loaded.connector.definition.info.title ?? connectorId,
        parameterSet: checked.parameterSet,
        values: checked.values,
        secrets: checked.secrets,
        status,
      });
      const info = statusReason
        ? ((await ctx.store.updateConnection(created.id, caller.user.id, { statusReason })) ?? created)
        : created;
      reply.code(201).header('location', `/api/v1/connections/${info.id}`);
      return info;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/connections/:id',
    { schema: { tags, summary: 'Get a connection', params: idParams, response: { 200: connectionSchema } } },
    async (request) => findConnection(ctx, callerOf(request), request.params.id),
  );

  app.patch<{ Params: { id: string }; Body: PatchBody }>(
    '/api/v1/connections/:id',
    {
      schema: {
        tags,
        summary: 'Rename a connection or change its values',
        params: idParams,
        body: patchBody,
        response: { 200: connectionSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const info = await findConnection(ctx, caller, request.params.id);
      const { name, values } = request.body;
      if (values === undefined) {
        const updated = await ctx.store.updateConnection(
          info.id,
          caller.user.id,
          name !== undefined ? { name } : {},
        );
        if (!updated) throw notFound('connection', info.id);
        return updated;
      }
      const loaded = await loadConnectorOf(ctx, info.connectorId);
      const merged: Record<string, string> = {
        ...info.values,
        ...(await ctx.store.connectionSecrets(info.id)),
      };
      for (const [key, value] of Object.entries(values)) {
        if (value === null) delete merged[key];
        else
          Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
      }
      // OAuth app credentials stored by a sign-in are not connection values: checked without them, kept.
      const checkable = withoutOAuthClient(loaded.connector, info.parameterSet, merged);
      const checked = checkValues(loaded.connector, info.parameterSet, checkable);
      const client = new Set(Object.keys(merged).filter((n) => !Object.hasOwn(checkable, n)));
      const removed = Object.fromEntries(
        info.secretsSet
          .filter((n) => !Object.hasOwn(checked.secrets, n) && !client.has(n))
          .map((n) => [n, null]),
      );
      // New credentials are assumed good until used; an OAuth connection keeps its consent state.
      const status = checked.oauth
        ? { status: info.status, statusReason: info.statusReason }
        : initialStatus(false);
      const updated = await ctx.store.updateConnection(info.id, caller.user.id, {
        ...(name !== undefined && { name }),
        values: checked.values,
        secrets: { ...removed, ...checked.secrets },
        status: status.status,
        statusReason: status.statusReason ?? null,
      });
      if (!updated) throw notFound('connection', info.id);
      return updated;
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/connections/:id',
    {
      schema: {
        tags,
        summary: 'Delete a connection, its tokens and its trigger subscriptions',
        description:
          'Webhook subscriptions of the connection are unsubscribed at the backend first (while the connection can still sign in); a refused unsubscribe does not stop the delete.',
        params: idParams,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await findConnection(ctx, caller, request.params.id);
      for (const sub of await ctx.store.listSubscriptions(caller.user.id, {
        connectionId: request.params.id,
      })) {
        const { unsubscribe } = await app.triggers.service.remove(caller.user.id, sub.id);
        if (unsubscribe && !unsubscribe.ok)
          request.log.warn({ subscriptionId: sub.id, error: unsubscribe.error?.code }, 'unsubscribe refused');
      }
      const deleted = await ctx.store.deleteConnection(request.params.id, caller.user.id);
      if (!deleted) throw notFound('connection', request.params.id);
      reply.code(204);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/connections/:id/test',
    {
      schema: {
        tags,
        summary: 'Test a connection',
        description:
          'Calls `x-ms-capabilities.testConnection`, else a safe GET (the documented fallback), and stores the resulting status.',
        params: idParams,
        response: { 200: testResultSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const open = await openConnection(ctx, caller, request.params.id);
      const result = await testConnection(open.loaded.connector, callerFor(ctx, open));
      const reason = result.ok
        ? undefined
        : (result.error?.message ??
          `Test operation \`${result.operationId ?? '?'}\` answered ${result.status ?? 'nothing'}.`);
      await recordStatus(ctx, open.info, result.connectionStatus, reason);
      const connection = await findConnection(ctx, caller, open.info.id);
      return { ...result, connection };
    },
  );
}
