import { writeFileSync } from 'node:fs';
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
  const output =
    flags.format === 'json'
      ? formatBreakingJson(results, VERSION)
      : flags.format === 'pipeline'
        ? formatBreakingPipeline(results)
        : flags.format === 'github'
          ? formatBreakingGithub(results)
          : formatBreakingText(results, flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR));
  if (flags.output) writeFileSync(flags.output, `${output}\n`);
  else if (output !== '') io.stdout.write(`${output}\n`);
  for (const note of notes) io.stderr.write(`flowport: ${note}\n`);
  if (flags.failOn === 'never') return EXIT.ok;
  const threshold = severityRank(flags.failOn);
  const failed = results.some((r) => r.changes.some((c) => severityRank(c.severity) <= threshold));
  return failed ? EXIT.findings : EXIT.ok;
}
