/**
 * `npm start`: flowport's main job on the embedded default, with nothing to sign up for. Starts the
 * Brightdesk demo backend (examples/demo-backend), `flowport serve` with the example connectors on
 * SQLite, makes an API-key connection to the demo and runs an action through the server, then keeps
 * serving until Ctrl-C, printing the web console's address signed in as the first admin.
 * `npm start -- --once` stops after the demo (CI).
 */

import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startDemoBackend } from '../examples/demo-backend/server.ts';
import { startServer } from '../src/cli/actions/serve.ts';
import { ADMIN_TOKEN_FILE, flowportHome } from '../src/cli/home.ts';

const once = process.argv.includes('--once');
const root = new URL('..', import.meta.url).pathname;
const io = { stdout: process.stdout, stderr: process.stderr };

async function free(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const demoPort = (await free(4100)) ? 4100 : 0;
const demo = await startDemoBackend({ port: demoPort });
const servePort = (await free(4321)) ? 4321 : 0;
const home = flowportHome();
const started = await startServer(
  [join(root, 'examples')],
  {
    port: servePort,
    host: '127.0.0.1',
    home,
    backend: [`brightdesk=${demo.apiUrl}`],
    watch: !once,
    logLevel: 'warn',
  },
  io,
);
const base = started.server.url;
const token = started.adminToken ?? readFileSync(join(home, ADMIN_TOKEN_FILE), 'utf8').trim();

async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as T & { detail?: string };
  if (!response.ok) throw new Error(`${method} ${path}: ${json.detail ?? response.status}`);
  return json;
}

const name = 'Brightdesk demo (API key)';
const { connections } = await api<{ connections: { id: string; name: string }[] }>(
  'GET',
  '/api/v1/connections?connectorId=brightdesk',
);
const connection =
  connections.find((c) => c.name === name) ??
  (await api<{ id: string }>('POST', '/api/v1/connections', {
    connectorId: 'brightdesk',
    name,
    parameterSet: 'api-key',
    values: { api_key: demo.apiKey },
  }));
const result = await api<{
  status: number;
  durationMs: number;
  body: { value?: { id: string; subject: string; status: string }[] };
}>('POST', `/api/v1/connections/${connection.id}/operations/ListTickets`, { parameters: { $top: 5 } });

// The same connection as an MCP server: what an AI agent would list (docs/mcp.md).
const mcpPath = `/api/v1/connections/${connection.id}/mcp`;
const mcpUrl = `${base}${mcpPath}`;
const listed = await api<{ result?: { tools: { name: string }[] } }>(
  'POST',
  mcpPath,
  { jsonrpc: '2.0', id: 1, method: 'tools/list' },
  { accept: 'application/json, text/event-stream' },
);
const tools = listed.result?.tools ?? [];

const lines = [
  '',
  `flowport serve ${once ? 'ran' : 'is running'} at ${base} (${started.store.engine}, state in ${home})`,
  `  connectors: ${started.imported.map((c) => c.id).join(', ')}`,
  `  demo backend (Brightdesk helpdesk): ${demo.url}`,
  `  connection ${connection.id}: ${name}`,
  '',
  // The token rides in the fragment, which the browser never sends; the console moves it to
  // sessionStorage and removes it from the address bar. Not printed by --once (CI logs; the server
  // is gone by then anyway).
  ...(once ? [] : [`Web console, signed in as the first admin: ${base}/console/#token=${token}`, '']),
  `ListTickets through the server answered ${result.status} in ${Math.round(result.durationMs)} ms:`,
  ...(result.body.value ?? []).map((t) => `  ${t.id}  ${t.status.padEnd(8)} ${t.subject}`),
  '',
  `The connection as an MCP server (${mcpUrl}) offers ${tools.length} tools to AI agents: ${tools.map((t) => t.name).join(', ')}`,
  '',
  'Try it:',
  `  export FLOWPORT_URL=${base} FLOWPORT_HOME=${home}`,
  '  npx flowport connections',
  `  npx flowport run brightdesk GetTicket --connection ${connection.id} -p ticketId=T-1001`,
  `  npx flowport trigger brightdesk OnTicketCreated --connection ${connection.id} --body '{"teamId":"support"}'`,
  `      (prints each new ticket; create one with \`npx flowport run brightdesk CreateTicket --connection ${connection.id} --body '{"teamId":"support","subject":"Hello","requesterEmail":"you@contoso.example"}'\`)`,
  `  npx flowport mcp --connection ${connection.id}      (the connection as an MCP server on stdio, for an agent)`,
  `  curl -H "Authorization: Bearer $(cat ${join(home, ADMIN_TOKEN_FILE)})" ${base}/api/v1/connectors`,
  `  API description: ${base}/api/openapi.json`,
];
process.stdout.write(`${lines.join('\n')}\n`);

if (once) {
  await started.stop();
  await demo.close();
} else {
  process.stdout.write('\nStop with Ctrl-C.\n');
  const stop = () => {
    started.stop().finally(() => demo.close().finally(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
