import { FlowportError, isFlowportError } from '../../errors.ts';

/** When a failure happened, which decides whether the backend may have acted on the request. */
export type FailurePhase = 'connect' | 'headers' | 'body';

/** A transport failure mapped to a flowport error, with what the retry policy needs to know. */
export interface UpstreamFailure {
  readonly error: FlowportError;
  /** `false` when the request cannot have reached the backend (refused, DNS, connect timeout). */
  readonly sent: boolean;
  /** `true` for network trouble worth another attempt; `false` for a bad request or response. */
  readonly transient: boolean;
}

const timeoutPhases: Readonly<Record<string, FailurePhase>> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
};

/** Codes meaning no connection was made, so the request never left. */
const notConnected = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ETIMEDOUT',
]);

/** Codes meaning an open connection broke; the backend may have received the request. */
const connectionBroken = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);

/** Codes meaning the backend's bytes are not HTTP, or disagree with themselves. */
const malformed = new Set([
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_HEADERS_OVERFLOW',
  'UND_ERR_INFO',
]);

/**
 * Maps an error thrown while sending or reading (undici's `UND_ERR_*`, Node's `E*`) to a
 * `FlowportError` naming the request; `target` is `GET host/path` without the query.
 */
export function toUpstreamFailure(
  error: unknown,
  target: string,
  timeouts: TimeoutSettings,
): UpstreamFailure {
  if (isFlowportError(error)) return { error, sent: true, transient: error.code === 'UPSTREAM_TIMEOUT' };
  const code = errorCode(error);
  const phase = code === undefined ? undefined : timeoutPhases[code];
  if (phase !== undefined)
    return {
      error: timeoutError(phase, target, timeouts, error),
      sent: phase !== 'connect',
      transient: true,
    };
  if (code !== undefined && notConnected.has(code))
    return {
      error: new FlowportError(
        'UPSTREAM_UNREACHABLE',
        `\`${target}\` could not connect (${code}); check the host name, the port and the network.`,
        { cause: error },
      ),
      sent: false,
      transient: true,
    };
  if (code !== undefined && connectionBroken.has(code))
    return {
      error: new FlowportError(
        'UPSTREAM_UNREACHABLE',
        `\`${target}\` lost its connection before the response was complete (${code}); check the backend.`,
        { cause: error },
      ),
      sent: true,
      transient: true,
    };
  if (code !== undefined && (malformed.has(code) || code.startsWith('HPE_')))
    return {
      error: new FlowportError(
        'UPSTREAM_INVALID_RESPONSE',
        `\`${target}\` answered with a malformed HTTP response (${code}); fix the backend.`,
        { cause: error },
      ),
      sent: true,
      transient: false,
    };
  if (
    code === 'UND_ERR_INVALID_ARG' ||
    code === 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH' ||
    code === 'UND_ERR_NOT_SUPPORTED'
  )
    return {
      error: new FlowportError(
        'REQUEST_UNSAFE',
        `\`${target}\` was not sent because the request is not valid HTTP: ${firstLine(error)}; check the headers policies set.`,
        { cause: error },
      ),
      sent: false,
      transient: false,
    };
  return {
    error: new FlowportError(
      'UPSTREAM_UNREACHABLE',
      `\`${target}\` failed: ${firstLine(error)}${code === undefined ? '' : ` (${code})`}.`,
      { cause: error },
    ),
    sent: true,
    transient: false,
  };
}

/** The timeouts in force, so a timeout message can say which one to raise. */
export interface TimeoutSettings {
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
}

const phaseWords: Readonly<Record<FailurePhase, [string, keyof TimeoutSettings]>> = {
  connect: ['connecting', 'connectTimeoutMs'],
  headers: ['waiting for the response headers', 'headersTimeoutMs'],
  body: ['reading the response body', 'bodyTimeoutMs'],
};

export function timeoutError(
  phase: FailurePhase,
  target: string,
  timeouts: TimeoutSettings,
  cause?: unknown,
): FlowportError {
  const [words, option] = phaseWords[phase];
  return new FlowportError(
    'UPSTREAM_TIMEOUT',
    `\`${target}\` timed out ${words} after ${timeouts[option]} ms; raise \`${option}\` or check the backend.`,
    { cause },
  );
}

/**
 * The code of an error or of what it wraps: Node reports a dual-stack connect failure as an
 * `AggregateError` whose members carry the codes, and wrappers keep the original in `cause`.
 */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 3) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== 'UND_ERR') return code;
  // undici's parser errors may carry no code (`Expected HTTP/`); the class name says what they are.
  if ((error as { name?: unknown }).name === 'HTTPParserError') return 'HPE_INVALID';
  const members = (error as { errors?: unknown }).errors;
  if (Array.isArray(members))
    for (const member of members) {
      const inner = errorCode(member, depth + 1);
      if (inner !== undefined) return inner;
    }
  return errorCode((error as { cause?: unknown }).cause, depth + 1);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n', 1)[0] ?? '';
  return (line.length > 160 ? `${line.slice(0, 160)}…` : line).replace(/\.$/, '');
}
