import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployConnector } from '../../deploy/deploy.ts';
import { connectorDrift } from '../../deploy/drift.ts';
import { freshToken, readStoredToken, writeStoredToken } from '../../deploy/login.ts';
import { FlowportError } from '../../errors.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { flowportHome } from '../home.ts';
import { loadOverlaid } from '../overlay-flag.ts';
import { driftText } from '../render/drift.ts';

export interface DeployFlags {
  /** Per-environment overlays (JSON Merge Patch of apiDefinition / apiProperties), in order. */
  overlay?: string[];
  environment?: string;
  connectorId?: string;
  tokenEnv: string;
  secretEnv?: string;
  powerappsUrl?: string;
  apiVersion?: string;
  keepStackOwner: boolean;
  validate: boolean;
  settings: boolean;
  /** Compare with the connector deployed and print the differences; send nothing. */
  dryRun?: boolean;
  format?: 'text' | 'json';
}

function fromEnv(flag: string, name: string, what: string, hint: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '')
    throw new FlowportError(
      'USAGE',
      `${what} is read from the environment variable ${name} (${flag}), which is not set; ${hint}`,
    );
  return value.trim();
}

/** The access token: the environment variable when set, else `flowport login`'s, refreshed when near its end. */
export async function accessToken(variable: string): Promise<string> {
  const fromVariable = process.env[variable]?.trim();
  if (fromVariable) return fromVariable;
  const home = flowportHome();
  const stored = readStoredToken(home);
  if (!stored)
    throw new FlowportError(
      'USAGE',
      `No Power Platform sign-in: run \`flowport login\`, or set the environment variable ${variable} (--token-env) to an access token for https://service.powerapps.com/ (\`az account get-access-token --resource https://service.powerapps.com/ --query accessToken -o tsv\`).`,
    );
  const { token, refreshed } = await freshToken(stored);
  if (refreshed) writeStoredToken(home, token);
  return token.accessToken;
}

/** `flowport deploy`: creates or updates the connector in an environment; writes the new id to settings.json. */
export async function runDeploy(path: string, flags: DeployFlags, io: Io): Promise<number> {
  const token = await accessToken(flags.tokenEnv);
  if (flags.dryRun) return dryRun(path, flags, token, io);
  const clientSecret =
    flags.secretEnv === undefined
      ? undefined
      : fromEnv(
          '--secret-env',
          flags.secretEnv,
          "The OAuth app's client secret",
          'set it, or leave out --secret-env.',
        );
  const connector = await loadOverlaid(path, flags.overlay);
  const result = await deployConnector(connector, {
    token,
    ...(flags.environment !== undefined && { environment: flags.environment }),
    ...(flags.connectorId !== undefined && { connectorId: flags.connectorId }),
    ...(clientSecret !== undefined && { clientSecret }),
    ...(flags.powerappsUrl !== undefined && { powerAppsUrl: flags.powerappsUrl }),
    ...(flags.apiVersion !== undefined && { apiVersion: flags.apiVersion }),
    keepStackOwner: flags.keepStackOwner,
    validate: flags.validate,
    onStep: (step) => io.stderr.write(`${step}…\n`),
  });
  if (flags.format === 'json') {
    if (result.action === 'created')
      rememberId(connector.sourceType === 'folder' ? connector.source : undefined, result, flags.settings);
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [
    `${result.action === 'created' ? 'Created' : 'Updated'} connector ${result.connectorId} in environment ${result.environment}${result.uploaded.length ? ` (uploaded ${result.uploaded.join(', ')})` : ''}.`,
  ];
  if (result.secretsSet.length) lines.push(`OAuth client secret set on ${result.secretsSet.join(', ')}.`);
  if (result.strippedStackOwner)
    lines.push(
      '`stackOwner` was left out of the request (the service refuses it); --keep-stack-owner sends it.',
    );
  if (result.action === 'created')
    lines.push(
      rememberId(connector.sourceType === 'folder' ? connector.source : undefined, result, flags.settings),
    );
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/**
 * `deploy --dry-run`: the connector (overlays applied) against the one deployed, nothing sent; exit 0
 * when a deploy would change nothing, 1 when they differ (drift, or changes not yet deployed).
 */
async function dryRun(path: string, flags: DeployFlags, token: string, io: Io): Promise<number> {
  const connector = await loadOverlaid(path, flags.overlay);
  const drift = await connectorDrift(connector, {
    token,
    ...(flags.environment !== undefined && { environment: flags.environment }),
    ...(flags.connectorId !== undefined && { connectorId: flags.connectorId }),
    ...(flags.powerappsUrl !== undefined && { powerAppsUrl: flags.powerappsUrl }),
    ...(flags.apiVersion !== undefined && { apiVersion: flags.apiVersion }),
    keepStackOwner: flags.keepStackOwner,
  });
  io.stdout.write(flags.format === 'json' ? `${JSON.stringify(drift, null, 2)}\n` : driftText(drift));
  return drift.differences.length === 0 ? EXIT.ok : EXIT.findings;
}

/** Writes the new connector's id and environment into the folder's settings.json, keeping its other keys. */
function rememberId(
  folder: string | undefined,
  result: { connectorId: string; environment: string },
  write: boolean,
): string {
  const again = `pass --connector-id ${result.connectorId} to update it`;
  if (!folder || !write) return `Next time, ${again}.`;
  const file = join(folder, 'settings.json');
  let settings: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      settings = parsed as Record<string, unknown>;
    } catch {
      return `${file} is not a JSON object, so it was left as it is: ${again}.`;
    }
  }
  settings.connectorId = result.connectorId;
  settings.environment = result.environment;
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
  return `Wrote connectorId and environment to ${file}: the next \`flowport deploy\` updates this connector.`;
}
