import { FlowportError } from '../../errors.ts';
import type { Target } from './target.ts';

/**
 * `manual` (default): a 3xx is returned as the response, like the platform's gateway.
 * `follow-same-origin`: redirects within the request's origin are followed; one to another origin
 * fails with `UPSTREAM_REDIRECT_REFUSED` rather than carry credentials there.
 */
export type RedirectMode = 'manual' | 'follow-same-origin';

/** Hops followed before `UPSTREAM_REDIRECT_REFUSED`; loops end here. */
export const maxRedirects = 5;

/** The request for the next hop. */
export interface RedirectHop {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: Uint8Array | undefined;
}

export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/**
 * The request to send after a redirect, or `undefined` when the 3xx carries no usable `Location`
 * and is returned as it is. 303, and 301/302 after a POST, become a GET without body, as in
 * browsers (RFC 9110 §15.4); 307/308 repeat the request unchanged.
 */
export function followRedirect(
  current: RedirectHop,
  from: Target,
  status: number,
  location: string | undefined,
  hop: number,
  describe: string,
): RedirectHop | undefined {
  if (location === undefined || location === '') return undefined;
  let next: URL;
  try {
    next = new URL(location, `${from.origin}${from.path}`);
  } catch {
    return undefined;
  }
  if (next.origin !== from.origin)
    throw new FlowportError(
      'UPSTREAM_REDIRECT_REFUSED',
      `\`${describe}\` redirected (${status}) to another origin, \`${next.protocol}//${next.host}\`; flowport follows redirects only within \`${from.origin}\` so credentials stay there. Call the new URL directly, or set \`redirect\` to \`manual\` to receive the ${status}.`,
    );
  if (hop >= maxRedirects)
    throw new FlowportError(
      'UPSTREAM_REDIRECT_REFUSED',
      `\`${describe}\` redirected more than ${maxRedirects} times; fix the redirect loop in the backend.`,
    );
  next.hash = '';
  const toGet =
    status === 303
      ? current.method !== 'HEAD'
      : (status === 301 || status === 302) && current.method === 'POST';
  if (!toGet) return { ...current, url: next.href };
  const headers = new Headers(current.headers);
  for (const name of [
    'content-type',
    'content-length',
    'content-encoding',
    'content-language',
    'content-location',
  ])
    headers.delete(name);
  return { method: 'GET', url: next.href, headers, body: undefined };
}
