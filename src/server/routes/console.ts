/**
 * The web console (`web/`, built into `web/dist` by `npm run build:web`) served at `/`. Files under
 * `/assets/` carry a content hash in their names and are cached for a year; every other path that
 * is not an API route gets `index.html`, so that the console's own routes survive a reload.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ServerError } from '../errors.ts';

/** `web/dist` of this checkout or package (src/server/routes → ../../../web/dist; dist/ → ../web/dist). */
export function defaultConsoleDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes(`${sep}src${sep}server${sep}`)
    ? join(here, '..', '..', '..', 'web', 'dist')
    : join(here, '..', 'web', 'dist');
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

export interface ConsoleOptions {
  /** The built console; default `defaultConsoleDir()`. */
  readonly dir?: string;
}

export async function consoleRoutes(app: FastifyInstance, options: ConsoleOptions = {}): Promise<void> {
  const dir = normalize(options.dir ?? defaultConsoleDir());
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
  const config = { public: true, rateLimit: false, openapi: false };

  app.get('/', { config }, async (_request, reply) => {
    const index = await file('index.html');
    if (!index) throw notBuilt();
    return reply
      .type(TYPES['.html'] as string)
      .header('cache-control', 'no-cache')
      .send(index);
  });

  app.get('/assets/*', { config }, async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    const bytes = await file(join('assets', rest));
    if (!bytes) throw new ServerError('ROUTE_NOT_FOUND', `No console asset \`${rest}\`.`);
    return reply
      .type(TYPES[extname(rest)] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(bytes);
  });

  // Console pages (`/console/...`) reload into the app.
  app.get('/console/*', { config }, async (_request, reply) => {
    const index = await file('index.html');
    if (!index) throw notBuilt();
    return reply
      .type(TYPES['.html'] as string)
      .header('cache-control', 'no-cache')
      .send(index);
  });
}
