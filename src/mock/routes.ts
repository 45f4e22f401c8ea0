/**
 * Requests a `routerequesttoendpoint` policy sent elsewhere than the swagger's path: the mock takes
 * each such policy's `newPath` as one more route to the operations it applies to, so that a connector
 * whose backend paths differ from its swagger's (a common way to hide a version or a key in the path)
 * is mocked too. `{name}` placeholders become that path parameter's value; expressions
 * (`@connectionParameters('region')`, `@queryParameters('v')`) match any one segment.
 */

import { isObject, type JsonValue, own, ownString } from '../connector/json.ts';
import type { Connector, Operation, PolicyInstance } from '../connector/model.ts';
import { closest } from '../runtime/closest.ts';
import type { PathMatch } from '../runtime/path-match.ts';
import { matchOperation } from '../runtime/path-match.ts';
import { operationFilter } from '../runtime/policies/define.ts';
import { mockError } from './http.ts';

interface RoutedPath {
  readonly operation: Operation;
  /** The method the policy sends, or undefined for the operation's own. */
  readonly method: string | undefined;
  readonly pattern: RegExp;
  /** Capture group name → path parameter name. */
  readonly names: ReadonlyMap<string, string>;
}

const EXPRESSION = /@[A-Za-z_][\w.]*\((?:[^()]|\([^()]*\))*\)/g;

/** Every route a `routerequesttoendpoint` policy gives an operation. */
export function routedPaths(connector: Connector): RoutedPath[] {
  const out: RoutedPath[] = [];
  for (const instance of connector.properties.policies) {
    if (instance.templateId !== 'routerequesttoendpoint') continue;
    const newPath = instance.parameters.newPath;
    if (typeof newPath !== 'string' || newPath.trim() === '') continue;
    const rawMethod = instance.parameters.httpMethod;
    const method =
      typeof rawMethod === 'string' && rawMethod.trim() !== '' && !rawMethod.trim().startsWith('@')
        ? rawMethod.trim().toUpperCase()
        : undefined;
    const applies = operationFilter(instance);
    const compiled = compile(newPath);
    if (!compiled) continue;
    for (const operation of connector.operations)
      if (applies(operation.id)) out.push({ operation, method, ...compiled });
  }
  return out;
}

/** `/v1/{id}/@connectionParameters('x')?q=1` → a pattern over the path (the query part dropped). */
function compile(newPath: string): { pattern: RegExp; names: Map<string, string> } | undefined {
  const path = newPath.split('?')[0] as string;
  const names = new Map<string, string>();
  let source = '';
  let last = 0;
  const tokens = [...path.matchAll(new RegExp(`\\{([^{}/]+)\\}|${EXPRESSION.source}`, 'g'))];
  for (const token of tokens) {
    source += escapeRegExp(path.slice(last, token.index));
    if (token[1] !== undefined) {
      const group = `p${names.size}`;
      names.set(group, token[1]);
      source += `(?<${group}>[^/]+)`;
    } else source += '[^/]+';
    last = token.index + token[0].length;
  }
  source += escapeRegExp(path.slice(last));
  const normalized = source.startsWith('/') ? source : `/${source}`;
  try {
    return { pattern: new RegExp(`^${normalized.replace(/\/$/, '')}/?$`, 'i'), names };
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The operations a policy routed `method path` from (several policies may route to one backend path),
 * each with the path values its placeholders carry.
 */
export function matchRouted(routes: readonly RoutedPath[], method: string, path: string): PathMatch[] {
  const out: PathMatch[] = [];
  for (const route of routes) {
    const wanted = (route.method ?? route.operation.method).toUpperCase();
    if (wanted !== method.toUpperCase()) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    const pathValues: Record<string, string> = Object.create(null);
    for (const [group, name] of route.names) {
      const value = m.groups?.[group];
      if (value === undefined) continue;
      try {
        pathValues[name] = decodeURIComponent(value);
      } catch {
        pathValues[name] = value;
      }
    }
    out.push({ operation: route.operation, pathValues });
  }
  return out;
}

/** Policies that change a request's body on its way to the backend. */
const BODY_POLICIES: ReadonlySet<string> = new Set([
  'setproperty',
  'moveproperties',
  'convertobjecttoarray',
  'convertarraytoobject',
  'stringtoarray',
  'encodepropertyvalue',
  'stringreplace',
]);

/**
 * Whether a Request-section policy (the section by default) reshapes the operation's body before it
 * is sent: the body that reaches the mock is
 * then not the one the swagger describes, and is not checked against it.
 */
export function bodyReshaped(connector: Connector): (operation: Operation) => boolean {
  const filters = connector.properties.policies
    .filter((p) => BODY_POLICIES.has(p.templateId) && (sectionOf(p) ?? 'request').toLowerCase() === 'request')
    .map((p) => operationFilter(p));
  return (operation) => filters.some((applies) => applies(operation.id));
}

function sectionOf(policy: PolicyInstance): string | undefined {
  const parameters = own(policy.raw, 'parameters');
  return isObject(parameters) ? ownString(parameters, 'x-ms-apimTemplate-policySection') : undefined;
}

/** The answer to a request no operation takes: 405 with the methods the path takes, else 404 with the nearest path. */
export function unmatched(
  connector: Connector,
  method: string,
  path: string,
): [number, JsonValue, string | undefined] {
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].filter(
    (m) => m !== method && matchOperation(connector, m, path) !== undefined,
  );
  if (methods.length > 0)
    return [
      405,
      mockError(
        'MOCK_METHOD_NOT_ALLOWED',
        `No operation answers ${method} ${path}; the path takes ${methods.join(', ')}.`,
      ),
      methods.join(', '),
    ];
  const paths = [...new Set(connector.operations.map((o) => o.path))];
  const near = closest(path, paths);
  return [
    404,
    mockError(
      'MOCK_NO_OPERATION',
      `No operation of the connector answers ${method} ${path}${near ? `; the nearest path is ${near}` : ''}. Send to the mock's URL with the swagger's basePath, as \`--base-url\`.`,
    ),
    undefined,
  ];
}
