import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

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
