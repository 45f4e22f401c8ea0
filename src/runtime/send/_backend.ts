import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test backend saw of one request. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export type Route = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest) => void;

/** A local HTTP backend on 127.0.0.1 for transport tests; routes by path without the query. */
export interface Backend {
  readonly origin: string;
  url(path: string): string;
  /** Requests received, in order. */
  readonly requests: SeenRequest[];
  /** How many TCP connections were accepted. */
  connections(): number;
  /** Requests received for a path. */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startBackend(routes: Readonly<Record<string, Route>>): Promise<Backend> {
  const requests: SeenRequest[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(seen);
      const route = routes[(req.url ?? '/').split('?')[0] ?? '/'];
      if (route === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('no route');
        return;
      }
      route(req, res, seen);
    });
  });
  // Writes to sockets the client destroyed fail with EPIPE/ECONNRESET; that is the point of many tests.
  server.on('clientError', (_error, socket) => socket.destroy());
  server.on('connection', (socket) => {
    connections++;
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    connections: () => connections,
    hits: (path) => requests.filter((r) => r.url.split('?')[0] === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A GET wire request without body. */
export function get(url: string, headers: Record<string, string> = {}) {
  return { method: 'GET', url, headers: new Headers(headers), body: undefined };
}
