/**
 * Finding the operation a method and path name (runtime spec §13.2, step 3): swagger path templates
 * matched segment by segment, static segments case-insensitively and before variables.
 */
import type { Connector, Operation } from '../connector/model.ts';

export interface PathMatch {
  readonly operation: Operation;
  /** Path parameter values, percent-decoded. */
  readonly pathValues: Record<string, string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Matches one template segment (`tasks`, `{id}`, `{name}.{ext}`); returns the values or undefined. */
function matchSegment(
  template: string,
  segment: string,
): { values: Record<string, string>; static: boolean } | undefined {
  if (!template.includes('{')) {
    return template.toLowerCase() === segment.toLowerCase() ? { values: {}, static: true } : undefined;
  }
  const names: string[] = [];
  const pattern = template.replace(
    /\{([^}]+)\}|([^{]+)/g,
    (_, name: string | undefined, text: string | undefined) => {
      if (name !== undefined) {
        names.push(name);
        return '(.+?)';
      }
      return escapeRegExp(text ?? '');
    },
  );
  const m = new RegExp(`^${pattern}$`, 'i').exec(segment);
  if (!m) return undefined;
  const values: Record<string, string> = {};
  names.forEach((name, i) => {
    Object.defineProperty(values, name, { value: decode(m[i + 1] ?? ''), enumerable: true, writable: true });
  });
  return { values, static: false };
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/**
 * The operation whose method and path template match `path` (relative to the connector's basePath,
 * without query). Among several matches the one with a static segment earliest wins (`/tasks/done`
 * over `/tasks/{id}`).
 *
 * @example
 * matchOperation(connector, 'GET', '/projects/p1/tasks')?.operation.id; // 'ListTasks'
 */
export function matchOperation(connector: Connector, method: string, path: string): PathMatch | undefined {
  return matchOperations(connector, method, path)[0];
}

/**
 * Every operation whose method and path template match `path`, best first: a static segment earliest
 * wins (`/tasks/done` over `/tasks/{id}`), then a template written exactly as the path (a trailing
 * slash too), then document order. A mock takes the first its request fits.
 */
export function matchOperations(connector: Connector, method: string, path: string): PathMatch[] {
  const wanted = segmentsOf(path);
  const lower = method.toLowerCase();
  const found: { match: PathMatch; rank: string }[] = [];
  for (const operation of connector.operations) {
    if (operation.method !== lower) continue;
    const template = segmentsOf(operation.path);
    if (template.length !== wanted.length) continue;
    const values: Record<string, string> = {};
    let rank = '';
    let ok = true;
    for (let i = 0; i < template.length && ok; i++) {
      const m = matchSegment(template[i]!, wanted[i]!);
      if (!m) ok = false;
      else {
        for (const [name, value] of Object.entries(m.values)) {
          Object.defineProperty(values, name, { value, enumerable: true, writable: true });
        }
        rank += m.static ? '1' : '0';
      }
    }
    if (!ok) continue;
    rank += operation.path.toLowerCase() === path.toLowerCase() ? '1' : '0';
    found.push({ match: { operation, pathValues: values }, rank });
  }
  // A stable sort: equal ranks keep document order.
  return found.sort((a, b) => (a.rank < b.rank ? 1 : a.rank > b.rank ? -1 : 0)).map((f) => f.match);
}

/** The values of `operation`'s query parameters found in `query` (a matched URL's), by parameter name. */
export function queryArguments(operation: Operation, query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const p of operation.parameters) {
    const value = p.in === 'query' ? query.get(p.name) : null;
    if (value !== null) out[p.name] = value;
  }
  return out;
}
