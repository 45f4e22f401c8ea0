/** Small HTTP helpers shared by the route files. */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const BASE_PATH = '/api/v1';

/** Sends `{ "error": { "code", "message" } }` with the given status. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).type('application/json').send({ error: { code, message } });
}

/**
 * `scheme://host[:port]` as the client addressed the server, so links (next pages, `Location`)
 * point back to wherever the client reached it.
 */
export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? request.host}`;
}

/** The absolute URL of `path` (under the API base path) with `query`, dropping empty values. */
export function apiUrl(
  request: FastifyRequest,
  path: string,
  query: Record<string, string | number | undefined> = {},
): string {
  const url = new URL(`${BASE_PATH}${path}`, originOf(request));
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  return url.toString();
}

/** One query value as a string; of a repeated key (`?a=1&a=2`), the first. */
export function queryValue(request: FastifyRequest, name: string): string | undefined {
  const query = request.query as Record<string, string | string[] | undefined>;
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Whether `value` is an absolute http(s) URL (webhook and export callback targets). */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
