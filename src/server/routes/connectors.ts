import type { FastifyInstance } from 'fastify';
import { describeConnectionParameters } from '../../runtime/connection/parameters.ts';
import { operationsView } from '../../runtime/operations-view.ts';
import type { Diagnostic } from '../../validate/diagnostic.ts';
import { adminOf, callerOf } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { notFound, ServerError } from '../errors.ts';
import { filesFromUpload, filesFromZip, importConnector, isPreset } from '../import.ts';
import { connectorFromDescription, descriptionAt } from '../import-description.ts';
import { loadConnectorOf } from '../invocation.ts';
import {
  connectionParameterSchema,
  connectorInfoSchema,
  diagnosticSchema,
  idParams,
  validationSummarySchema,
  versionSchema,
} from '../schemas.ts';
import { breakingJson, breakingSchema, versionChanges } from '../version-changes.ts';

const tags = ['connectors'];

const importQuery = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'Connector id; default: derived from the swagger `info.title`.' },
    preset: { type: 'string', enum: ['recommended', 'certification', 'independent-publisher'] },
    host: {
      type: 'string',
      description:
        'For an uploaded HAR or curl commands: the host whose calls become the connector (default: the one most calls went to).',
    },
  },
} as const;

const importBody = {
  type: 'object',
  // The connector's files, or the URL of an API description: one of the two.
  oneOf: [{ required: ['files'] }, { required: ['url'] }],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    url: {
      type: 'string',
      pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
      maxLength: 2048,
      description:
        'An http(s) URL of an API description to fetch and convert instead of files, as the portal wizard imports from a URL (the documents its `$ref`s name are fetched too). The server reaches public addresses only, unless it runs locally or with `--private-sinks`.',
    },
    preset: { type: 'string', enum: ['recommended', 'certification', 'independent-publisher'] },
    files: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'content'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 255 },
          content: { type: 'string', contentEncoding: 'base64', description: 'The file, base64-encoded.' },
        },
      },
    },
  },
} as const;

export const findingsSchema = { type: 'array', items: diagnosticSchema } as const;

/** Findings as the API shows them: a bounded list, positions kept. */
export function findingsJson(diagnostics: readonly Diagnostic[], max = 500) {
  return diagnostics.slice(0, max).map((d) => ({
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    file: d.file,
    pointer: d.pointer,
    line: d.line,
    column: d.column,
    fixable: d.edit !== undefined,
  }));
}

interface ImportBody {
  readonly id?: string;
  readonly preset?: string;
  readonly files?: readonly { readonly name: string; readonly content: string }[];
  readonly url?: string;
}

