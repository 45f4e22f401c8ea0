import { ownObject, ownString } from '../../connector/json.ts';
import { PowerAppsClient } from '../../deploy/client.ts';
import { DEFAULT_API_VERSION, DEFAULT_POWERAPPS_URL } from '../../deploy/settings.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { accessToken } from './deploy.ts';

export interface EnvironmentsFlags {
  tokenEnv: string;
  powerappsUrl?: string;
  apiVersion?: string;
  all: boolean;
  format: 'text' | 'json';
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * `flowport environments`: the environments the sign-in sees; with an environment id, its custom
 * connectors (all connectors with --all): what `flowport deploy` and `download` take.
 */
export async function runEnvironments(
  environment: string | undefined,
  flags: EnvironmentsFlags,
  io: Io,
): Promise<number> {
  const client = new PowerAppsClient({
    baseUrl: (flags.powerappsUrl ?? DEFAULT_POWERAPPS_URL).replace(/\/+$/, ''),
    apiVersion: flags.apiVersion ?? DEFAULT_API_VERSION,
    environment: environment ?? '',
    token: await accessToken(flags.tokenEnv),
  });
  if (environment === undefined) {
    const rows = (await client.environments()).map((e) => {
      const p = ownObject(e, 'properties');
      return {
        id: ownString(e, 'name') ?? '',
        name: ownString(p, 'displayName') ?? '',
        default: p?.isDefault === true,
      };
    });
    io.stdout.write(
      flags.format === 'json'
        ? `${JSON.stringify(rows, null, 2)}\n`
        : `${table([['ENVIRONMENT', 'NAME', ''], ...rows.map((r) => [r.id, r.name, r.default ? 'default' : ''])])}\n`,
    );
    return EXIT.ok;
  }
  const rows = (await client.connectors())
    .map((c) => {
      const p = ownObject(c, 'properties');
      return {
        id: ownString(c, 'name') ?? '',
        name: ownString(p, 'displayName') ?? '',
        custom: p?.isCustomApi === true,
        createdBy: ownString(ownObject(p, 'createdBy'), 'displayName'),
      };
    })
    .filter((r) => flags.all || r.custom);
  if (flags.format === 'json') io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else if (rows.length === 0)
    io.stdout.write(
      `No custom connectors in ${environment}${flags.all ? '' : ' (--all lists the others too)'}.\n`,
    );
  else
    io.stdout.write(
      `${table([['CONNECTOR', 'NAME', 'CREATED BY'], ...rows.map((r) => [r.id, r.name, r.custom ? (r.createdBy ?? '') : '(managed)'])])}\n`,
    );
  return EXIT.ok;
}
