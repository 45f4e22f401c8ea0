/**
 * The web console (`web/`, built into `web/dist` by `npm run build:web`) served at `/`. Files under
 * `/assets/` carry a content hash in their names and are cached for a year; every `/console/...` path
 * gets `index.html`, so that the console's own routes survive a reload. Also here: the few read-only
 * views the console needs that the REST API does not give (`/api/v1/console/...`), and the rule
 * docs (`/docs/rules/<id>`) the validation report links to.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { marked } from 'marked';
import { isObject, type JsonObject, type JsonValue, own } from '../../connector/json.ts';
import { connectorFromFiles } from '../../connector/load.ts';
import type { Connector, Operation, Parameter } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import { packageRoot } from '../../package-root.ts';
import type { ValidationSummary } from '../../store/types.ts';
import { callerOf } from '../auth.ts';
import { notFound, ServerError } from '../errors.ts';
import { operationParams, validationSummarySchema } from '../schemas.ts';

/** `web/dist` of this checkout or package. */
export function defaultConsoleDir(): string {
  return join(packageRoot(), 'web', 'dist');
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The console's pages may load only their own scripts and styles, and talk only to this server. */
const CONSOLE_CSP =
  "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export interface ConsoleOptions {
  /** The built console; default `defaultConsoleDir()`. */
  readonly dir?: string;
  /** The rule doc pages (`<id>.md`); default `docs/rules` of the checkout or package. */
  readonly rulesDir?: string;
}

const TEXT_FILES = /\.(json|md|csx|ts|js|txt|ya?ml)$/i;
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Most schema nodes one parameter's inlined schema may have (wide, cross-referencing definitions). */
const INLINE_BUDGET = 20_000;

/**
 * Inlines local `$ref`s of a schema for a form. A `$ref` to a definition already being inlined
 * above (a cycle), deeper than `depth`, or past the node budget stays a `$ref`.
 */
export function inlineRefs(
  connector: Connector,
  node: JsonValue | undefined,
  depth = 8,
): JsonValue | undefined {
  let budget = INLINE_BUDGET;
  const open = new Set<string>();
  const visit = (n: JsonValue | undefined, level: number): JsonValue | undefined => {
    budget--;
    if (Array.isArray(n)) return n.map((x) => visit(x, level) ?? null);
    if (!isObject(n)) return n;
    const ref = own(n, '$ref');
    if (typeof ref === 'string') {
      if (open.has(ref) || level >= depth || budget <= 0) return n;
      const target = connector.resolve(ref);
      if (!target || !isObject(target.value)) return n;
      const { $ref: _ref, ...siblings } = n;
      open.add(ref);
      const inlined = visit({ ...target.value, ...siblings }, level + 1);
      open.delete(ref);
      return inlined;
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(n)) {
      // Examples and test values are data, not schema: kept as they are.
      const inlined = key === 'example' || key === 'x-ms-test-value' ? value : visit(value, level);
      if (inlined !== undefined) Object.defineProperty(out, key, { value: inlined, enumerable: true });
    }
    return out;
  };
  return visit(node, 0);
}

function parameterView(connector: Connector, p: Parameter) {
  const raw = p.raw;
  const items = own(raw, 'items');
  return {
    name: p.name,
    in: p.in,
    label: p.summary ?? p.name,
    description: p.description ?? null,
    required: p.required,
    type: p.type ?? (p.in === 'body' ? 'object' : 'string'),
    format: p.format ?? null,
    visibility: p.visibility,
    enum: Array.isArray(own(raw, 'enum')) ? own(raw, 'enum') : null,
    default: p.default ?? null,
    items: isObject(items) ? inlineRefs(connector, items) : null,
    schema: p.schema ? inlineRefs(connector, p.schema) : null,
    dynamicValues: p.dynamic.some(
      (d) => d.extension === 'x-ms-dynamic-values' || d.extension === 'x-ms-dynamic-list',
    ),
    dynamicSchema: p.dynamic.some(
      (d) => d.extension === 'x-ms-dynamic-schema' || d.extension === 'x-ms-dynamic-properties',
    ),
    // A hierarchical picker (`POST …/tree`): `x-ms-dynamic-tree`, or the file picker capability.
    dynamicTree:
      own(raw, 'x-ms-dynamic-tree') !== undefined || p.dynamic.some((d) => d.capability === 'file-picker'),
    testValue: own(raw, 'x-ms-test-value') ?? null,
  };
}

