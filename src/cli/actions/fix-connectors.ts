/**
 * `validate --fix` and `validate --diff`: each connector's changes are made in memory, in passes
 * (`fixFiles`, validating again after each), then written to its files or shown as a unified diff.
 * Connectors in a zip are never changed.
 */
import { isAbsolute, relative } from 'node:path';
import { readSource, STANDARD_NAMES, utf8 } from '../../connector/files.ts';
import { sourcePath } from '../../connector/load.ts';
import type { ConnectorFile, ConnectorFileKind } from '../../connector/model.ts';
import { writeFixes } from '../../validate/fix.ts';
import { fixFiles } from '../../validate/fix-files.ts';
import { plural } from '../../validate/reporters/text.ts';
import { type Outcome, type RunOptions, runOne } from '../../validate/run-one.ts';

export interface FixRun {
  /** What was (or would be) done, for standard error. */
  readonly note: string;
  /** `--diff`: the changes as a unified diff, file after file (empty when there are none). */
  readonly diff: string;
  /** Files changed (or that would be). */
  readonly files: number;
}

/**
 * Makes the changes the findings of `outcomes` offer: `write` saves them and validates the changed
 * connectors again (their outcomes are replaced, so that the report shows what is left); `diff`
 * writes nothing and returns the changes as a unified diff, paths relative to `cwd`.
 */
export async function fixConnectors(
  outcomes: Outcome[],
  options: RunOptions,
  mode: 'write' | 'diff',
  cwd = process.cwd(),
): Promise<FixRun> {
  const { unifiedDiff } = await import('../../validate/fix-diff.ts');
  const patches: string[] = [];
  let files = 0;
  let fixed = 0;
  let inZips = 0;
  for (let i = 0; i < outcomes.length; i++) {
    const outcome = outcomes[i] as Outcome;
    const offered = outcome.result?.diagnostics.filter((d) => d.edit).length ?? 0;
    if (offered === 0) continue;
    const path = sourcePath(outcome.source);
    const read = readSource(path);
    if (read.type === 'zip') {
      inZips += offered;
      continue;
    }
    // Under their standard names, so that a swagger given as a file of any name is read as one.
    const present = (
      Object.entries(read.discovered.files) as [ConnectorFileKind, ConnectorFile | undefined][]
    )
      .filter((e): e is [ConnectorFileKind, ConnectorFile] => e[1] !== undefined)
      .map(([kind, file]) => ({ kind, file, name: STANDARD_NAMES[kind] }));
    const made = fixFiles(
      present.map(({ name, file }) => ({ name, bytes: file.bytes })),
      {
        source: path,
        ...(options.preset && { preset: options.preset }),
        ...(options.config && { config: options.config }),
        // The files were just read as the run read them: its findings are the first pass's.
        findings: outcome.result?.diagnostics ?? [],
      },
    );
    if (made.changed.length === 0) continue;
    const changes = made.changed.flatMap((name) => {
      const { file } = present.find((f) => f.name === name) ?? {};
      const after = made.files.find((f) => f.name === name);
      if (!file || !after) return [];
      return [{ file: file.path, before: utf8(file.bytes), after: utf8(after.bytes) }];
    });
    files += changes.length;
    fixed += made.fixed;
    if (mode === 'write') {
      writeFixes(changes);
      outcomes[i] = runOne(outcome.source, options);
    } else {
      for (const c of changes) {
        // Relative inside the working folder (as git writes it), else the whole path.
        const rel = relative(cwd, c.file);
        const name = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : c.file;
        patches.push(unifiedDiff(name, c.before, c.after));
      }
    }
  }
  const zipped =
    inZips > 0
      ? ` ${plural(inZips, 'finding')} --fix could fix ${inZips === 1 ? 'is' : 'are'} in files inside a zip: unzip the connector and run --fix on its folder.`
      : '';
  let note: string;
  if (fixed === 0 && mode === 'diff')
    note = `--fix would change nothing${inZips > 0 ? `:${zipped}` : ': no finding has a change it can make.'}`;
  else if (fixed === 0)
    note = inZips > 0 ? `nothing fixed:${zipped}` : 'nothing fixed: no finding has a change --fix can make.';
  else if (mode === 'write') note = `fixed ${plural(fixed, 'finding')} in ${plural(files, 'file')}.${zipped}`;
  else
    note = `--fix would fix ${plural(fixed, 'finding')} in ${plural(files, 'file')}; nothing was written.${zipped}`;
  return { note, diff: patches.join(''), files };
}
