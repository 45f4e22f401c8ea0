import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { RawFile } from '../connector/files.ts';
import { connectorFromFiles } from '../connector/load.ts';
import type { Connector } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';

/** Bytes of a git command's output; the error names the command's complaint, not a stack. */
function git(cwd: string, args: string[]): Buffer {
  try {
    return execFileSync('git', ['-C', cwd, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (cause) {
    const stderr = String((cause as { stderr?: Buffer }).stderr ?? '').trim();
    const missing = (cause as { code?: string }).code === 'ENOENT';
    throw new FlowportError(
      'GIT_FAILED',
      missing
        ? 'git is not installed or not on the PATH; install it, or give the old version as a folder instead of --base.'
        : `git ${args.join(' ')} failed in \`${cwd}\`: ${stderr.split('\n')[0] || 'no message'}.`,
      { cause },
    );
  }
}

/**
 * The connector at `path` as it was at git revision `ref` (a branch, tag or commit: `origin/dev`,
 * `HEAD~1`), read with `git show` without touching the working tree; undefined when the path did not
 * exist then (a new connector has nothing to break). `path` is a connector folder or a swagger file
 * inside a git working tree.
 */
export function connectorAtRevision(path: string, ref: string): Connector | undefined {
  // Passed to git as an argument: a leading dash would read as one of its options.
  if (ref === '' || ref.startsWith('-'))
    throw new FlowportError(
      'USAGE',
      `\`${ref}\` is not a git revision; give a branch, tag or commit such as \`origin/dev\`.`,
    );
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch (cause) {
    throw new FlowportError('CONNECTOR_NOT_FOUND', `\`${path}\` does not exist; check the path.`, { cause });
  }
  const cwd = folder ? path : dirname(path);
  git(cwd, ['rev-parse', '--show-toplevel']); // not in a working tree: git says so
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch (cause) {
    throw new FlowportError(
      'GIT_FAILED',
      `Revision \`${ref}\` is unknown in the repository of \`${cwd}\`; fetch it (\`git fetch origin dev\`) or check its name.`,
      { cause },
    );
  }
  const names = folder
    ? git(cwd, ['ls-tree', '--name-only', ref, '--', '.'])
        .toString('utf8')
        .split('\n')
        .filter((n) => n !== '' && !n.includes('/'))
    : git(cwd, ['ls-tree', '--name-only', ref, '--', basename(path)])
        .toString('utf8')
        .split('\n')
        .filter((n) => n !== '');
  if (names.length === 0) return undefined;
  const files: RawFile[] = names.map((name) => ({ name, bytes: git(cwd, ['show', `${ref}:./${name}`]) }));
  const source = `${path}@${ref}`;
  if (folder) return connectorFromFiles(files, { source });
  const only = files[0] as RawFile;
  // A single file is the swagger, whatever its name.
  return connectorFromFiles([{ name: 'apiDefinition.swagger.json', bytes: only.bytes }], { source });
}
