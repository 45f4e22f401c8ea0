import { FlowportError } from '../../errors.ts';
import type { PolicyContext } from '../types.ts';

/**
 * Replaces `{name}` placeholders in literal template text with the call's path parameter values,
 * percent-encoded as path segments (§3.3). An unknown name fails the call: sending the braces would
 * reach a wrong URL.
 */
export function fillPlaceholders(text: string, ctx: PolicyContext, label: string): string {
  return text.replace(/\{([^{}/?]+)\}/g, (_, name: string) => {
    if (!Object.hasOwn(ctx.pathValues, name))
      throw new FlowportError(
        'POLICY_FAILED',
        `${label} uses placeholder \`{${name}}\`, but operation \`${ctx.operation.label}\` has no path parameter \`${name}\`; rename the placeholder.`,
      );
    return encodeURIComponent(ctx.pathValues[name] ?? '');
  });
}

/** Splits `path?query` and parses the query (decoded) for merging into a request. */
export function splitPathAndQuery(url: string): { path: string; query: URLSearchParams } {
  const at = url.indexOf('?');
  if (at < 0) return { path: url, query: new URLSearchParams() };
  return { path: url.slice(0, at), query: new URLSearchParams(url.slice(at + 1)) };
}

/** Sets each name of `from` on `into`, replacing values of the same name and keeping the others. */
export function mergeQuery(into: URLSearchParams, from: URLSearchParams): void {
  for (const name of new Set(from.keys())) {
    into.delete(name);
    for (const value of from.getAll(name)) into.append(name, value);
  }
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const;
export const ORIGINAL_METHOD = '@Request.OriginalHTTPMethod';
