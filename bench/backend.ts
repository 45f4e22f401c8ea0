/**
 * The local backend of the benchmarks: answers every request with a small JSON list, keep-alive,
 * after `BENCH_BACKEND_DELAY_MS` (default 0) — a real API takes milliseconds, not microseconds.
 */
import { createServer, type ServerResponse } from 'node:http';

const delay = Number(process.env.BENCH_BACKEND_DELAY_MS ?? 0);

const body = JSON.stringify({
  value: Array.from({ length: 5 }, (_, i) => ({
    id: `t${i}`,
    title: `Task ${i}`,
    status: 'open',
    done: false,
  })),
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (delay > 0) setTimeout(answer, delay, res);
    else answer(res);
  });
});

function answer(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.(typeof address === 'object' && address ? address.port : 0);
});
