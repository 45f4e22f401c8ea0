/**
 * Recorded answers of a real API: `flowport mock --proxy <url> --record <dir>` keeps what the API
 * answered each operation, `flowport mock --replay <dir>` answers with it offline (a CI run, a demo,
 * a flow tested without the account). One file per operation, `<operationId>.json`, readable and
 * reviewable: each request by method, path and query (credentials in the query masked), each answer
 * by status, content type, headers and body, the credentials the request carried masked wherever the
 * answer repeats them. The file names the API's base URL, so that a replay points the links the API
 * wrote (a `Location`, a next link) at the mock instead.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue } from '../connector/json.ts';
import { FlowportError } from '../errors.ts';
import { relayBase } from '../relay/forward.ts';
import { SECRET_NAME } from './mask-url.ts';

export interface Recording {
  readonly request: { readonly method: string; readonly path: string; readonly query: string };
  readonly response: {
    readonly status: number;
    readonly contentType?: string;
    /** The answer's other headers worth replaying ({@link keptHeaders}), by lower-case name. */
    readonly headers?: Readonly<Record<string, string>>;
    /** JSON answers as JSON; text as `text`; other bytes as `base64`. */
    readonly json?: JsonValue;
    readonly text?: string;
    readonly base64?: string;
  };
}

/** An operation's file: its answers, and the base URL of the API they came from. */
export interface RecordedOperation {
  /** `--proxy`'s URL without a trailing slash; absent in files written before it was kept. */
  readonly api?: string;
  readonly recordings: readonly Recording[];
}

/**
 * Headers a recording never keeps: those about the real server's connection, transport or time
 * (`date`, `alt-svc`, `strict-transport-security`), the content type (kept on its own), and those that
 * carry credentials (`set-cookie`, `authorization`, any whose name says it holds a secret).
 */
const NOT_KEPT: ReadonlySet<string> = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'date',
  'alt-svc',
  'strict-transport-security',
  'set-cookie',
  'cookie',
  'authorization',
  'proxy-authorization',
  'proxy-authenticate',
]);

/** Answers kept per operation: the latest of each distinct request, the oldest dropped beyond this. */
const KEEP = 20;

const SAFE_NAME = /[^A-Za-z0-9._-]/g;

function fileOf(dir: string, operationId: string): string {
  return join(dir, `${operationId.replace(SAFE_NAME, '_')}.json`);
}

/** The recordings of a folder, by operationId; a file that cannot be read is a usage error naming it. */
export function readRecordings(dir: string): Map<string, RecordedOperation> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    throw new FlowportError(
      'USAGE',
      `\`--replay ${dir}\`: no such folder; record one with --proxy <url> --record ${dir}.`,
    );
  }
  const out = new Map<string, RecordedOperation>();
  for (const name of names) {
    const path = join(dir, name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new FlowportError(
        'USAGE',
        `${path} is not JSON (${(error as Error).message}); fix or delete it.`,
      );
    }
    const file = parsed as { operationId?: unknown; api?: unknown; recordings?: unknown };
    if (typeof file.operationId !== 'string' || !Array.isArray(file.recordings))
      throw new FlowportError(
        'USAGE',
        `${path} is not a recording: it needs \`operationId\` and \`recordings\`; record it with --proxy <url> --record.`,
      );
    if (file.api !== undefined && (typeof file.api !== 'string' || !/^https?:\/\/\S+$/.test(file.api)))
      throw new FlowportError(
        'USAGE',
        `${path}: \`api\` must be the http(s) base URL the answers came from, or left out; fix or delete it.`,
      );
    out.set(file.operationId, {
      ...(file.api !== undefined && { api: file.api as string }),
      recordings: file.recordings as Recording[],
    });
  }
  return out;
}

/**
 * The recording that answers a request: the same method, path and query, else the same method and
 * path, else the operation's latest.
 */
export function matchRecording(
  recordings: readonly Recording[] | undefined,
  request: Recording['request'],
): Recording | undefined {
  if (!recordings || recordings.length === 0) return undefined;
  const same = (r: Recording) => r.request.method === request.method && r.request.path === request.path;
  return (
    recordings.find((r) => same(r) && r.request.query === request.query) ??
    recordings.find(same) ??
    recordings[recordings.length - 1]
  );
}

