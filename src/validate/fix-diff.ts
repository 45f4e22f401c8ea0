import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { utf8 } from '../connector/files.ts';
import type { NamedFile } from './fix-files.ts';

/**
 * A file's change as a unified diff with git's `a/` and `b/` paths and three lines of context, as
 * `git apply` and `patch -p1` take it; empty when the texts are equal.
 */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
}

/** The changes between two sets of a connector's files, for the files named in `changed`. */
export function filesDiff(
  before: readonly NamedFile[],
  after: readonly NamedFile[],
  changed: readonly string[],
): string {
  const text = (list: readonly NamedFile[], name: string) =>
    utf8(list.find((f) => f.name === name)?.bytes ?? new Uint8Array());
  return changed.map((name) => unifiedDiff(name, text(before, name), text(after, name))).join('');
}
