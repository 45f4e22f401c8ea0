import { Command, InvalidArgumentError, Option } from 'commander';
import type { SmokeFlags } from '../actions/smoke.ts';
import { collect } from '../collect.ts';
import { OVERLAY_HELP } from '../overlay-flag.ts';
import { addConnectionOptions } from './run.ts';
import type { Io } from './validate.ts';

export function smokeCommand(io: Io, setExit: (code: number) => void): Command {
  return addConnectionOptions(
    new Command('smoke')
      .description('Call every action with example arguments and print one row per operation.')
      .argument('<connector>', 'connector folder, zip or swagger file'),
  )
    .option(
      '--base-url <url>',
      'send to this scheme://host/basePath instead of the swagger host or the one a dynamichosturl policy builds (a staging server or a mock)',
    )
    .option(
      '--mock',
      "call a mock of the connector's own swagger (flowport mock) instead of the API: every request checked against its operation, placeholders for connection values not given",
      false,
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--overlay <file>', OVERLAY_HELP, collect, [])
    .option('--include-triggers', 'also call polling triggers', false)
    .option('--only <operationIds...>', 'call only these operations')
    .addOption(
      new Option('--concurrency <n>', 'calls in flight at once').default(4).argParser((v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1)
          throw new InvalidArgumentError('expected a whole number, 1 or more.');
        return n;
      }),
    )
    .option('--strict-schema', 'exit 1 also when an answer differs from its declared response schema', false)
    .option(
      '--write-schemas',
      'write the schema inferred from its answer into each response that declares none (as `flowport response-schema --write`)',
      false,
    )
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Example arguments come from x-ms-test-value, default, enum, example, or a value valid for the type.
Operations marked x-ms-no-generic-test and webhook triggers are skipped. Each answer is compared
with the response schema the operation declares (types, nulls, required and undeclared properties,
enums): the schema column and the list after the table say where they differ. --write-schemas fills
the responses that declare no schema with the one inferred from their answer (formatting kept).

With --mock no API is called: a mock of the connector's own swagger answers (as \`flowport mock\`),
checking each request flowport builds against the operation it calls; a refusal means the swagger
and what is built from it disagree (a required value nothing fills, a body unlike its own schema).

Exit codes: 0 every operation called answered 2xx (and, with --strict-schema, as its schema says),
1 some did not, 2 usage error.

Examples:
  flowport smoke ./tasklane --base-url http://127.0.0.1:4010 --conn api_key=test
  flowport smoke ./tasklane --format json
  flowport smoke ./tasklane --mock          (no API, no account: the swagger against itself)`,
    )
    .action(async (connector: string, flags: SmokeFlags) => {
      const { runSmoke } = await import('../actions/smoke.ts');
      setExit(await runSmoke(connector, flags, io));
    });
}
