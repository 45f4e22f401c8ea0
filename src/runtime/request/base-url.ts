import type { Connector } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';

/**
 * `scheme://host` plus `basePath`, without a trailing slash (runtime spec §3.1). The scheme is `https`
 * when `schemes` lists it (Power Fx refuses plain http), else the first listed, else `https`.
 *
 * @example
 * baseUrlOf(connector); // 'https://api.contoso.com/v1'
 */
export function baseUrlOf(connector: Connector): string {
  const { host, basePath, schemes } = connector.definition;
  const label = connector.definition.info.title ?? connector.source;
  if (host === undefined || host.trim() === '')
    throw new FlowportError(
      'USAGE',
      `Connector \`${label}\` has no \`host\` in its swagger; pass the backend with \`--base-url https://…\`.`,
    );
  const lower = schemes.map((s) => s.toLowerCase());
  const scheme = lower.includes('https') ? 'https' : (lower.find((s) => s === 'http') ?? 'https');
  const path = (basePath ?? '').trim();
  const base = path === '' || path === '/' ? '' : `/${path.replace(/^\/+/, '')}`;
  return checkBase(
    `${scheme}://${host.trim()}${base}`,
    `The base URL of \`${label}\` (from \`host\` and \`basePath\`)`,
  );
}

/**
 * Validates a user `--base-url`: an absolute http(s) URL without credentials, query or fragment.
 * Returns it without a trailing slash.
 *
 * @example
 * overrideBaseUrl('http://localhost:4010/'); // 'http://localhost:4010'
 */
export function overrideBaseUrl(url: string): string {
  return checkBase(url.trim(), '`--base-url`');
}

function checkBase(text: string, what: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FlowportError('USAGE', `${what} is not an absolute URL; use \`https://host/path\`.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new FlowportError('USAGE', `${what} must use http or https, not \`${url.protocol}\`.`);
  if (url.username !== '' || url.password !== '')
    throw new FlowportError('USAGE', `${what} must not carry credentials; use a connection.`);
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#'))
    throw new FlowportError('USAGE', `${what} must not have a query or fragment.`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
