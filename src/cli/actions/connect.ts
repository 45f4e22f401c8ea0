import { createServer } from 'node:http';
import { FlowportError } from '../../errors.ts';
import type { ConnectionInfo } from '../../store/types.ts';
import { apiClient } from '../api-client.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { apiToken, flowportHome, serverUrl } from '../home.ts';
import { openBrowser } from '../open-browser.ts';

export interface ClientFlags {
  server?: string;
  apiToken?: string;
  home?: string;
}

export interface ConnectFlags extends ClientFlags {
  name?: string;
  conn: string[];
  connSet?: string;
  open: boolean;
  timeout: number;
}

export function clientOf(flags: ClientFlags) {
  return apiClient(serverUrl(flags.server), apiToken(flags.apiToken, flowportHome(flags.home)));
}

function pairs(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const raw of list) {
    const eq = raw.indexOf('=');
    if (eq <= 0) throw new FlowportError('USAGE', `\`--conn ${raw}\` must be \`name=value\`.`);
    out[raw.slice(0, eq)] = raw.slice(eq + 1);
  }
  return out;
}

function describe(c: ConnectionInfo): string {
  const secrets = c.secretsSet.length ? `, secrets set: ${c.secretsSet.join(', ')}` : '';
  return `${c.id}  ${c.connectorId}  ${c.name}  ${c.status}${c.statusReason ? ` (${c.statusReason})` : ''}${secrets}`;
}

/** Waits on a loopback port for the server's redirect after the OAuth consent, like `zapier invoke auth start`. */
async function waitForConsent(timeoutMs: number): Promise<{ url: string; done: Promise<URLSearchParams> }> {
  let settle: (q: URLSearchParams) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const done = new Promise<URLSearchParams>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/done') {
      res.writeHead(404).end();
      return;
    }
    const ok = url.searchParams.get('status') === 'connected';
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><title>flowport</title><p>${ok ? 'Connected. You can close this window.' : 'The sign-in did not complete; see the terminal.'}</p>`,
      );
    settle(url.searchParams);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const timer = setTimeout(
    () => fail(new FlowportError('USAGE', 'No OAuth sign-in arrived in time; run `flowport connect` again.')),
    timeoutMs,
  );
  done
    .finally(() => {
      clearTimeout(timer);
      server.close();
    })
    .catch(() => {});
  return { url: `http://127.0.0.1:${port}/done`, done };
}

/**
 * `flowport connect <connector>`: creates a connection on the server; for OAuth connections prints (and
 * opens) the consent URL and waits on a loopback redirect until the sign-in is done.
 */
export async function runConnect(connectorId: string, flags: ConnectFlags, io: Io): Promise<number> {
  const api = clientOf(flags);
  const created = await api.request<ConnectionInfo>('POST', '/api/v1/connections', {
    connectorId,
    ...(flags.name && { name: flags.name }),
    ...(flags.connSet && { parameterSet: flags.connSet }),
    values: pairs(flags.conn),
  });
  if (created.status !== 'unauthenticated') {
    io.stdout.write(`${describe(created)}\n`);
    return EXIT.ok;
  }
  const waiter = await waitForConsent(flags.timeout * 1000);
  const { authorizationUrl } = await api.request<{ authorizationUrl: string }>(
    'POST',
    `/api/v1/connections/${encodeURIComponent(created.id)}/oauth/start`,
    { returnTo: waiter.url },
  );
  io.stderr.write(`flowport: sign in to finish connection ${created.id}:\n  ${authorizationUrl}\n`);
  if (flags.open) openBrowser(authorizationUrl);
  const outcome = await waiter.done;
  const after = await api.request<ConnectionInfo>(
    'GET',
    `/api/v1/connections/${encodeURIComponent(created.id)}`,
  );
  io.stdout.write(`${describe(after)}\n`);
  if (outcome.get('error')) io.stderr.write(`flowport: the sign-in failed (${outcome.get('error')}).\n`);
  return after.status === 'connected' ? EXIT.ok : EXIT.findings;
}

export async function runConnections(
  flags: ClientFlags & { connector?: string; format: 'text' | 'json' },
  io: Io,
): Promise<number> {
  const api = clientOf(flags);
  const query = flags.connector ? `?connectorId=${encodeURIComponent(flags.connector)}` : '';
  const { connections } = await api.request<{ connections: ConnectionInfo[] }>(
    'GET',
    `/api/v1/connections${query}`,
  );
  if (flags.format === 'json') io.stdout.write(`${JSON.stringify(connections, null, 2)}\n`);
  else
    io.stdout.write(
      connections.length
        ? `${connections.map(describe).join('\n')}\n`
        : 'No connections yet; create one with `flowport connect <connector>`.\n',
    );
  return EXIT.ok;
}
