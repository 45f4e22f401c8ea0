import { Command, InvalidArgumentError, Option } from 'commander';
import type { RunFlags } from '../actions/run.ts';
import { collect } from '../collect.ts';
import { OVERLAY_HELP } from '../overlay-flag.ts';
import type { Io } from './validate.ts';

export function positiveInt(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidArgumentError(`${flag} expects a whole number, 1 or more.`);
    return n;
  };
}

export function runCommand(io: Io, setExit: (code: number) => void): Command {
  return addServerOptions(
    addConnectionOptions(
      addArgumentOptions(new Command('run'))
        .description('Call one operation of a connector and print the request sent and the response.')
        .argument('<connector>', 'connector folder, zip or swagger file')
        .argument('<operationId>', 'the operation to call (see `flowport operations`)'),
    ).option(
      '--connection <id>',
      'use a connection stored in a running `flowport serve` (<connector> is then its id there)',
    ),
  )
    .option(
      '--base-url <url>',
      'send to this scheme://host/basePath instead of the swagger host or the one a dynamichosturl policy builds (a staging server or a mock)',
    )
    .option('--overlay <file>', OVERLAY_HELP, collect, [])
    .option('--all-pages', 'follow x-ms-pageable next links and merge the pages', false)
    .addOption(
      new Option('--max-pages <n>', 'page cap with --all-pages (default 100)').argParser(
        positiveInt('--max-pages'),
      ),
    )
    .addOption(
      new Option('--timeout <seconds>', 'response timeout (default 120)').argParser(positiveInt('--timeout')),
    )
    .option('--no-async', "return an action's 202 Accepted as it is instead of polling its Location")
    .addOption(
      new Option(
        '--async-timeout <seconds>',
        'longest wait for an asynchronous action (202 + Location) to finish (default 300)',
      ).argParser(positiveInt('--async-timeout')),
    )
    .addOption(
      new Option(
        '--retries <n>',
        'retries on 408, 429, 5xx and connection failures (default 4, as the platform)',
      ).argParser((v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0)
          throw new InvalidArgumentError('--retries expects a whole number, 0 or more.');
        return n;
      }),
    )
    .option('-o, --output <file>', 'save the response body to a file')
    .option('--strict-schema', 'exit 1 also when the answer differs from its declared response schema', false)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option(
      '--verbose',
      'show each step: the request as built, auth, every policy applied, custom code',
      false,
    )
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
The answer is compared with the response schema the operation declares for its status: where its
types, nulls, required or undeclared properties or enums differ, flows and apps built from the
schema misread it (the Schema block, or \`schema\` in JSON; values are never quoted).

Exit codes: 0 the backend answered 2xx (and, with --strict-schema, as its schema says), 1 it did
not (or the call failed: timeout, unreachable…), 2 usage error (unknown operation, missing
parameter, bad connection value).

Examples:
  flowport run ./tasklane ListTasks -p projectId=42 --conn api_key=$KEY
  flowport run ./tasklane CreateTask -p projectId=42 --body '{"title":"Write docs"}' --conn-file conn.json
  flowport run ./tasklane ListProjects --base-url http://127.0.0.1:4010 --all-pages`,
    )
    .action(async (connector: string, operationId: string, flags: RunFlags) => {
      const { runRun } = await import('../actions/run.ts');
      setExit(await runRun(connector, operationId, flags, io));
    });
}

/** `--param` and `--body`: the operation's arguments (`run`, `trigger`). */
export function addArgumentOptions(command: Command): Command {
  return command
    .option(
      '-p, --param <name=value>',
      'a parameter value; repeat for each (`@file` reads a file)',
      collect,
      [],
    )
    .option('--body <json>', 'the body parameter as JSON, or `@file.json`');
}

/** `--server`, `--home`, `--api-token`: how `--connection` reaches a running server (`run`, `trigger`). */
export function addServerOptions(command: Command): Command {
  return command
    .option('--server <url>', 'the server for --connection (default $FLOWPORT_URL or http://127.0.0.1:4321)')
    .option(
      '--home <dir>',
      'home folder holding admin.token, for --connection (default $FLOWPORT_HOME or ~/.flowport)',
    )
    .option(
      '--api-token <token>',
      "API token for --connection (default $FLOWPORT_API_TOKEN or the home folder's admin.token)",
    );
}

/** `--conn`, `--conn-file`, `--conn-set`, `--token`, shared by `run` and `smoke`. */
export function addConnectionOptions(command: Command): Command {
  return command
    .option('--conn <name=value>', 'a connection parameter value; repeat for each', collect, [])
    .option('--conn-file <file>', 'connection parameters as JSON: { "values": {…}, "parameterSet": "…" }')
    .option('--conn-set <name>', 'the connection parameter set (multi-auth connectors)')
    .option('--token <token>', 'an OAuth 2 access token for OAuth connections (default: $FLOWPORT_TOKEN)');
}
