/**
 * `flowport record`: a recording proxy. Clients send their API calls to it instead of the API (a
 * script, an SDK, a backend, Postman: anything that is not a browser, whose DevTools record HARs
 * themselves); each call is passed on to the API, its answer passed back unchanged, and both written
 * to a HAR file that `flowport init --from` turns into a connector.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY, readBody } from '../mock/http.ts';
import { relay, relayTarget, relayUrl } from '../relay/forward.ts';
import { type Call, harEntry } from './har-entry.ts';
import { HarFile } from './har-file.ts';

export interface RecorderOptions {
  /** The API's base URL (`https://api.example.com/v1`); requests' paths follow it. */
  readonly target: string;
  /** The HAR file to write (continued when it holds one). */
  readonly out: string;
  readonly port?: number;
  readonly host?: string;
  /** Write credentials, cookies and secret fields as sent (default: masked). */
  readonly keepSecrets?: boolean;
  /** Called after each call is recorded. */
  readonly onCall?: (call: RecordedCall) => void;
}

/** A call as the recorder reports it (for its log). */
export interface RecordedCall {
  readonly method: string;
  /** Path and query as the client sent them. */
  readonly path: string;
  /** The API's status, or undefined when it could not be reached. */
  readonly status: number | undefined;
  readonly ms: number;
  readonly error?: string;
}

export interface Recorder {
  /** `http://host:port`: where clients send their calls. */
  readonly url: string;
  readonly file: HarFile;
  /** Stops listening and writes the file; resolves to the calls recorded. */
  close(): Promise<number>;
}

function json(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * Starts a recording proxy. Throws `FlowportError` (`USAGE`) for a target that is not an http(s) URL
 * or an `out` that exists and is not a HAR.
 *
 * @example
 * const recorder = await startRecorder({ target: 'https://api.example.com/v1', out: 'session.har' });
 * await fetch(`${recorder.url}/tasks?top=5`, { headers: { 'X-Api-Key': key } });
 * await recorder.close(); // session.har holds the call, the key masked
 */
export async function startRecorder(options: RecorderOptions): Promise<Recorder> {
  const target = relayTarget(options.target, 'record');
  const file = new HarFile(options.out);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = new Date();
    const t0 = performance.now();
    const { pathname, search } = new URL(req.url ?? '/', 'http://recorder');
    const body = await readBody(req);
    if (body === null)
      return json(
        res,
        413,
        'RECORD_BODY_TOO_LARGE',
        `The request body is over ${MAX_BODY} bytes; it was not passed on.`,
      );
    const request = { method: req.method ?? 'GET', path: pathname, search, headers: req.headers, body };
    const answer = await relay(target, request);
    const ms = Math.round(performance.now() - t0);
    const headers = Object.entries(req.headers).flatMap(([name, value]) =>
      name === 'host' || value === undefined
        ? []
        : (Array.isArray(value) ? value : [value]).map((v) => [name, v] as const),
    );
    const call: Call = {
      started,
      ms,
      method: request.method,
      url: new URL(relayUrl(target, request)),
      requestHeaders: [['host', target.host], ...headers],
      requestBody: body,
      ...('unreachable' in answer
        ? { error: answer.unreachable }
        : {
            response: {
              status: answer.status,
              statusText: answer.statusText,
              headers: Object.entries(answer.headers).flatMap(([name, value]) =>
                (Array.isArray(value) ? value : [value]).map((v) => [name, v] as const),
              ),
              body: answer.bytes,
            },
          }),
    };
    file.add(harEntry(call, options.keepSecrets === true));
    options.onCall?.({
      method: request.method,
      path: `${pathname}${search}`,
      status: 'unreachable' in answer ? undefined : answer.status,
      ms,
      ...('unreachable' in answer && { error: answer.unreachable }),
    });
    if ('unreachable' in answer)
      return json(
        res,
        502,
        'RECORD_UPSTREAM_UNREACHABLE',
        `The API at ${target.origin} could not be reached (${answer.unreachable}).`,
      );
    res.writeHead(answer.status, answer.statusText, answer.headers);
    res.end(answer.bytes);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        json(res, 500, 'RECORD_FAILED', `Recording the call failed (${(error as Error).message}).`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4020, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    file,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      file.flush();
      return file.recorded;
    },
  };
}
