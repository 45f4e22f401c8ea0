import { Command } from 'commander';
import type { ArmFlags } from '../actions/arm.ts';
import { collect } from '../collect.ts';
import type { Io } from './validate.ts';

export function armCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('arm')
    .description(
      'Write an ARM template that deploys the connector as a Logic Apps custom connector (Microsoft.Web/customApis), with what it cannot carry over.',
    )
    .argument('<connector>', 'connector folder, zip or swagger file')
    .option('-o, --output <file>', 'write the template to a file (default: standard output)')
    .option(
      '-p, --parameters-file <file>',
      'also write a deployment parameters file; an existing one keeps its values and gains the parameters it lacks',
    )
    .option(
      '--overlay <file>',
      "apply this environment's changes first (JSON Merge Patch of apiDefinition / apiProperties); repeat to stack",
      collect,
      [],
    )
    .option('--name <name>', 'default resource name of the custom connector (default: from info.title)')
    .option('--location <region>', "default region (default: the resource group's)")
    .option(
      '--icon-uri <url>',
      "public https URL of the connector's icon (a template cannot upload icon.png)",
    )
    .option('--service-url <url>', "default backend URL (default: the swagger's scheme, host and basePath)")
    .option('--parameter-set <name>', 'multi-auth connectors: the sign-in to deploy (default: the first)')
    .option(
      '--connection [name]',
      'also create an API connection using the connector (Microsoft.Web/connections)',
    )
    .option('--strict', 'exit with 1 when part of the connector is not carried over (a warning)', false)
    .option('-q, --quiet', 'print nothing but the template', false)
    .addHelpText(
      'after',
      `
The template deploys with \`az deployment group create\` or New-AzResourceGroupDeployment. The backend
URL, the region, OAuth client ids and secrets (and a Microsoft Entra tenant and resource) are
template parameters, so one template serves every environment; secure parameters never have
defaults. Logic Apps custom connectors do not run policy templates or custom code, and have one way
to sign in: what the template leaves out is listed as warnings (see docs/arm.md).

Exit codes: 0 written, 1 with --strict when part of the connector is not carried over, 2 usage error
or unreadable input.

Examples:
  flowport arm ./my-connector -o azuredeploy.json -p azuredeploy.parameters.json
  flowport arm ./my-connector --connection --icon-uri https://contoso.com/icon.png > azuredeploy.json
  flowport arm ./my-connector --parameter-set oauth --strict -o azuredeploy.json`,
    )
    .action(async (connector: string, flags: ArmFlags) => {
      const { runArm } = await import('../actions/arm.ts');
      setExit(await runArm(connector, flags, io));
    });
}
