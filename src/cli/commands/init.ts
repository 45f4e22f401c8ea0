import { Command, Option } from 'commander';
import { initConnector } from '../../convert/init.ts';
import type { SplitMode } from '../../convert/split.ts';
import { PRESETS, type PresetName } from '../../validate/rule.ts';
import { EXIT } from '../exit.ts';
import type { Io } from './validate.ts';

interface InitFlags {
  from?: string;
  update?: string | boolean;
  force: boolean;
  dryRun: boolean;
  publisher?: string;
  brandColor?: string;
  preset: PresetName | 'none';
  split: SplitMode;
  quiet: boolean;
  allowBreaking: boolean;
  host?: string;
}

export function initCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('init')
    .description(
      'Create a connector from an OpenAPI 3.0/3.1, Swagger 2.0 or Postman v2.0/v2.1 description, a HAR recording or curl commands, with a loss report.',
    )
    .argument('[dir]', 'connector folder to create', '.')
    .option(
      '--from <file>',
      'the API description (JSON or YAML; a file or an http(s) URL), a HAR recording, or a file of curl commands; - reads standard input',
    )
    .option(
      '--host <host>',
      'for a HAR or curl commands: the host whose calls become the connector (default: the one most calls went to)',
    )
    .option(
      '--update [file]',
      're-import a newer description into the connector, keeping your edits (3-way merge by operationId)',
    )
    .option(
      '--allow-breaking',
      'with --update: write the update even when it breaks flows built on the connector as it is',
      false,
    )
    .option('--force', 'overwrite an existing connector', false)
    .option('--dry-run', 'convert and report, write nothing', false)
    .option('--publisher <name>', 'publisher and stack owner (default: info.contact.name)')
    .option(
      '--brand-color <hex>',
      'icon and brand colour, #rrggbb (default: x-logo.backgroundColor, else one derived from the title)',
    )
    .addOption(
      new Option('--preset <preset>', 'rule set whose errors are listed as left for you')
        .choices([...PRESETS, 'none'])
        .default('certification'),
    )
    .addOption(
      new Option(
        '--split <mode>',
        'over one connector\'s limits (256 operations, 1 MB): "tag" writes one connector per group of tags into <dir>/<name>-<tag>/, "none" writes one connector anyway',
      )
        .choices(['tag', 'none'])
        .default('tag'),
    )
    .option('-q, --quiet', 'print only errors', false)
    .addHelpText(
      'after',
      `
Writes apiDefinition.swagger.json, apiProperties.json, readme.md, icon.png and conversion-report.md
(every construct not carried over exactly, with its JSON pointer and what was done instead).
A description over one connector's limits is split by tag into several connector folders inside
<dir> (each with its own files; the whole report stays in <dir>/conversion-report.md).

An --update is checked as \`flowport breaking\` checks a new version: when it would break flows built
on the connector as it is (an operation, parameter or output gone or changed), nothing is written and
the changes are listed; --allow-breaking writes it anyway.

Exit codes: 0 converted, 1 an update that breaks existing flows (nothing written), 2 usage error,
unreadable or unsupported input, or an existing connector without --force / --update.

Examples:
  flowport init my-connector --from openapi.yaml
  flowport init my-connector --from collection.postman.json --publisher "Contoso" --dry-run
  flowport init my-connector --update openapi-v2.yaml
  flowport init my-connector --from https://api.contoso.com/openapi.yaml
  flowport init my-connector --from session.har --host api.example.com
  pbpaste | flowport init my-connector --from -     (curl commands copied from DevTools)

A HAR (DevTools' Network tab: "Save all as HAR with content") or curl commands ("Copy as cURL (bash)")
give a connector of the calls made to one host: paths with ids become templates (/tasks/{taskId}),
the values sent become typed parameters, JSON bodies and answers schemas, and the credential most
calls sent the connection's authentication. Recorded values are never written (only their types).`,
    )
    .action(async (dir: string, flags: InitFlags) => {
      const from = typeof flags.update === 'string' ? flags.update : flags.from;
      if (!from) {
        io.stderr.write(
          'flowport: init needs the API description: --from <file> (or --update <file>). [USAGE]\n',
        );
        setExit(EXIT.usage);
        return;
      }
      const result = await initConnector({
        from,
        dir,
        force: flags.force,
        dryRun: flags.dryRun,
        update: flags.update !== undefined && flags.update !== false,
        ...(flags.publisher && { publisher: flags.publisher }),
        ...(flags.brandColor && { brandColor: flags.brandColor }),
        preset: flags.preset === 'none' ? false : flags.preset,
        split: flags.split,
        allowBreaking: flags.allowBreaking,
        ...(flags.host && { host: flags.host }),
      });
      if (!flags.quiet) {
        io.stdout.write(`${result.conversion.summary}\n`);
        const c = result.changes;
        if (c)
          io.stdout.write(
            `Update: ${c.added.length} added, ${c.removed.length} removed, ${c.changed.length} changed, your edits kept in ${c.keptEdits.length}.${[
              ...c.added.map((id) => `\n  + ${id}`),
              ...c.removed.map((id) => `\n  - ${id}`),
              ...c.changed.map((id) => `\n  ~ ${id}`),
            ].join('')}\n`,
          );
        const breaking = result.breaking;
        if (breaking && breaking.changes.length > 0)
          io.stdout.write(
            `Breaking: ${breaking.summary.error} change${breaking.summary.error === 1 ? '' : 's'} break${breaking.summary.error === 1 ? 's' : ''} flows built on the connector as it is, ${breaking.summary.warning} warning${breaking.summary.warning === 1 ? '' : 's'} (a ${breaking.update.kind} update for certification):${breaking.changes
              .map((ch) => `\n  ${ch.severity.padEnd(7)} ${ch.message} ${ch.path} — ${ch.detail}`)
              .join('')}\n`,
          );
      }
      if (result.refused) {
        io.stderr.write(
          `flowport: the update breaks flows built on ${dir} as it is; nothing written. Keep what flows use (see the fixes in docs/breaking-changes.md), or pass --allow-breaking to write it anyway.\n`,
        );
        setExit(EXIT.findings);
        return;
      }
      if (!flags.quiet) {
        io.stdout.write(
          flags.dryRun
            ? 'Dry run: nothing written.\n'
            : result.connectors.length > 1
              ? `Wrote ${result.connectors.length} connectors (${result.written.length} files) to ${dir}: ${result.connectors.join(', ')} (see ${dir}/conversion-report.md).\n`
              : `Wrote ${result.written.length} files to ${dir} (see conversion-report.md).\n`,
        );
      }
      setExit(EXIT.ok);
    });
}
