import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connectorAtRevision } from '../../breaking/git-version.ts';
import { loadConnectorSync } from '../../connector/load.ts';
import type { Connector } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import { prBody } from '../../pr/body.ts';
import type { SubmissionKind } from '../../pr/checklist.ts';
import { folderName, KIND_FOLDERS, type PrReport, prReport } from '../../pr/report.ts';
import { parseSmokeRows } from '../../pr/smoke-evidence.ts';
import { loadConfig } from '../../validate/config.ts';
import { plural } from '../../validate/reporters/text.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { readText } from '../invoke-flags.ts';

export interface PrFlags {
  kind?: SubmissionKind;
  name?: string;
  repo?: string;
  base?: string;
  output?: string;
  failOn: 'error' | 'warning' | 'never';
  force: boolean;
  format: 'markdown' | 'json';
  /** The output of `flowport smoke --format json`, as evidence that every operation was tested. */
  smoke?: string;
}

export async function runPr(source: string, flags: PrFlags, io: Io): Promise<number> {
  const connector = loadConnectorSync(source);
  const kind = flags.kind ?? submissionKind(connector);
  const name = flags.name ?? folderName(connector);
  const target = flags.repo && resolve(flags.repo, KIND_FOLDERS[kind], name);
  const base = baseOf(source, flags, target);
  const report = prReport(connector, {
    kind,
    name,
    config: loadConfig({}),
    ...(base && { base }),
    ...(flags.smoke !== undefined && { smoke: smokeRows(flags.smoke) }),
  });
  const failing = failures(report, flags.failOn);
  const text = flags.format === 'json' ? `${JSON.stringify(jsonOf(report), null, 2)}\n` : prBody(report);
  if (flags.output) writeFileSync(flags.output, text);
  else io.stdout.write(text);
  const say = (line: string) => (flags.output ? io.stdout : io.stderr).write(`${line}\n`);
  say(`Title: ${report.title}`);
  if (flags.output) say(`Wrote the description to ${flags.output}.`);
  if (target) {
    if (failing > 0 && !flags.force)
      say(
        `Wrote nothing into ${flags.repo}: ${plural(failing, 'finding')} at --fail-on ${flags.failOn} (--force writes anyway).`,
      );
    else say(writeFolder(target, report));
  }
  if (report.leftOut.length > 0)
    say(`Not for the repository: ${report.leftOut.join(', ')} (the icon goes in the certification package).`);
  return failing > 0 ? EXIT.findings : EXIT.ok;
}

function smokeRows(file: string) {
  const text = readText('--smoke', file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new FlowportError(
      'USAGE',
      `${file} is not JSON; give the output of \`flowport smoke <connector> --format json\` to --smoke.`,
      { cause },
    );
  }
  return parseSmokeRows(value, file);
}

/** The kind a connector's folder says (`certified-connectors/…`); otherwise `--kind` is needed. */
function submissionKind(connector: Connector): SubmissionKind {
  if (connector.kind === 'certified' || connector.kind === 'independent-publisher') return connector.kind;
  throw new FlowportError(
    'USAGE',
    'Say which submission this is: `--kind certified` (you own the service) or `--kind independent-publisher`.',
  );
}

/** The version to compare with: `--base` (a folder, else a git revision), else the one in `--repo`. */
function baseOf(
  source: string,
  flags: PrFlags,
  target: string | undefined,
): { connector: Connector; label: string } | undefined {
  if (flags.base !== undefined) {
    if (existsSync(flags.base)) return { connector: loadConnectorSync(flags.base), label: flags.base };
    const connector = connectorAtRevision(source, flags.base);
    if (!connector)
      throw new FlowportError(
        'USAGE',
        `\`--base ${flags.base}\` is neither a connector folder nor a git revision holding ${source}.`,
      );
    return { connector, label: `\`${flags.base}\`` };
  }
  if (target && existsSync(join(target, 'apiDefinition.swagger.json')))
    return { connector: loadConnectorSync(target), label: 'the version in the repository' };
  return undefined;
}

function failures(report: PrReport, failOn: PrFlags['failOn']): number {
  if (failOn === 'never') return 0;
  const { error, warning } = report.validation.summary;
  const breaking = report.breaking?.result.summary;
  return error + (breaking?.error ?? 0) + (failOn === 'warning' ? warning + (breaking?.warning ?? 0) : 0);
}

/** Writes the repository's files of the connector; says which changed. */
function writeFolder(target: string, report: PrReport): string {
  mkdirSync(target, { recursive: true });
  const states = report.files.map((file) => {
    const path = join(target, file.name);
    const before = existsSync(path) ? readFileSync(path) : undefined;
    if (before && Buffer.compare(before, Buffer.from(file.bytes)) === 0) return `${file.name} (unchanged)`;
    writeFileSync(path, file.bytes);
    return `${file.name} (${before ? 'changed' : 'new'})`;
  });
  return `Wrote ${target}: ${states.join(', ')}.`;
}

function jsonOf(report: PrReport) {
  return {
    kind: report.kind,
    title: report.title,
    folder: report.folder,
    files: report.files.map((f) => f.name),
    validation: { preset: report.validation.preset, summary: report.validation.summary },
    ...(report.smoke && { smoke: report.smoke }),
    checklist: report.checklist.map((c) => ({
      id: c.item.id,
      text: c.item.text,
      state: c.state,
      errors: c.errors.map((d) => ({ ruleId: d.ruleId, message: d.message, line: d.line, column: d.column })),
      notes: c.notes,
      warnings: c.warnings.length,
    })),
    ...(report.breaking && {
      breaking: {
        against: report.breaking.against,
        update: report.breaking.result.update.kind,
        summary: report.breaking.result.summary,
        changes: report.breaking.result.changes.map((c) => ({
          kind: c.kind,
          path: c.path,
          severity: c.severity,
        })),
      },
    }),
    body: prBody(report),
  };
}
