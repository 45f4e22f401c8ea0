/**
 * Where the browser may be sent after the callback: this server's own origin (the console) or a
 * loopback address (the CLI's `flowport connect` page). Anything else would be an open redirect.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The absolute URL `returnTo` stands for, or undefined when it is not allowed. A path (`/console`)
 * is taken relative to `publicUrl`; `//host` and URLs with credentials are refused.
 *
 * @example
 * allowedReturnTo('http://127.0.0.1:53123/done', 'https://flowport.example.com') // 'http://127.0.0.1:53123/done'
 * allowedReturnTo('https://evil.example/', 'https://flowport.example.com') // undefined
 */
export function allowedReturnTo(returnTo: string, publicUrl: string): string | undefined {
  if (returnTo === '' || returnTo.length > 2048 || /[\s\\]/.test(returnTo)) return undefined;
  const own = new URL(publicUrl);
  let url: URL;
  try {
    url = returnTo.startsWith('/') && !returnTo.startsWith('//') ? new URL(returnTo, own) : new URL(returnTo);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.origin === own.origin || LOOPBACK.has(url.hostname)) return url.href;
  return undefined;
}

/** `returnTo` with the outcome of the sign-in added to its query. */
export function withOutcome(returnTo: string, outcome: Readonly<Record<string, string>>): string {
  const url = new URL(returnTo);
  for (const [k, v] of Object.entries(outcome)) url.searchParams.set(k, v);
  return url.href;
}
