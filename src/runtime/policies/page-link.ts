/** Next-page links that route back through the runtime (runtime spec §10, DECIDE 11). */

const PAGE_PATH = '/__page';

/**
 * The runtime URL that stands for a backend next-page link:
 * `<runtimeBaseUrl>/__page?op=<operationId>&link=<base64url(link)>`.
 *
 * @example
 * encodePageLink('flowport://runtime', 'ListTasks', 'https://graph.microsoft.com/v1.0/x?$skiptoken=1');
 * // 'flowport://runtime/__page?op=ListTasks&link=aHR0cHM6Ly9…'
 */
export function encodePageLink(runtimeBaseUrl: string, operationId: string, link: string): string {
  const query = new URLSearchParams({
    op: operationId,
    link: Buffer.from(link, 'utf8').toString('base64url'),
  });
  return `${runtimeBaseUrl.replace(/\/+$/, '')}${PAGE_PATH}?${query}`;
}

/** The operation and backend link of a URL made by {@link encodePageLink}; `undefined` for any other URL. */
export function decodePageLink(url: string): { operationId: string; link: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!parsed.pathname.endsWith(PAGE_PATH)) return undefined;
  const operationId = parsed.searchParams.get('op');
  const encoded = parsed.searchParams.get('link');
  if (!operationId || !encoded || !/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined;
  const link = Buffer.from(encoded, 'base64url').toString('utf8');
  // Only absolute http(s) links are followed; anything else was not made by encodePageLink.
  if (!/^https?:\/\//i.test(link) || Buffer.from(link, 'utf8').toString('base64url') !== encoded)
    return undefined;
  return { operationId, link };
}
