/** The local backend of `bench:runtime`: answers every request with a small JSON list, keep-alive. */
import { createServer } from 'node:http';

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
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.(typeof address === 'object' && address ? address.port : 0);
});
