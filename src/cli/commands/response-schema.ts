import { Command } from 'commander';
import type { ResponseSchemaFlags } from '../actions/response-schema.ts';
import { collect } from '../collect.ts';
import { addArgumentOptions, addConnectionOptions } from './run.ts';
import type { Io } from './validate.ts';

export function responseSchemaCommand(io: Io, setExit: (code: number) => void): Command {
  return addConnectionOptions(
    addArgumentOptions(new Command('response-schema'))
      .description(
        'Infer an operation\'s response schema from sample answers (files, or the operation called now), as the portal\'s "Import from sample" does, and write it into the swagger.',
      )
      .argument('<connector>', 'connector folder or swagger file')
      .argument('<operationId>', 'the operation (see `flowport operations`)'),
  )
    .option('--sample <file>', 'an answer saved as JSON; repeat to merge several', collect, [])
    .option('--status <code>', "the response to describe (default: the answer's status, else 200)")
    .option(
      '--base-url <url>',
      'call this scheme://host/basePath instead of the swagger host or the one a dynamichosturl policy builds',
    )
    .option('--all-pages', 'follow x-ms-pageable next links and merge the pages', false)
    .option('--write', 'put the schema in apiDefinition.swagger.json (formatting and comments kept)', false)
    .option('--force', 'with --write, replace a schema the response has already', false)
    .addHelpText(
      'after',
      `
Without --sample the operation is called, as \`flowport run\` calls it, and its answer is the sample.
Every item of every array and every sample is merged: a property seen once is declared, a value that
is sometimes null is x-nullable, formats are set only when every value agrees. Each property gets an
x-ms-summary in title case; descriptions are left to you. Values never reach the schema. The schema
is printed; notes on what the samples could not tell go to standard error.

Exit codes: 0 done, 2 usage error (unknown operation, unreadable sample, an answer that is not 2xx
JSON, a schema already there without --force).

Examples:
  flowport response-schema ./tasklane ListTasks -p projectId=42 --conn api_key=$KEY --write
  flowport response-schema ./tasklane GetTask --sample task.json --sample task-done.json
  flowport response-schema ./tasklane ListProjects --base-url http://127.0.0.1:4010 --write --force`,
    )
    .action(async (connector: string, operationId: string, flags: ResponseSchemaFlags) => {
      const { runResponseSchema } = await import('../actions/response-schema.ts');
      setExit(await runResponseSchema(connector, operationId, flags, io));
    });
}
