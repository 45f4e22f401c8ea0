/**
 * The floor of the serve benchmark: the least a Node proxy hop costs here. A bare Fastify route
 * that forwards the call to the backend with undici and answers with its status, headers and JSON
 * body — no auth, store, runtime, masking or response schema. Started by bench/serve.bench.ts in a
 * child process; argument: the backend URL; sends its port over IPC.
 */
import Fastify from 'fastify';
import { Agent, request } from 'undici';

const backend = process.argv[2];
const agent = new Agent({ keepAliveTimeout: 10_000 });
const app = Fastify({ logger: false });
app.post('/api/v1/connections/:id/operations/:operationId', async () => {
  const res = await request(`${backend}/v1/projects/p1/tasks?status=open`, {
    headers: { 'x-api-key': 'bench-key', accept: 'application/json' },
    dispatcher: agent,
  });
  return { status: res.statusCode, headers: res.headers, bodyKind: 'json', body: await res.body.json() };
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.(typeof address === 'object' && address ? address.port : 0);
