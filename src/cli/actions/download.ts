import { downloadConnector } from '../../deploy/download.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { accessToken } from './deploy.ts';

export interface DownloadFlags {
  environment: string;
  dest?: string;
  force: boolean;
  tokenEnv: string;
  powerappsUrl?: string;
  apiVersion?: string;
}

/** `flowport download`: a custom connector of an environment, as a connector folder. */
export async function runDownload(connectorId: string, flags: DownloadFlags, io: Io): Promise<number> {
  const result = await downloadConnector({
    token: await accessToken(flags.tokenEnv),
    environment: flags.environment,
    connectorId,
    ...(flags.dest !== undefined && { dest: flags.dest }),
    force: flags.force,
    ...(flags.powerappsUrl !== undefined && { powerAppsUrl: flags.powerappsUrl }),
    ...(flags.apiVersion !== undefined && { apiVersion: flags.apiVersion }),
  });
  io.stdout.write(
    `Wrote ${result.files.join(', ')} to ${result.dir}. \`flowport validate ${result.dir}\` checks it; \`flowport deploy ${result.dir}\` updates the connector.\n`,
  );
  return EXIT.ok;
}
