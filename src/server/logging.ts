/**
 * Request logs (pino, through Fastify) that never hold a secret: credentials headers are redacted,
 * query values are replaced (the OAuth callback's `code` and `state` arrive there), and fields that
 * carry tokens or secrets are censored wherever they appear in a log object.
 */
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';

/** Paths pino censors (`[redacted]`) in every log line. */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'token',
  'secrets',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'password',
  'code',
  'codeVerifier',
  '*.token',
  '*.secrets',
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
  '*.password',
  '*.codeVerifier',
  '*.values',
];

/** Webhook callback URLs carry their credential in the path: `/hooks/<id>/<secret>`. */
const HOOK_SECRET = /^(\/hooks\/[^/?#]+\/)[^/?#]+/;

/**
 * A URL with every query value replaced by `***` (`/oauth/callback?code=***&state=***`) and the
 * secret of a webhook callback path by `***` (`/hooks/sub_1/***`).
 */
export function maskUrl(url: string): string {
  if (url.startsWith('/hooks/')) url = url.replace(HOOK_SECRET, '$1***');
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? pair : `${pair.slice(0, eq)}=***`;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

/** Fastify logger options: flowport's redaction and serializers merged over the caller's options. */
export type LoggerOption = boolean | (Exclude<FastifyServerOptions['logger'], boolean | undefined> & object);

export function loggerOptions(option: LoggerOption | undefined): FastifyServerOptions['logger'] {
  if (option === false || option === undefined) return false;
  const base = option === true ? {} : (option as Record<string, unknown>);
  const redact = base.redact;
  const extra = Array.isArray(redact) ? (redact as string[]) : [];
  return {
    level: 'info',
    ...base,
    redact: { paths: [...REDACT_PATHS, ...extra], censor: '[redacted]' },
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: maskUrl(req.url),
        remoteAddress: req.ip,
      }),
      res: (res: FastifyReply) => ({ statusCode: res.statusCode }),
      ...((base.serializers as Record<string, unknown> | undefined) ?? {}),
    },
  } as FastifyServerOptions['logger'];
}
