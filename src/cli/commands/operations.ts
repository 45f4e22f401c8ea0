import { Command, Option } from 'commander';
import type { OperationsFlags } from '../actions/operations.ts';
import { collect } from '../collect.ts';
import { OVERLAY_HELP } from '../overlay-flag.ts';
import type { Io } from './validate.ts';

export function operationsCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('operations')
    .description("List a connector's operations and connection parameters as a user sees them.")
    .argument('<connector>', 'connector folder, zip or swagger file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--overlay <file>', OVERLAY_HELP, collect, [])
    .option('-a, --all', 'include internal and deprecated operations and parameters', false)
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .action(async (connector: string, flags: OperationsFlags) => {
      const { runOperations } = await import('../actions/operations.ts');
      setExit(await runOperations(connector, flags, io));
    });
}
