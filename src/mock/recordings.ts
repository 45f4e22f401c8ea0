/**
 * Recorded answers of a real API: `flowport mock --proxy <url> --record <dir>` keeps what the API
 * answered each operation, `flowport mock --replay <dir>` answers with it offline (a CI run, a demo,
 * a flow tested without the account). One file per operation, `<operationId>.json`, readable and
 * reviewable: each request by method, path and query (credentials in the query masked), each answer
 * by status, content type and body, the credentials the request carried masked wherever the answer
 * repeats them.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue } from '../connector/json.ts';
import { FlowportError } from '../errors.ts';

export interface Recording {
  readonly request: { readonly method: string; readonly path: string; readonly query: string };
  readonly response: {
    readonly status: number;
    readonly contentType?: string;
    /** JSON answers as JSON; text as `text`; other bytes as `base64`. */
    readonly json?: JsonValue;
    readonly text?: string;
    readonly base64?: string;
  };
}

/** Answers kept per operation: the latest of each distinct request, the oldest dropped beyond this. */
const KEEP = 20;

const SAFE_NAME = /[^A-Za-z0-9._-]/g;

function fileOf(dir: string, operationId: string): string {
  return join(dir, `${operationId.replace(SAFE_NAME, '_')}.json`);
}

/** The recordings of a folder, by operationId; a file that cannot be read is a usage error naming it. */
export function readRecordings(dir: string): Map<string, Recording[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    throw new FlowportError(
      'USAGE',
      `\`--replay ${dir}\`: no such folder; record one with --proxy <url> --record ${dir}.`,
    );
  }
  const out = new Map<string, Recording[]>();
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
    const file = parsed as { operationId?: unknown; recordings?: unknown };
    if (typeof file.operationId !== 'string' || !Array.isArray(file.recordings))
      throw new FlowportError(
        'USAGE',
        `${path} is not a recording: it needs \`operationId\` and \`recordings\`; record it with --proxy <url> --record.`,
      );
    out.set(file.operationId, file.recordings as Recording[]);
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

/** Adds one exchange to an operation's file (replacing the one for the same request), written atomically. */
export function saveRecording(dir: string, operationId: string, recording: Recording): void {
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
  writeFileSync(temporary, `${JSON.stringify({ operationId, recordings }, null, 2)}\n`);
  renameSync(temporary, path);
}

/**
 * A recording of an exchange: `secrets` (the credential values the request carried) replaced by `***`
 * in the answer's text before it is kept.
 */
export function recordingOf(
  request: Recording['request'],
  status: number,
  contentType: string | undefined,
  bytes: Uint8Array,
  secrets: readonly string[],
): Recording {
  const base = { status, ...(contentType && { contentType }) };
  if (bytes.length === 0) return { request, response: base };
  const textual = /json|text|xml|html|javascript|csv|yaml/i.test(contentType ?? '');
  if (!textual) return { request, response: { ...base, base64: Buffer.from(bytes).toString('base64') } };
  let text = new TextDecoder().decode(bytes);
  for (const secret of secrets) if (secret.length >= 4) text = text.split(secret).join('***');
  if (/json/i.test(contentType ?? '')) {
    try {
      return { request, response: { ...base, json: JSON.parse(text) as JsonValue } };
    } catch {
      // Not JSON after all: kept as text.
    }
  }
  return { request, response: { ...base, text } };
}

/** The bytes a recording answers with. */
export function recordedBytes(recording: Recording): Uint8Array {
  const r = recording.response;
  if (r.json !== undefined) return new TextEncoder().encode(JSON.stringify(r.json));
  if (r.text !== undefined) return new TextEncoder().encode(r.text);
  if (r.base64 !== undefined) return new Uint8Array(Buffer.from(r.base64, 'base64'));
  return new Uint8Array();
}
