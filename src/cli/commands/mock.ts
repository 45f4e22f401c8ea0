import { Command, Option } from 'commander';
import type { MockFlags } from '../actions/mock.ts';
import { collect } from '../collect.ts';
import { portNumber } from '../listen.ts';
import { OVERLAY_HELP } from '../overlay-flag.ts';
import { positiveInt } from './run.ts';
import type { Io } from './validate.ts';

export function mockCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('mock')
    .description(
      "Serve a mock of the connector's API from its swagger: requests checked, answers made from examples and schemas, triggers fired on demand.",
    )
    .argument('<connector>', 'connector folder, zip or swagger file')
    .addOption(
      new Option('-p, --port <port>', 'port to listen on (0: any free one)')
        .default(4010)
        .argParser(portNumber),
    )
    .option('--overlay <file>', OVERLAY_HELP, collect, [])
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addOption(
      new Option('--items <n>', 'items in each array of an answer')
        .default(3)
        .argParser(positiveInt('--items')),
    )
    .addOption(
      new Option('--pages <n>', 'pages of an x-ms-pageable operation (each but the last has a next link)')
        .default(2)
        .argParser(positiveInt('--pages')),
    )
    .addOption(
      new Option('--fire-every <seconds>', 'fire one event of every trigger this often').argParser(
        positiveInt('--fire-every'),
      ),
    )
    .addOption(
      new Option('--retry-after <seconds>', 'Retry-After of a poll with no new events')
        .default(5)
        .argParser(positiveInt('--retry-after')),
    )
    .option(
      '--proxy <url>',
      'forward every request to the API at this base URL and check requests and answers against the swagger (a validation proxy)',
    )
    .addOption(
      new Option('--latency <ms>', 'wait this long before each answer').argParser(positiveInt('--latency')),
    )
    .addOption(
      new Option(
        '--fail-every <n>',
        'answer every n-th valid request with --fail-status and Retry-After: 1',
      ).argParser(positiveInt('--fail-every')),
    )
    .addOption(
      new Option('--fail-status <code>', 'status of those faults')
        .choices(['429', '500', '502', '503', '504'])
        .default('503'),
    )
    .option(
      '--stateful',
      'remember what is created: read, list, change and delete it afterwards (starts empty)',
      false,
    )
    .option('--record <dir>', "with --proxy: keep the API's answers in this folder, one file per operation")
    .option('--replay <dir>', 'answer actions with the answers recorded in this folder, where one was')
    .option('--no-auth', 'do not ask for the credentials securityDefinitions declares')
    .option('--no-validate', 'answer requests whatever their parameters and body')
    .addOption(new Option('-f, --format <format>', 'log format').choices(['text', 'json']).default('text'))
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Each request is routed to the operation its method and path name (below the swagger's basePath),
checked — the credentials securityDefinitions asks for (API key, basic, bearer), required
parameters, types and enums of path, query and header values, a JSON body against its schema — and
answered 400 or 401 with every problem named, or with the operation's first 2xx response: its JSON
example when it has one, else a body made from its schema with every property (x-ms-test-value,
default, enum, example, else a value of the type and format) and --items items per array.

Connector-aware: an operation that fills a drop-down (x-ms-dynamic-values, x-ms-dynamic-list) answers
distinct entries at its value and title paths; one that gives a dynamic schema answers a sample
schema; an x-ms-pageable operation gives --pages pages linked by absolute next links; an action
declaring 202 answers it with a Location whose poll gives its final answer. A webhook
trigger's subscription is answered 201 with a Location to DELETE, and its events are POSTed to the
callback URL in the subscription; a polling trigger answers 202 (Location, Retry-After) until events
are fired, then 200 with them.

  Prefer: code=404        answer this declared response instead (as Prism)
  Prefer: dynamic=true    make the body from the schema even where an example exists
  POST /_mock/fire[/{operationId}][?count=N]   fire trigger events
  GET  /_mock/requests | /_mock/subscriptions  what the mock received and holds

With --proxy the mock answers nothing itself: each request goes on to the real API and its answer
comes back unchanged, and the log says where the request or the answer differs from the swagger
(parameters, body, response schema): the swagger checked against the API by using it. --record keeps
each answer (credentials the request carried masked in it); --replay answers with them later,
the same method, path and query first.

Requests are logged to stdout (one JSON line each with --format json). Ctrl-C stops the mock.

Exit codes: 0 stopped, 2 usage error, unreadable connector or port in use.

Examples:
  flowport mock ./tasklane
  flowport smoke ./tasklane --base-url http://127.0.0.1:4010/v1 --conn api_key=test
  flowport trigger ./tasklane OnTaskCreated --base-url http://127.0.0.1:4010/v1 --conn api_key=test
  curl -X POST http://127.0.0.1:4010/_mock/fire/OnTaskCreated
  flowport mock ./tasklane --proxy https://api.tasklane.io/v1   (then point a flow or flowport run at it)
  flowport mock ./tasklane --proxy https://api.tasklane.io/v1 --record recordings/
  flowport mock ./tasklane --replay recordings/                 (the real answers, offline)`,
    )
    .action(async (connector: string, flags: MockFlags) => {
      const { runMock } = await import('../actions/mock.ts');
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        setExit(await runMock(connector, flags, io, controller.signal));
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