/**
 * Adds one exchange to an operation's file (replacing the one for the same request), written
 * atomically; `api` (the proxy's base URL) is named in the file.
 */
export function saveRecording(dir: string, operationId: string, recording: Recording, api: URL): void {
  mkdirSync(dir, { recursive: true });
  const path = fileOf(dir, operationId);
  let recordings: Recording[] = [];
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as { recordings?: Recording[] };
    if (Array.isArray(file.recordings)) recordings = file.recordings;
  } catch {
    // A first recording, or a file replaced whole.
  }
  const key = (r: Recording) => `${r.request.method} ${r.request.path}?${r.request.query}`;
  recordings = recordings.filter((r) => key(r) !== key(recording));
  recordings.push(recording);
  if (recordings.length > KEEP) recordings = recordings.slice(-KEEP);
  const temporary = `${path}.${process.pid}.tmp`;
  const file = { operationId, api: relayBase(api), recordings };
  writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`);
  renameSync(temporary, path);
}

/** `text` with every credential of `secrets` (four characters or more) replaced by `***`. */
function maskedText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

/** The headers of an answer a recording keeps (see {@link NOT_KEPT}), credentials masked. */
export function keptHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  secrets: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [raw, value] of Object.entries(headers)) {
    const name = raw.toLowerCase();
    if (value === undefined || NOT_KEPT.has(name) || SECRET_NAME.test(name)) continue;
    out[name] = maskedText(Array.isArray(value) ? value.join(', ') : value, secrets);
  }
  return out;
}

/**
 * A recording of an exchange: `secrets` (the credential values the request carried) replaced by `***`
 * in the answer's headers and text before they are kept.
 */
export function recordingOf(
  request: Recording['request'],
  answer: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string | string[] | undefined>>;
    readonly bytes: Uint8Array;
  },
  secrets: readonly string[],
): Recording {
  const { status, bytes } = answer;
  const contentType = [answer.headers['content-type']].flat()[0];
  const headers = keptHeaders(answer.headers, secrets);
  const base = {
    status,
    ...(contentType && { contentType }),
    ...(Object.keys(headers).length > 0 && { headers }),
  };
  if (bytes.length === 0) return { request, response: base };
  const textual = /json|text|xml|html|javascript|csv|yaml/i.test(contentType ?? '');
  if (!textual) return { request, response: { ...base, base64: Buffer.from(bytes).toString('base64') } };
  const text = maskedText(new TextDecoder().decode(bytes), secrets);
  if (/json/i.test(contentType ?? '')) {
    try {
      return { request, response: { ...base, json: JSON.parse(text) as JsonValue } };
    } catch {
      // Not JSON after all: kept as text.
    }
  }
  return { request, response: { ...base, text } };
}

/**
 * What a replay answers with: the recorded status, headers and body, with the API's base URL (`api`,
 * from the file) replaced by the mock's (`mock`: its origin and the swagger's basePath) in the headers
 * and in text and JSON bodies, so that a `Location` or a next link leads back to the mock. Bytes
 * (`base64`) are answered as they were.
 */
export function replayedAnswer(
  recording: Recording,
  api: string | undefined,
  mock: string,
): { status: number; headers: Record<string, string>; bytes: Uint8Array } {
  const r = recording.response;
  const moved = (text: string) => (api && api !== mock ? text.split(api).join(mock) : text);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(r.headers ?? {}))
    if (typeof value === 'string' && !NOT_KEPT.has(name.toLowerCase())) headers[name] = moved(value);
  if (r.contentType) headers['content-type'] = r.contentType;
  let bytes = new Uint8Array();
  if (r.json !== undefined) bytes = new TextEncoder().encode(moved(JSON.stringify(r.json)));
  else if (r.text !== undefined) bytes = new TextEncoder().encode(moved(r.text));
  else if (r.base64 !== undefined) bytes = new Uint8Array(Buffer.from(r.base64, 'base64'));
  return { status: r.status, headers, bytes };
}
