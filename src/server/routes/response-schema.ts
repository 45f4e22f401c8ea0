/**
 * `POST /api/v1/connectors/{id}/operations/{operationId}/response-schema`: the console's "use this
 * answer as the response schema" — `flowport response-schema --write` for a hosted connector: the
 * schema inferred from sample answers, written into the swagger and stored as a new version
 * (validated and compared as an import is). A dry run stores nothing and shows the change.
 */

import type { FastifyInstance } from 'fastify';
import type { JsonValue } from '../../connector/json.ts';
import { withResponseSchema } from '../../convert/response-schema-edit.ts';
import { schemaFromSamples } from '../../convert/sample-schema.ts';
import { FlowportError } from '../../errors.ts';
import { unifiedDiff } from '../../validate/fix-diff.ts';
import { adminOf, callerOf } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { notFound, ServerError } from '../errors.ts';
import { isPreset } from '../import.ts';
import { loadConnectorOf } from '../invocation.ts';
import { anyJson, connectorInfoSchema, operationParams, versionSchema } from '../schemas.ts';
import { breakingSchema } from '../version-changes.ts';
import { findingsSchema, storeVersion } from './connectors.ts';

interface Body {
  readonly samples: JsonValue[];
  readonly status?: string;
  readonly replace?: boolean;
}

const body = {
  type: 'object',
  required: ['samples'],
  additionalProperties: false,
  properties: {
    samples: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: anyJson,
      description: 'Answers of the operation (JSON bodies); every item of every array is merged.',
    },
    status: {
      type: 'string',
      pattern: '^([1-5][0-9][0-9]|default)$',
      default: '200',
      description: 'The response to describe.',
    },
    replace: { type: 'boolean', default: false, description: 'Replace a schema the response has already.' },
  },
} as const;

export async function responseSchemaRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Params: { id: string; operationId: string }; Body: Body; Querystring: { dryRun?: boolean } }>(
    '/api/v1/connectors/:id/operations/:operationId/response-schema',
    {
      schema: {
        tags: ['connectors'],
        summary: "Set an operation's response schema from sample answers (admins; a dry run for everyone)",
        description:
          'Infers the schema as `flowport response-schema` does (every array item and sample merged, `x-nullable`, formats every value agrees on, an `x-ms-summary` per property; values never reach it), writes it at the response (added when the operation does not declare the status) and stores the result as a new version, validated and compared as an import is. `dryRun=true` stores nothing and returns the `schema`, `notes` and the change as a unified `diff`. 409 `RESPONSE_SCHEMA_EXISTS` when the response has a schema and `replace` is not set; 409 `CONNECTOR_FROM_FOLDER` for a connector `flowport serve` loads from a folder.',
        params: operationParams,
        querystring: { type: 'object', properties: { dryRun: { type: 'boolean', default: false } } },
        body,
        response: {
          '2xx': {
            description: '201 with the new version; 200 for a dry run.',
            type: 'object',
            properties: {
              schema: anyJson,
              notes: { type: 'array', items: { type: 'string' } },
              diff: { type: 'string' },
              connector: connectorInfoSchema,
              version: versionSchema,
              created: { type: 'boolean' },
              findings: findingsSchema,
              breaking: breakingSchema,
            },
          },
        },
      },
    },
    async (request, reply) => {
      const dryRun = request.query.dryRun === true;
      const caller = dryRun ? callerOf(request) : adminOf(request, 'change connectors');
      const { id, operationId } = request.params;
      const info = await ctx.store.getConnector(id);
      const latest = info && (await ctx.store.getConnectorVersion(id));
      if (!info || !latest) throw notFound('connector', id);
      if (info.sourcePath !== undefined && !dryRun)
        throw new ServerError(
          'CONNECTOR_FROM_FOLDER',
          `Connector \`${id}\` is loaded from the folder \`${info.sourcePath}\`, which would bring the old files back: run \`flowport response-schema ${info.sourcePath} ${operationId} --write\` there instead.`,
        );
      const { connector } = await loadConnectorOf(ctx, id);
      const operation = connector.operation(operationId);
      if (!operation)
        throw new FlowportError(
          'OPERATION_NOT_FOUND',
          `Connector \`${id}\` has no operation \`${operationId}\`.`,
        );
      const status = request.body.status ?? '200';
      const declared = operation.responses.find((r) => r.status === status);
      if (declared?.schema && request.body.replace !== true)
        throw new ServerError(
          'RESPONSE_SCHEMA_EXISTS',
          `Response \`${status}\` of \`${operationId}\` has a schema already; send \`replace: true\` to replace it (a changed response schema can break flows: the new version's \`breaking\` says how).`,
        );
      const { schema, notes } = schemaFromSamples(request.body.samples);
      const index = latest.files.findIndex((f) => f.name === connector.files.swagger?.name);
      const file = latest.files[index];
      if (!file)
        throw new ServerError('IMPORT_INVALID', `Connector \`${id}\` has no swagger file to change.`);
      const before = new TextDecoder().decode(file.bytes);
      const after = withResponseSchema(before, operation, status, schema);
      if (after === undefined)
        throw new FlowportError(
          'USAGE',
          `\`${operationId}\` has no \`responses\` object to add response \`${status}\` to.`,
        );
      if (dryRun) return { schema, notes, diff: unifiedDiff(file.name, before, after) };
      const files = latest.files.map((f, i) =>
        i === index ? { name: f.name, bytes: new TextEncoder().encode(after) } : f,
      );
      const preset = isPreset(latest.validation.preset) ? latest.validation.preset : 'recommended';
      const stored = await storeVersion(ctx, { files, id, preset, createdBy: caller.user.id });
      reply.code(stored.created ? 201 : 200);
      return { schema, notes, ...stored };
    },
  );
}