/** One operation with what a test form needs: parameter schemas inlined, enums, dynamic markers. */
export function operationDetail(connector: Connector, operation: Operation) {
  const hint = own(operation.raw, 'x-ms-trigger-hint');
  return {
    operationId: operation.id ?? null,
    method: operation.method.toUpperCase(),
    path: operation.path,
    kind: operation.kind,
    visibility: operation.visibility,
    deprecated: operation.deprecated,
    summary: operation.summary ?? null,
    description: operation.description ?? null,
    triggerHint: typeof hint === 'string' ? hint : null,
    consumes: operation.consumes,
    parameters: operation.parameters.map((p) => parameterView(connector, p)),
    responses: operation.responses.map((r) => ({ status: r.status, description: r.description ?? null })),
  };
}

/** A gallery card: what `GET /api/v1/connectors/{id}` does not say (brand, publisher, counts). */
export function galleryCard(connector: Connector) {
  const actions = connector.operations.filter(
    (o) =>
      o.visibility !== 'internal' && !o.deprecated && (o.kind === 'action' || o.kind === 'callback-action'),
  ).length;
  const triggers = connector.operations.filter(
    (o) => o.visibility !== 'internal' && !o.deprecated && o.kind.endsWith('trigger'),
  ).length;
  const info = connector.definition.raw;
  const description = own(own(info, 'info'), 'description');
  return {
    brandColor: connector.properties.iconBrandColor ?? null,
    publisher: connector.properties.publisher ?? connector.properties.stackOwner ?? null,
    description: typeof description === 'string' ? description : null,
    actions,
    triggers,
    parameterSets: connector.properties.parameterSets.map((s) => ({
      name: s.name,
      displayName: s.displayName ?? s.name,
    })),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const nullableString = { type: ['string', 'null'] } as const;
const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export async function consoleRoutes(app: FastifyInstance, options: ConsoleOptions = {}): Promise<void> {
  const dir = normalize(options.dir ?? defaultConsoleDir());
  const rulesDir = normalize(options.rulesDir ?? join(packageRoot(), 'docs', 'rules'));
  const notBuilt = () =>
    new ServerError(
      'ROUTE_NOT_FOUND',
      'The web console is not built in this checkout: run `npm run build:web`, then restart `flowport serve`.',
    );

  async function file(relative: string): Promise<Buffer | undefined> {
    const path = normalize(join(dir, relative));
    if (!path.startsWith(dir + sep)) return undefined;
    try {
      return await readFile(path);
    } catch {
      return undefined;
    }
  }

  // Public (the console signs in with a token itself) and left out of the OpenAPI document.
  const config = { public: true, rateLimit: false, openapi: false } as const;

  async function sendIndex(_request: unknown, reply: import('fastify').FastifyReply) {
    const index = await file('index.html');
    if (!index) throw notBuilt();
    return reply
      .type(TYPES['.html'] as string)
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONSOLE_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .send(index);
  }

  app.get('/', { config }, sendIndex);
  app.get('/console', { config }, sendIndex);
  // Console pages (`/console/...`) reload into the app.
  app.get('/console/*', { config }, sendIndex);

  app.get('/assets/*', { config }, async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    const bytes = await file(join('assets', rest));
    if (!bytes) throw new ServerError('ROUTE_NOT_FOUND', `No console asset \`${rest}\`.`);
    return reply
      .type(TYPES[extname(rest)] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  });

  /** A doc page of ours (trusted HTML from our own markdown), without scripts. */
  function docPage(reply: FastifyReply, title: string, html: string) {
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}pre{background:#f3f4f6;padding:.75rem;overflow:auto}code{font-size:.9em}table{border-collapse:collapse}td,th{border:1px solid #ccd;padding:.25rem .5rem}</style></head><body><main>${html}</main></body></html>`;
    return reply
      .type(TYPES['.html'] as string)
      .header('cache-control', 'public, max-age=300')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'")
      .send(page);
  }

  // Rule docs, rendered from docs/rules/<id>.md.
  app.get<{ Params: { id: string } }>('/docs/rules/:id', { config }, async (request, reply) => {
    const id = request.params.id.replace(/\.md$/, '');
    if (!RULE_ID.test(id)) throw new ServerError('ROUTE_NOT_FOUND', `No rule \`${id}\`.`);
    let text: string;
    try {
      text = await readFile(join(rulesDir, `${id}.md`), 'utf8');
    } catch {
      throw new ServerError(
        'ROUTE_NOT_FOUND',
        `No rule doc \`${id}\`; \`/docs/rules/README\` lists the rules.`,
      );
    }
    const body = (await marked.parse(text)).replace(/href="([a-z0-9-]+)\.md"/g, 'href="$1"');
    return docPage(reply, `${id} · flowport rules`, body);
  });

  // The breaking-change kinds (docs/breaking-changes.md), each kind's section reachable as `#<kind>`.
  app.get('/docs/breaking-changes', { config }, async (_request, reply) => {
    let text: string;
    try {
      text = await readFile(join(dirname(rulesDir), 'breaking-changes.md'), 'utf8');
    } catch {
      throw new ServerError('ROUTE_NOT_FOUND', 'The breaking-changes doc is not part of this installation.');
    }
    const body = (await marked.parse(text)).replace(/<h3>([a-z0-9-]+)<\/h3>/g, '<h3 id="$1">$1</h3>');
    return docPage(reply, 'Breaking changes · flowport', body);
  });

  const tags = ['console'];

  // A version never changes: its card is computed once, from its files (no runtime is started, so a
  // gallery of hundreds of connectors does not churn the registry's loaded runtimes).
  const cards = new Map<string, ReturnType<typeof galleryCard> & { validation: ValidationSummary }>();
  async function cardOf(id: string, version: number, updatedAt: string) {
    // `updatedAt` too: a connector deleted and imported again starts at version 1 again.
    const key = `${id}@${version}@${updatedAt}`;
    const cached = cards.get(key);
    if (cached) return cached;
    const stored = await app.flowport.store.getConnectorVersion(id, version);
    if (!stored) return undefined;
    const card = {
      ...galleryCard(connectorFromFiles(stored.files, { source: id })),
      validation: stored.validation,
    };
    if (cards.size >= 1000) cards.delete(cards.keys().next().value as string);
    cards.set(key, card);
    return card;
  }
  const registry = () => app.flowport.registry;

  async function loaded(id: string) {
    const l = await registry().get(id);
    if (!l) throw notFound('connector', id);
    return l;
  }

  app.get(
    '/api/v1/console/connectors',
    {
      schema: {
        tags,
        summary: 'Connectors as gallery cards',
        description:
          'For the web console: each connector with its brand colour, publisher, numbers of actions and triggers (internal and deprecated ones left out) and the validation summary of its latest version.',
        response: {
          200: {
            type: 'object',
            properties: {
              connectors: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    title: { type: 'string' },
                    version: { type: 'integer' },
                    brandColor: nullableString,
                    publisher: nullableString,
                    description: nullableString,
                    actions: { type: 'integer' },
                    triggers: { type: 'integer' },
                    parameterSets: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: { name: { type: 'string' }, displayName: { type: 'string' } },
                      },
                    },
                    validation: validationSummarySchema,
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      callerOf(request);
      const infos = await app.flowport.store.listConnectors();
      const connectors = await Promise.all(
        infos.map(async (info) => {
          const card = await cardOf(info.id, info.latestVersion, info.updatedAt);
          return card && { id: info.id, title: info.title, version: info.latestVersion, ...card };
        }),
      );
      return { connectors: connectors.filter((c) => c !== undefined) };
    },
  );

  app.get<{ Params: { id: string; operationId: string } }>(
    '/api/v1/console/connectors/:id/operations/:operationId',
    {
      schema: {
        tags,
        summary: 'One operation, ready for a test form',
        description:
          'For the web console: parameters with their schemas (local `$ref`s inlined), enums, defaults, test values, and whether they have dynamic values, a dynamic schema or a tree picker.',
        params: operationParams,
      },
    },
    async (request) => {
      callerOf(request);
      const { connector } = await loaded(request.params.id);
      const operation = connector.operation(request.params.operationId);
      if (!operation)
        throw new FlowportError(
          'OPERATION_NOT_FOUND',
          `The connector has no operation \`${request.params.operationId}\`.`,
        );
      return operationDetail(connector, operation);
    },
  );

  app.get<{ Params: { id: string; name: string } }>(
    '/api/v1/console/connectors/:id/files/:name',
    {
      schema: {
        tags,
        summary: 'A text file of the latest version',
        description:
          'For the validation report: the source lines findings point at (`apiDefinition.swagger.json`, `apiProperties.json`, readme, custom code).',
        params: {
          type: 'object',
          required: ['id', 'name'],
          properties: { ...idParams.properties, name: { type: 'string', minLength: 1, maxLength: 255 } },
        },
        response: {
          200: { description: 'The file.', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
    },
    async (request, reply) => {
      callerOf(request);
      const version = await app.flowport.store.getConnectorVersion(request.params.id);
      if (!version) throw notFound('connector', request.params.id);
      const found = version.files.find((f) => f.name === request.params.name);
      if (!found || !TEXT_FILES.test(found.name))
        throw notFound(`text file of connector \`${request.params.id}\` named`, request.params.name);
      reply.type('text/plain; charset=utf-8').header('cache-control', 'private, no-cache');
      return Buffer.from(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength).toString('utf8');
    },
  );
}
