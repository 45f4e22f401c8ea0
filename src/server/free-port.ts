import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 right now, for a process whose URL must be known before it listens
 * (tests and benchmarks that start servers).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
