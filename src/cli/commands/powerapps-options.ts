import type { Command } from 'commander';

/**
 * The options of the commands that call the PowerApps API (deploy, download, environments): where
 * the access token comes from, and the API's URL and version (for deploy, settings.json's first).
 */
export function withPowerAppsOptions(command: Command, fromSettings = false): Command {
  const settings = (key: string) => (fromSettings ? `settings.json's ${key}, else ` : '');
  return command
    .option(
      '--token-env <variable>',
      'environment variable holding an access token for https://service.powerapps.com/; unset, the sign-in of `flowport login` is used',
      'FLOWPORT_POWERAPPS_TOKEN',
    )
    .option(
      '--powerapps-url <url>',
      `the PowerApps API (default: ${settings('powerAppsUrl')}https://api.powerapps.com)`,
    )
    .option(
      '--api-version <version>',
      `the API version (default: ${settings('powerAppsApiVersion')}2016-11-01)`,
    );
}