/** `/api/v1/connectors`: everyone signed in reads; admins import and delete. */
export async function connectorRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addContentTypeParser(
    'application/zip',
    { parseAs: 'buffer', bodyLimit: ctx.limits.import },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/connectors',
    {
      schema: {
        tags,
        summary: 'List connectors',
        response: {
          200: { type: 'object', properties: { connectors: { type: 'array', items: connectorInfoSchema } } },
        },
      },
    },
    async () => ({ connectors: await ctx.store.listConnectors() }),
  );

  app.post<{ Querystring: { id?: string; preset?: string; host?: string }; Body: ImportBody | Buffer }>(
    '/api/v1/connectors',
    {
      bodyLimit: ctx.limits.import,
      config: { admin: 'import connectors' },
      schema: {
        tags,
        summary: 'Import a connector (admins)',
        description:
          'A JSON body with base64 files (or the `url` of an API description), or a zip of the connector folder as `application/zip`; or one API description file (OpenAPI 3.x or Swagger 2.0 in JSON or YAML, a Postman collection, a HAR recording, curl commands) or an OpenAPI or Swagger description split over several files (a zip keeps their folders), converted into a connector first as `flowport init` converts it. The files are validated with the preset (default `recommended`) and stored as a new version unless they equal the latest one. Findings never refuse an import.',
        querystring: importQuery,
        body: {
          content: {
            'application/json': { schema: importBody },
            'application/zip': {
              schema: { description: 'A zip of the connector folder (one top folder is looked through).' },
            },
          },
        },
        response: {
          '2xx': {
            description: '201 when a version was made, 200 when the files equal the latest version.',
            type: 'object',
            properties: {
              connector: connectorInfoSchema,
              version: versionSchema,
              created: { type: 'boolean' },
              findings: findingsSchema,
              breaking: {
                ...breakingSchema,
                description:
                  'What this version breaks for flows built on the previous one. Absent for a first version and for unchanged files; never refuses an import.',
              },
              converted: {
                description:
                  'Set when the upload (or the `url`) was an API description (OpenAPI, Swagger, Postman, HAR, curl; one file, or an OpenAPI or Swagger description split over several) converted into the connector, as `flowport init` converts it.',
                type: 'object',
                properties: {
                  source: { type: 'string' },
                  format: { type: 'string' },
                  summary: { type: 'string' },
                  losses: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        pointer: { type: 'string' },
                        construct: { type: 'string' },
                        action: { type: 'string' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const caller = adminOf(request, 'import connectors');
      const body = request.body;
      // A zip's folders are kept for a description split over files; a connector's are its top files.
      const unpacked = Buffer.isBuffer(body) ? filesFromZip(body, ctx.limits.unzipped, true) : undefined;
      const uploaded = Buffer.isBuffer(body)
        ? (unpacked ?? []).filter((f) => !f.name.includes('/'))
        : body.url !== undefined
          ? await descriptionAt(body.url, ctx.userFetch)
          : filesFromUpload(body.files ?? []);
      // An API description (OpenAPI, Postman, HAR, curl) is converted first, as `flowport init` does.
      const described = await connectorFromDescription(
        unpacked ?? uploaded,
        request.query.host,
        ctx.validator,
      );
      const files = described?.files ?? uploaded;
      const id = request.query.id ?? (Buffer.isBuffer(body) ? undefined : body.id);
      const preset = request.query.preset ?? (Buffer.isBuffer(body) ? undefined : body.preset);
      if (preset !== undefined && !isPreset(preset)) {
        throw new ServerError('VALIDATION_FAILED', `Preset \`${preset}\` does not exist.`);
      }
      const result = await importConnector(
        ctx.store,
        ctx.registry,
        {
          files,
          createdBy: caller.user.id,
          ...(id !== undefined && { id }),
          ...(preset !== undefined && { preset }),
        },
        ctx.validator,
      );
      reply.code(result.created ? 201 : 200);
      return {
        connector: result.info,
        version: withoutFiles(result.version),
        created: result.created,
        findings: findingsJson(result.diagnostics),
        ...(result.breaking && { breaking: breakingJson(result.breaking) }),
        ...(described && { converted: described.converted }),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/connectors/:id',
    {
      schema: {
        tags,
        summary: 'Get a connector',
        description:
          'The connector, the validation summary of its latest version and its connection parameters.',
        params: idParams,
        response: {
          '2xx': {
            description: '201 when a version was made, 200 when the files equal the latest version.',
            type: 'object',
            properties: {
              connector: connectorInfoSchema,
              validation: validationSummarySchema,
              parameterSets: { type: 'array', items: { type: 'string' } },
              connectionParameters: { type: 'array', items: connectionParameterSchema },
              operationCount: { type: 'integer' },
            },
          },
        },
      },
    },
    async (request) => {
      callerOf(request);
      const info = await ctx.store.getConnector(request.params.id);
      if (!info) throw notFound('connector', request.params.id);
      const version = await ctx.store.getConnectorVersion(info.id);
      const loaded = await loadConnectorOf(ctx, info.id);
      return {
        connector: info,
        validation: version?.validation,
        parameterSets: loaded.connector.properties.parameterSets.map((s) => s.name),
        connectionParameters: describeConnectionParameters(loaded.connector),
        operationCount: loaded.connector.operations.length,
      };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/connectors/:id',
    {
      config: { admin: 'delete connectors' },
      schema: { tags, summary: 'Delete a connector and its versions (admins)', params: idParams },
    },
    async (request, reply) => {
      const deleted = await ctx.store.deleteConnector(request.params.id);
      if (!deleted) throw notFound('connector', request.params.id);
      await ctx.registry.invalidate(request.params.id);
      reply.code(204);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/connectors/:id/versions',
    {
      schema: {
        tags,
        summary: 'List the versions of a connector',
        params: idParams,
        response: {
          200: { type: 'object', properties: { versions: { type: 'array', items: versionSchema } } },
        },
      },
    },
    async (request) => {
      callerOf(request);
      if (!(await ctx.store.getConnector(request.params.id))) throw notFound('connector', request.params.id);
      return { versions: await ctx.store.listConnectorVersions(request.params.id) };
    },
  );

  app.get<{ Params: { id: string; version: number }; Querystring: { from?: number } }>(
    '/api/v1/connectors/:id/versions/:version/changes',
    {
      schema: {
        tags,
        summary: 'What a version breaks for flows built on an earlier one',
        description:
          '`flowport breaking` between two stored versions: what version `version` changes for flows built on version `from` (default: the one before it), and whether certification would call it a minor or major update.',
        params: {
          type: 'object',
          required: ['id', 'version'],
          properties: { ...idParams.properties, version: { type: 'integer', minimum: 1 } },
        },
        querystring: {
          type: 'object',
          properties: {
            from: {
              type: 'integer',
              minimum: 1,
              description: 'Version to compare with; default `version - 1`.',
            },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              connectorId: { type: 'string' },
              from: { type: 'integer' },
              to: { type: 'integer' },
              ...breakingSchema.properties,
            },
          },
        },
      },
    },
    async (request) => {
      callerOf(request);
      const { id, version } = request.params;
      const found = await versionChanges(ctx.store, ctx.validator, id, version, request.query.from);
      return {
        connectorId: found.connectorId,
        from: found.from,
        to: found.to,
        ...breakingJson(found.result),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { all?: boolean } }>(
    '/api/v1/connectors/:id/operations',
    {
      schema: {
        tags,
        summary: 'List the operations of a connector',
        description:
          'As `flowport operations --format json` shows them; `all=true` adds internal and deprecated ones.',
        params: idParams,
        querystring: { type: 'object', properties: { all: { type: 'boolean', default: false } } },
      },
    },
    async (request) => {
      callerOf(request);
      const loaded = await loadConnectorOf(ctx, request.params.id);
      return operationsView(loaded.connector, request.query.all === true);
    },
  );

  app.post<{ Params: { id: string }; Querystring: { dryRun?: boolean } }>(
    '/api/v1/connectors/:id/fix',
    {
      schema: {
        tags,
        summary: 'Fix the latest version (admins; a dry run for everyone)',
        description:
          'Makes the changes `flowport validate --fix` makes (the findings marked `fixable`, with the preset the version was imported with) and stores the result as a new version, validated and compared as an import is. 200 with `created: false` when no finding offers a change. `dryRun=true` stores nothing and returns the changes as a unified `diff`. A connector `flowport serve` loads from a folder is fixed in the folder (409 `CONNECTOR_FROM_FOLDER`).',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            dryRun: {
              type: 'boolean',
              default: false,
              description: 'Make no version: return the changes as `diff` (a unified diff) for a look first.',
            },
          },
        },
        response: {
          '2xx': {
            description:
              '201 when a version was made, 200 when there was nothing to fix or `dryRun` was asked for.',
            type: 'object',
            properties: {
              connector: connectorInfoSchema,
              version: versionSchema,
              created: { type: 'boolean' },
              fixed: { type: 'integer', description: 'Findings the changes fixed.' },
              files: { type: 'array', items: { type: 'string' }, description: 'Names of the files changed.' },
              diff: { type: 'string', description: 'With `dryRun`: the changes, as a unified diff.' },
              findings: findingsSchema,
              breaking: breakingSchema,
            },
          },
        },
      },
    },
    async (request, reply) => {
      // A dry run changes nothing, so makers may look too (to make the changes in their copy).
      const dryRun = request.query.dryRun === true;
      const caller = dryRun ? callerOf(request) : adminOf(request, 'fix connectors');
      const { id } = request.params;
      const info = await ctx.store.getConnector(id);
      const latest = info && (await ctx.store.getConnectorVersion(id));
      if (!info || !latest) throw notFound('connector', id);
      if (info.sourcePath !== undefined) {
        throw new ServerError(
          'CONNECTOR_FROM_FOLDER',
          `Connector \`${id}\` is loaded from the folder \`${info.sourcePath}\`, which would bring the old files back: run \`flowport validate --fix\` on the folder instead.`,
        );
      }
      const preset = isPreset(latest.validation.preset) ? latest.validation.preset : 'recommended';
      // The diff too is made off the event loop: for a large file it takes as long as the fixing.
      const { files, fixed, changed, findings, diff } = await ctx.validator.fix(latest.files, {
        preset,
        source: id,
        diff: dryRun,
      });
      if (dryRun) {
        return {
          connector: info,
          version: withoutFiles(latest),
          created: false,
          fixed,
          files: changed,
          diff,
        };
      }
      if (fixed === 0) {
        reply.code(200);
        return {
          connector: info,
          version: withoutFiles(latest),
          created: false,
          fixed: 0,
          files: [],
          // Nothing changed: the first pass's findings are the version's.
          findings: findingsJson(findings ?? []),
        };
      }
      const stored = await storeVersion(ctx, { id, files, preset, createdBy: caller.user.id });
      reply.code(stored.created ? 201 : 200);
      const { connector, version, created, findings: after, breaking } = stored;
      return {
        connector,
        version,
        created,
        fixed,
        files: changed,
        findings: after,
        ...(breaking && { breaking }),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/connectors/:id/validation',
    {
      schema: {
        tags,
        summary: 'Findings of the latest version',
        description: 'Validates the latest version again with the preset it was imported with.',
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              version: { type: 'integer' },
              summary: validationSummarySchema,
              findings: findingsSchema,
            },
          },
        },
      },
    },
    async (request) => {
      callerOf(request);
      const version = await ctx.store.getConnectorVersion(request.params.id);
      if (!version) throw notFound('connector', request.params.id);
      const preset = isPreset(version.validation.preset) ? version.validation.preset : 'recommended';
      const result = await ctx.validator.validate(version.files, { preset, source: version.connectorId });
      return {
        version: version.version,
        summary: {
          preset,
          errors: result.summary.error,
          warnings: result.summary.warning,
          infos: result.summary.info,
        },
        findings: findingsJson(result.diagnostics),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/connectors/:id/icon',
    {
      schema: {
        tags,
        summary: 'The icon of the latest version (PNG)',
        params: idParams,
        response: {
          200: {
            description: 'The icon.',
            content: { 'image/png': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
    async (request, reply) => {
      callerOf(request);
      const version = await ctx.store.getConnectorVersion(request.params.id);
      if (!version) throw notFound('connector', request.params.id);
      const icon = version.files.find((f) => f.name.toLowerCase() === 'icon.png');
      if (!icon) throw notFound('icon of connector', request.params.id);
      reply.type('image/png').header('cache-control', 'private, max-age=300');
      return Buffer.from(icon.bytes.buffer, icon.bytes.byteOffset, icon.bytes.byteLength);
    },
  );
}

/**
 * Changed files of a connector stored as its new version, validated and compared as an import is
 * (the console's fixes and response schemas): the parts of the answer those routes share.
 */
export async function storeVersion(ctx: AppContext, input: Parameters<typeof importConnector>[2]) {
  const result = await importConnector(ctx.store, ctx.registry, input, ctx.validator);
  return {
    connector: result.info,
    version: withoutFiles(result.version),
    created: result.created,
    findings: findingsJson(result.diagnostics),
    ...(result.breaking && { breaking: breakingJson(result.breaking) }),
  };
}

export function withoutFiles<T extends { files?: unknown }>(version: T): Omit<T, 'files'> {
  const { files: _files, ...rest } = version;
  return rest;
}
