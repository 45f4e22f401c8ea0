import { Command } from 'commander';
import type { DownloadFlags } from '../actions/download.ts';
import { withPowerAppsOptions } from './powerapps-options.ts';
import type { Io } from './validate.ts';

export function downloadCommand(io: Io, setExit: (code: number) => void): Command {
  return withPowerAppsOptions(
    new Command('download')
      .description(
        'Write a custom connector of a Power Platform environment as a connector folder, as paconn download does.',
      )
      .argument('<connector-id>', 'the connector id (shared_…), as `flowport deploy` prints it')
      .requiredOption('-e, --environment <id>', 'environment id, a GUID or Default-<tenant id>')
      .option('-d, --dest <folder>', 'folder to write (default: ./<connector-id>)')
      .option('--force', 'write into a folder that is not empty, replacing the connector files', false),
  )
    .addHelpText(
      'after',
      `
Writes apiDefinition.swagger.json, apiProperties.json (what the service keeps of it: connection
parameters and sets, policy templates, brand colour, capabilities, script operations, publisher),
icon.png and script.csx when the connector has them, and settings.json, with which
\`flowport deploy <folder>\` updates the same connector.

Exit codes: 0 written, 2 usage error, a folder that is not empty, or a refusal of the service.`,
    )
    .action(async (connectorId: string, flags: DownloadFlags) => {
      const { runDownload } = await import('../actions/download.ts');
      setExit(await runDownload(connectorId, flags, io));
    });
}
