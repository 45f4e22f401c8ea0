import type { FastifyInstance } from 'fastify';

const MiB = 1024 * 1024;

/**
 * Every request body of this scope as the bytes that came, whatever its content type: for routes that
 * backends call (webhook callbacks, relay URLs), which decode or forward bodies themselves. 16 MiB
 * unless `bodyLimit` says otherwise.
 */
export function acceptRawBodies(app: FastifyInstance, bodyLimit = 16 * MiB): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
}
