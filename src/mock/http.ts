/** The HTTP plumbing of the mock: bodies read with a bound, JSON written, errors as `{error: {code, message}}`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonValue } from '../connector/json.ts';
import type { RequestProblem } from './request-check.ts';

/** The largest body read; a larger one is answered 413. */
export const MAX_BODY = 10 * 1024 * 1024;

/** A mock error body: a code, a message that names the place and the fix, the problems found. */
export function mockError(code: string, message: string, problems?: readonly RequestProblem[]): JsonValue {
  return { error: { code, message, ...(problems && { problems: problems as unknown as JsonValue }) } };
}

export function send(
  res: ServerResponse,
  status: number,
  body: JsonValue | undefined,
  headers: Record<string, string> = {},
): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export function parsedJson(text: string | undefined): JsonValue | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** The body's bytes; `null` when it is over {@link MAX_BODY} (read to its end and dropped). */
export function readBody(req: IncomingMessage): Promise<Buffer | undefined | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY) resolve(null);
      else resolve(size === 0 ? undefined : Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
