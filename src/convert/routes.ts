import type { JsonObject } from '../connector/json.ts';

/** Marks an operation whose connector path differs from the API's; removed once the policy exists. */
export const ROUTE_MARK = 'x-flowport-route';
/** Marks an operation whose own (or its path's) server differs from the connector's base URL. */
export const HOST_MARK = 'x-flowport-host';

/** The key two paths share when the platform would route them alike (`/a/{x}` = `/A/{y}`). */
export function routeKey(path: string): string {
  return path
    .split('/')
    .map((s) => (s.startsWith('{') && s.endsWith('}') ? '{}' : s.toLowerCase()))
    .join('/');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export interface Placement {
  /** The path template in the connector. */
  readonly path: string;
  /** The API's real path when it differs, for a `routerequesttoendpoint` policy. */
  readonly route: string | undefined;
}

/**
 * Gives every operation a path the platform accepts: no query or fragment, and no two operations of
 * one method with templates that differ only in variable names. An operation that cannot keep its
 * path gets a distinct one (`/contacts/{number}/by-number`) and is routed back to the real path.
 */
export function createRouter(): (method: string, path: string) => Placement {
  const used = new Set<string>();
  return (method, path) => {
    const real = path.replace(/#.*$/, '');
    const base = real.replace(/\?.*$/, '') || '/';
    const extra = path.slice(base.length).replace(/^[?#]/, '');
    let candidate = base;
    if (used.has(`${method} ${routeKey(candidate)}`) || extra !== '') {
      const vars = [...base.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
      const tail =
        slug(extra) || (vars.length > 0 ? `by-${slug(vars[vars.length - 1] ?? '')}` : 'alternative');
      candidate = `${base.replace(/\/$/, '')}/${tail}`;
      for (let n = 2; used.has(`${method} ${routeKey(candidate)}`); n++)
        candidate = `${base.replace(/\/$/, '')}/${tail}-${n}`;
    }
    used.add(`${method} ${routeKey(candidate)}`);
    return { path: candidate, route: candidate === real ? undefined : real };
  };
}

/**
 * `routerequesttoendpoint` policies for operations marked with {@link ROUTE_MARK} and `dynamichosturl`
 * policies for those marked with {@link HOST_MARK}; removes the marks.
 */
export function routePolicies(paths: JsonObject): JsonObject[] {
  const policies: JsonObject[] = [];
  for (const item of Object.values(paths)) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
    for (const op of Object.values(item)) {
      if (typeof op !== 'object' || op === null || Array.isArray(op)) continue;
      const host = op[HOST_MARK];
      if (typeof host === 'string') {
        delete op[HOST_MARK];
        policies.push({
          templateId: 'dynamichosturl',
          title: `Send ${String(op.operationId)} to ${host}`,
          parameters: {
            'x-ms-apimTemplateParameter.urlTemplate': host,
            'x-ms-apimTemplate-operationName': [String(op.operationId)],
          },
        });
      }
      const route = op[ROUTE_MARK];
      if (typeof route !== 'string') continue;
      delete op[ROUTE_MARK];
      policies.push({
        templateId: 'routerequesttoendpoint',
        title: `Send ${String(op.operationId)} to ${route}`,
        parameters: {
          'x-ms-apimTemplateParameter.newPath': route,
          'x-ms-apimTemplate-operationName': [String(op.operationId)],
        },
      });
    }
  }
  return policies;
}
