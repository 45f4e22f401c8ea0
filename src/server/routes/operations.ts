import type { FastifyInstance } from 'fastify';
import type { JsonValue } from '../../connector/json.ts';
import type { Operation } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import { getDynamicSchema, listDynamicValues, treeBrowse, treeOpen } from '../../runtime/dynamic/index.ts';
import { responseConformance } from '../../runtime/response-conformance.ts';
import type { Arguments } from '../../runtime/types.ts';
import { callerOf } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { withFileArguments } from '../file-arguments.ts';
import {
  callerFor,
  createMasker,
  invokeWith,
  type OpenConnection,
  openConnection,
  presentResult,
  throttle,
} from '../invocation.ts';
import { anyJson, argumentsSchema, invokeResultSchema, operationParams } from '../schemas.ts';

const tags = ['operations'];

const invokeBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    parameters: argumentsSchema,
    allPages: { type: 'boolean', description: 'Follow `x-ms-pageable` next links and merge the pages.' },
    trace: { type: 'boolean', description: 'Return the steps taken (auth, each policy, custom code).' },
    callbackTimeoutSeconds: {
      type: 'integer',
      minimum: 1,
      maximum: 3600,
      description: 'Callback actions: how long to wait for the callback (default 600).',
    },
    async: {
      type: 'boolean',
      description:
        'Follow an action answered `202 Accepted` with a `Location` until its final answer (default true; runtime spec §12.4).',
    },
    asyncTimeoutSeconds: {
      type: 'integer',
      minimum: 1,
      maximum: 3600,
      description: 'How long to wait for an asynchronous action to finish (default 300).',
    },
  },
} as const;

const dynamicBody = {
  type: 'object',
  required: ['target'],
  additionalProperties: false,
  properties: {
    target: {
      type: 'string',
      minLength: 1,
      description:
        'A parameter (`accountId`, `query:accountId`), a body property (`body/prop`) or a response (`response:200`).',
    },
    parameters: argumentsSchema,
    selectedItem: { ...anyJson, description: 'Tree only: the `item` of the node to list the children of.' },
  },
} as const;

interface InvokeBody {
  readonly parameters?: Record<string, JsonValue>;
  readonly allPages?: boolean;
  readonly trace?: boolean;
  readonly callbackTimeoutSeconds?: number;
  readonly async?: boolean;
  readonly asyncTimeoutSeconds?: number;
}

interface DynamicBody {
  readonly target: string;
  readonly parameters?: Record<string, JsonValue>;
  readonly selectedItem?: JsonValue;
}

type OperationRequest = { Params: { id: string; operationId: string } };

function operationOf(open: OpenConnection, operationId: string): Operation {
  const operation = open.loaded.connector.operation(operationId);
  if (!operation) {
    throw new FlowportError(
      'OPERATION_NOT_FOUND',
      `The connector has no operation \`${operationId}\`; \`GET /api/v1/connectors/${open.info.connectorId}/operations\` lists them.`,
    );
  }
  return operation;
}

/** Lookups return values read from the backend: secrets it echoes are masked like invoke results. */
function masked(open: OpenConnection, value: unknown): JsonValue {
  return createMasker(open.secrets).json(value as JsonValue);
}

