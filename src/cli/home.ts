import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** `$FLOWPORT_HOME`, else `~/.flowport`: the SQLite file, the secret key, the first admin's token. */
export function flowportHome(option?: string): string {
  const home = resolve(option ?? process.env.FLOWPORT_HOME ?? join(homedir(), '.flowport'));
  if (!existsSync(home)) mkdirSync(home, { recursive: true, mode: 0o700 });
  return home;
}

/** Where `flowport serve` writes the first admin's API token (mode 0600) so local commands can use it. */
export const ADMIN_TOKEN_FILE = 'admin.token';

export function writeAdminToken(home: string, token: string): string {
  const path = join(home, ADMIN_TOKEN_FILE);
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

/** The API token for commands that talk to a server: `--api-token`, `$FLOWPORT_API_TOKEN`, else the admin token file. */
export function apiToken(option: string | undefined, home: string): string | undefined {
  if (option) return option;
  if (process.env.FLOWPORT_API_TOKEN) return process.env.FLOWPORT_API_TOKEN;
  try {
    return readFileSync(join(home, ADMIN_TOKEN_FILE), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Default server URL for client commands: `--server`, `$FLOWPORT_URL`, else the default port on loopback. */
export function serverUrl(option: string | undefined): string {
  return (option ?? process.env.FLOWPORT_URL ?? 'http://127.0.0.1:4321').replace(/\/+$/, '');
}
