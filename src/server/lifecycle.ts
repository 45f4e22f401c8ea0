/**
 * Running the app: listen, and on SIGINT/SIGTERM shut down gracefully — `/readyz` turns 503, no new
 * connections are accepted, requests in flight finish (until a deadline, after which their sockets
 * are closed), then the registry's runtimes and the store are closed (the app's `onClose` hook).
 */
import type { FastifyInstance } from 'fastify';

export interface ListenOptions {
  /** Default 4321; 0 picks a free port. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** How long in-flight requests may take to finish after a shutdown starts. Default 10,000 ms. */
  readonly shutdownTimeoutMs?: number;
  /** Signals that start a shutdown; default `SIGINT` and `SIGTERM`. An empty list installs none. */
  readonly signals?: readonly NodeJS.Signals[];
  /** Called once the shutdown is complete (the CLI exits here). */
  readonly onShutdown?: (reason: string) => void;
}

export interface RunningServer {
  /** `http://127.0.0.1:4321`. */
  readonly url: string;
  readonly port: number;
  /** Shuts down as a signal would; resolves when everything is closed. Safe to call twice. */
  close(reason?: string): Promise<void>;
}

/**
 * Starts listening and installs the shutdown handlers.
 *
 * @example
 * const server = await listen(app, { port: 4321 });
 * console.log(`flowport serve on ${server.url}`);
 */
export async function listen(app: FastifyInstance, options: ListenOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const deadline = options.shutdownTimeoutMs ?? 10_000;
  await app.listen({ port: options.port ?? 4321, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 4321);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];

  const onSignal = (signal: NodeJS.Signals) => {
    void close(signal);
  };

  function close(reason = 'close'): Promise<void> {
    closing ??= (async () => {
      for (const s of signals) process.off(s, onSignal);
      app.draining = true;
      app.log.info({ reason }, 'shutting down');
      // Past the deadline, sockets still busy are cut so the process can end.
      const timer = setTimeout(() => {
        app.log.warn(
          { deadlineMs: deadline },
          'requests still running at the shutdown deadline; closing their connections',
        );
        app.server.closeAllConnections();
      }, deadline);
      timer.unref();
      try {
        await app.close();
      } finally {
        clearTimeout(timer);
      }
      options.onShutdown?.(reason);
    })();
    return closing;
  }

  for (const s of signals) process.on(s, onSignal);
  return { url: `http://${shownHost}:${port}`, port, close };
}
