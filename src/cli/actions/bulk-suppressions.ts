import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { FlowportError } from '../../errors.ts';
import { type FlowportConfig, namesRule } from '../../validate/config.ts';
import type { ValidationResult } from '../../validate/engine.ts';
import { plural } from '../../validate/reporters/text.ts';
import {
  applySuppressions,
  pruneSuppressions,
  readSuppressions,
  SUPPRESSIONS_FILE,
  suppressFindings,
  suppressionTotal,
  writeSuppressions,
} from '../../validate/suppressions.ts';
import type { ValidateFlags } from './validate.ts';

/**
 * Bulk suppressions for the CLI: records findings (`--suppress-all`, `--suppress-rule`), leaves out
 * the recorded ones, prunes those fixed since (`--prune-suppressions`). Suppressions that no longer
 * occur fail the run unless `--pass-on-unpruned-suppressions`, so that the file only ever shrinks.
 */
export function suppress(
  validated: readonly ValidationResult[],
  flags: Pick<
    ValidateFlags,
    | 'suppressionsLocation'
    | 'suppressAll'
    | 'suppressRule'
    | 'pruneSuppressions'
    | 'passOnUnprunedSuppressions'
    | 'failOn'
  >,
  config?: FlowportConfig,
): { results: readonly ValidationResult[]; notes: string[]; unpruned: boolean } {
  const file = resolve(flags.suppressionsLocation ?? SUPPRESSIONS_FILE);
  const shown = relative(process.cwd(), file) || file;
  const writing = flags.suppressAll === true || (flags.suppressRule?.length ?? 0) > 0;
  if (!writing && !flags.pruneSuppressions && !existsSync(file)) {
    if (flags.suppressionsLocation)
      throw new FlowportError(
        'CONFIG_INVALID',
        `${shown}: the suppressions file does not exist; create it with \`--suppress-all\`.`,
      );
    return { results: validated, notes: [], unpruned: false };
  }
  for (const id of flags.suppressRule ?? [])
    if (!namesRule(config, id))
      throw new FlowportError('USAGE', `\`--suppress-rule ${id}\` names no rule; see docs/rules/README.md.`);
  let suppressions = readSuppressions(file, (id) => namesRule(config, id));
  const notes: string[] = [];
  if (writing) {
    const before = suppressionTotal(suppressions);
    suppressions = suppressFindings(validated, suppressions, {
      threshold: flags.failOn === 'never' ? 'error' : flags.failOn,
      ...(flags.suppressRule?.length && { rules: flags.suppressRule }),
    });
    writeSuppressions(suppressions);
    notes.push(`${shown}: ${suppressionTotal(suppressions)} findings suppressed (${before} before).`);
  }
  const applied = applySuppressions(validated, suppressions);
  let unused = applied.unused;
  if (flags.pruneSuppressions) {
    if (unused.length > 0) {
      suppressions = pruneSuppressions(suppressions, unused);
      writeSuppressions(suppressions);
    }
    notes.push(`${shown}: ${plural(unused.length, 'suppression')} pruned.`);
    unused = [];
  }
  if (applied.suppressed > 0) notes.push(`${applied.suppressed} findings suppressed by ${shown}.`);
  for (const u of unused.slice(0, 10))
    notes.push(
      `${shown}: ${u.connector} → ${u.ruleId} allows ${u.count}, ${u.found} left: fixed ones no longer need suppressing.`,
    );
  if (unused.length > 10) notes.push(`…and ${unused.length - 10} more suppressions that no longer occur.`);
  if (unused.length > 0)
    notes.push(
      flags.passOnUnprunedSuppressions
        ? 'run again with --prune-suppressions to record the fixes.'
        : 'run again with --prune-suppressions to record the fixes (or pass --pass-on-unpruned-suppressions).',
    );
  return {
    results: applied.results,
    notes,
    unpruned: unused.length > 0 && flags.passOnUnprunedSuppressions !== true,
  };
}
