import { Command, Option } from 'commander';
import type { RemoteTriggerFlags } from '../actions/trigger-remote.ts';
import { collect } from '../collect.ts';
import { OVERLAY_HELP, refuseRemoteOverlay } from '../overlay-flag.ts';
import { addArgumentOptions, addConnectionOptions, addServerOptions, positiveInt } from './run.ts';
import type { Io } from './validate.ts';

export function triggerCommand(io: Io, setExit: (code: number) => void): Command {
  return addServerOptions(
    addConnectionOptions(
      addArgumentOptions(new Command('trigger'))
        .description(
          'The trigger lab: subscribe to a webhook trigger (or poll a polling trigger) and print its events until Ctrl-C.',
        )
        .argument('<connector>', 'connector folder, zip or swagger file')
        .argument('<operationId>', 'a webhook or polling trigger, or a callback action'),
    ).option(
      '--connection <id>',
      'subscribe in a running `flowport serve` with a connection stored there (<connector> is then its id there)',
    ),
  )
    .option(
      '--base-url <url>',
      'send to this scheme://host/basePath instead of the swagger host or the one a dynamichosturl policy builds (a staging server or a mock)',
    )
    .addOption(
      new Option('--interval <seconds>', 'polling recurrence (default 60)').argParser(
        positiveInt('--interval'),
      ),
    )
    .option('--overlay <file>', OVERLAY_HELP, collect, [])
    .option('--backfill', 'let the first poll fire with what is already there', false)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--callback-host <address>', 'address the callback listener binds to', '127.0.0.1')
    .option(
      '--public-url <url>',
      'scheme://host[:port] the backend reaches the listener at (a tunnel), when it cannot reach loopback',
    )
    .option(
      '--delivery-id-header <name>',
      "a callback header holding the sender's delivery id, used for idempotency keys",
    )
    .addOption(
      new Option('--callback-timeout <seconds>', 'how long a callback action waits (default 600)').argParser(
        positiveInt('--callback-timeout'),
      ),
    )
    .addOption(
      new Option('--timeout <seconds>', 'response timeout of each call (default 120)').argParser(
        positiveInt('--timeout'),
      ),
    )
    .addHelpText(
      'after',
      `
Webhook triggers: a listener on --callback-host (any free port) takes callbacks at
/hooks/<subscription>/<secret>; the subscription is deleted on Ctrl-C. Polling triggers are polled
at --interval, or as the backend's Retry-After says. Events go to stdout (one JSON line each with
--format json), what the lab does to stderr.

Exit codes: 0 stopped with Ctrl-C (subscription deleted), 1 the backend refused (subscribe,
unsubscribe, callback), 2 usage error.

Examples:
  flowport trigger ./brightdesk OnTicketCreated --base-url http://127.0.0.1:4100/api/v1 --conn-set api-key --conn api_key=$KEY
  flowport trigger ./brightdesk OnTicketChanged --interval 15 --format json --conn-file conn.json
  flowport trigger brightdesk OnTicketCreated --connection con_… --body '{"teamId":"support"}'   (through flowport serve)`,
    )
    .action(async (connector: string, operationId: string, flags: RemoteTriggerFlags) => {
      const { runTrigger } = await import('../actions/trigger.ts');
      const { runRemoteTrigger } = await import('../actions/trigger-remote.ts');
      refuseRemoteOverlay(flags);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const control = { signal: controller.signal };
        setExit(
          flags.connection !== undefined
            ? await runRemoteTrigger(connector, operationId, flags, io, control)
            : await runTrigger(connector, operationId, flags, io, control),
        );
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
