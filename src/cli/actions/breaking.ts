import { writeFileSync } from 'node:fs';
import { acceptAll, applyAccepted, readAccepted } from '../../breaking/accepted.ts';
import type { BreakingResult } from '../../breaking/change.ts';
import { compareConnectors } from '../../breaking/compare.ts';
import { connectorAtRevision } from '../../breaking/git-version.ts';
import {
  formatBreakingGithub,
  formatBreakingJson,
  formatBreakingPipeline,
  formatBreakingText,
} from '../../breaking/report.ts';
import { discoverConnectors } from '../../connector/discover.ts';
import { loadConnectorSync } from '../../connector/load.ts';
import { FlowportError } from '../../errors.ts';
import { severityRank } from '../../validate/diagnostic.ts';
import { plural } from '../../validate/reporters/text.ts';
import type { Severity } from '../../validate/rule.ts';
import { VERSION } from '../../version.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';

export interface BreakingFlags {
  base?: string;
  format: 'text' | 'json' | 'pipeline' | 'github';
  failOn: Severity | 'never';
  output?: string;
  color?: boolean;
  /** A file of accepted changes. */
  accept?: string;
  /** Add every change not accepted yet to the `--accept` file, with this reason. */
  acceptAll?: string;
}

/** Runs `flowport breaking`; returns the exit code. */
export async function runBreaking(paths: string[], flags: BreakingFlags, io: Io): Promise<number> {
  const results: BreakingResult[] = [];
  const notes: string[] = [];
  if (flags.base === undefined) {
    if (paths.length !== 2)
      throw new FlowportError(
        'USAGE',
        'Give the old and the new version (`flowport breaking old/ new/`), or one or more connectors and `--base <git revision>` to compare with.',
      );
    const [before, after] = paths as [string, string];
    results.push(compareConnectors(loadConnectorSync(before), loadConnectorSync(after)));
  } else {
    for (const source of paths.flatMap((p) => discoverConnectors(p))) {
      const before = connectorAtRevision(source, flags.base);
      if (!before) {
        notes.push(`${source} is not in ${flags.base}: a new connector has nothing to break.`);
        continue;
      }
      results.push(compareConnectors(before, loadConnectorSync(source)));
    }
  }
  if (flags.acceptAll !== undefined && flags.accept === undefined)
    throw new FlowportError(
      'USAGE',
      '`--accept-all` writes to the file of accepted changes: give it with `--accept <file>`.',
    );
  if (flags.acceptAll !== undefined && flags.acceptAll.trim() === '')
    throw new FlowportError('USAGE', '`--accept-all` needs a reason: `--accept-all "Not published yet"`.');
  let accepted =
    flags.accept === undefined ? undefined : readAccepted(flags.accept, flags.acceptAll !== undefined);
  let judged = applyAccepted(results, accepted);
  if (accepted && flags.acceptAll !== undefined) {
    const added = acceptAll(accepted, judged, flags.acceptAll);
    notes.push(
      added === 0
        ? `nothing to add to ${accepted.file}: every change is accepted already.`
        : `${plural(added, 'change')} added to ${accepted.file} as accepted.`,
    );
    accepted = readAccepted(accepted.file);
    judged = applyAccepted(results, accepted);
  }
  for (const e of judged.unused)
    notes.push(
      `${accepted?.file}: no change matches the accepted ${e.kind} ${e.path}${e.connector ? ` (${e.connector})` : ''}; remove it if it was fixed.`,
    );
  const output =
    flags.format === 'json'
      ? formatBreakingJson(judged.results, VERSION, judged.unused)
      : flags.format === 'pipeline'
        ? formatBreakingPipeline(judged.results)
        : flags.format === 'github'
          ? formatBreakingGithub(judged.results)
          : formatBreakingText(
              judged.results,
              flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR),
            );
  if (flags.output) writeFileSync(flags.output, `${output}\n`);
  else if (output !== '') io.stdout.write(`${output}\n`);
  for (const note of notes) io.stderr.write(`flowport: ${note}\n`);
  if (flags.failOn === 'never') return EXIT.ok;
  const threshold = severityRank(flags.failOn);
  const failed = judged.results.some((r) =>
    r.changes.some((c) => c.accepted === undefined && severityRank(c.severity) <= threshold),
  );
  return failed ? EXIT.findings : EXIT.ok;
}