/** Calling a connection's operations and the design-time lookups of its parameters. */
export async function operationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<OperationRequest & { Body: InvokeBody }>(
    '/api/v1/connections/:id/operations/:operationId',
    {
      schema: {
        tags,
        summary: 'Invoke an operation with a connection',
        description:
          "Runs the operation the way the Power Platform does (auth, policies, custom code, paging) and returns the backend's answer; secrets are masked. A backend error status is a 200 with that `status`; the call failing is a problem (400 for `PARAMETER_*`, 502/504 for `UPSTREAM_*`, 429 `CONNECTION_THROTTLED` with `Retry-After` over the connection's calls a minute).",
        params: operationParams,
        body: invokeBody,
        response: { 200: invokeResultSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const open = await openConnection(ctx, caller, request.params.id);
      const trace = request.body?.trace === true;
      const operation = open.loaded.connector.operation(request.params.operationId);
      // Files come in the platform's `{ "$content-type", "$content" }` shape (file-arguments.ts).
      const args: Arguments = operation
        ? withFileArguments(operation, request.body?.parameters ?? {})
        : ((request.body?.parameters ?? {}) as Arguments);
      if (operation?.kind === 'callback-action') {
        // The answer waits for the backend's callback to the notification URL (docs/triggers.md).
        throttle(ctx, open.info.id);
        const seconds = request.body?.callbackTimeoutSeconds;
        const { result, callback } = await app.triggers.service.invokeCallbackAction(
          caller.user.id,
          open,
          request.params.operationId,
          args,
          { ...(seconds !== undefined && { timeoutMs: seconds * 1000 }) },
        );
        const shown = presentResult(result, open.secrets, trace);
        return callback ? { ...shown, callback: masked(open, callback) } : shown;
      }
      const result = await invokeWith(ctx, open, request.params.operationId, args, {
        ...(request.body?.allPages !== undefined && { allPages: request.body.allPages }),
        trace,
        async:
          request.body?.async === false
            ? false
            : {
                ...(request.body?.asyncTimeoutSeconds !== undefined && {
                  timeoutMs: request.body.asyncTimeoutSeconds * 1000,
                }),
              },
      });
      const shown = presentResult(result, open.secrets, trace);
      const resolved = open.loaded.connector.operation(result.operationId);
      return resolved
        ? {
            ...shown,
            // Property names come from the backend's answer: masked like the body.
            schema: masked(open, responseConformance(open.loaded.connector, resolved, result.response)),
          }
        : shown;
    },
  );

  app.post<OperationRequest & { Body: DynamicBody }>(
    '/api/v1/connections/:id/operations/:operationId/dynamic-values',
    {
      schema: {
        tags,
        summary: 'List the values of a dynamic drop-down',
        description:
          '`x-ms-dynamic-list`, else `x-ms-dynamic-values`, of the target, called with the connection.',
        params: operationParams,
        body: dynamicBody,
        response: {
          200: {
            type: 'object',
            properties: {
              values: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    value: anyJson,
                    displayName: { type: 'string' },
                    description: { type: 'string' },
                    disabled: { type: 'boolean' },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const open = await openConnection(ctx, callerOf(request), request.params.id);
      const operation = operationOf(open, request.params.operationId);
      const values = await listDynamicValues(
        open.loaded.connector,
        operation,
        request.body.target,
        (request.body.parameters ?? {}) as Arguments,
        callerFor(ctx, open),
      );
      return { values: masked(open, values) };
    },
  );

  app.post<OperationRequest & { Body: DynamicBody }>(
    '/api/v1/connections/:id/operations/:operationId/dynamic-schema',
    {
      schema: {
        tags,
        summary: 'Read a dynamic schema',
        description:
          '`x-ms-dynamic-properties`, else `x-ms-dynamic-schema`, of the target, called with the connection.',
        params: operationParams,
        body: dynamicBody,
        response: {
          200: { type: 'object', properties: { schema: { type: 'object', additionalProperties: true } } },
        },
      },
    },
    async (request) => {
      const open = await openConnection(ctx, callerOf(request), request.params.id);
      const operation = operationOf(open, request.params.operationId);
      const schema = await getDynamicSchema(
        open.loaded.connector,
        operation,
        request.body.target,
        (request.body.parameters ?? {}) as Arguments,
        callerFor(ctx, open),
      );
      return { schema: masked(open, schema) };
    },
  );

  app.post<OperationRequest & { Body: DynamicBody }>(
    '/api/v1/connections/:id/operations/:operationId/tree',
    {
      schema: {
        tags,
        summary: 'Browse a hierarchical picker',
        description:
          'The roots (`x-ms-dynamic-tree` `open`, or the file picker) without `selectedItem`; the children of `selectedItem` with it.',
        params: operationParams,
        body: dynamicBody,
        response: {
          200: {
            type: 'object',
            properties: {
              nodes: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    value: anyJson,
                    displayName: { type: 'string' },
                    fullTitle: { type: 'string' },
                    isParent: { type: 'boolean' },
                    selectable: { type: 'boolean' },
                    mediaType: { type: 'string' },
                    item: anyJson,
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const open = await openConnection(ctx, callerOf(request), request.params.id);
      const operation = operationOf(open, request.params.operationId);
      const { target, selectedItem } = request.body;
      const args = (request.body.parameters ?? {}) as Arguments;
      const call = callerFor(ctx, open);
      const connector = open.loaded.connector;
      const nodes =
        selectedItem === undefined
          ? await treeOpen(connector, operation, target, args, call)
          : await treeBrowse(connector, operation, target, args, call, selectedItem);
      return { nodes: masked(open, nodes) };
    },
  );
}
