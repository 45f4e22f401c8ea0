import { FlowportError } from '../../errors.ts';

/**
 * How `x-ms-url-encoding` is applied when no gateway sits between flowport and the backend
 * (docs/runtime/requests.md, "Path encoding"). `gateway`: what the backend receives behind the real
 * gateway, which decodes once; `literal`: the encoding designer clients send to the gateway (1× or 2×).
 */
export type PathEncodingMode = 'gateway' | 'literal';

const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]*$/;

/**
 * Percent-encodes one path value. `single` (the default when absent) lets `/` through in gateway mode,
 * so a value may span segments; `double` keeps `/` as `%2F`.
 *
 * @example
 * encodePathValue('a b/c', 'single', 'gateway'); // 'a%20b/c'
 * encodePathValue('a b/c', 'double', 'gateway'); // 'a%20b%2Fc'
 */
export function encodePathValue(value: string, encoding: string | undefined, mode: PathEncodingMode): string {
  // Characters encodeURIComponent leaves alone: nothing to encode, once or twice.
  if (UNRESERVED.test(value)) return value;
  const double = encoding?.trim().toLowerCase() === 'double';
  const once = encodeURIComponent(value);
  if (mode === 'literal') return double ? encodeURIComponent(once) : once;
  return double ? once : once.replace(/%2F/g, '/');
}

/**
 * True when a percent-encoded path has a `.` or `..` segment, also after one, two or three rounds of
 * decoding and with `\` taken as a separator: URL parsers (WHATWG, undici) and backends that decode
 * `%2F` or `%252F` again would otherwise resolve it and send the request to another path.
 */
export function hasDotSegment(encodedPath: string): boolean {
  // Without a `.` or a `%` no round of decoding can make a dot segment.
  if (!encodedPath.includes('.') && !encodedPath.includes('%')) return false;
  for (const segment of encodedPath.split('/')) {
    let text = segment;
    for (let round = 0; round < 4; round++) {
      if (text.split(/[/\\]/).some((piece) => piece === '.' || piece === '..')) return true;
      const decoded = safeDecode(text);
      if (decoded === undefined || decoded === text) break;
      text = decoded;
    }
  }
  return false;
}

/** Throws `REQUEST_UNSAFE` when {@link hasDotSegment}; `where` names the path or the parameter. */
export function assertNoDotSegment(encodedPath: string, where: string): void {
  if (hasDotSegment(encodedPath))
    throw new FlowportError(
      'REQUEST_UNSAFE',
      `${where} would make a \`.\` or \`..\` path segment (also when percent-encoded), which would send the request to another path; pass a value without one.`,
    );
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
