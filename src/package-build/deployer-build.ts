import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { FlowportError } from '../errors.ts';
import type { NamedBytes } from './submission.ts';

/** What running one command gave: its exit status (null when it could not start) and its output. */
export interface CommandResult {
  readonly status: number | null;
  readonly output: string;
}

/** Runs a command; injected so that tests can stand in for `pac` and `dotnet`. */
export type CommandRunner = (command: string, args: readonly string[], cwd: string) => CommandResult;

export interface DeployerBuild {
  /** Name of the Package Deployer project (letters, digits, `_`), and of its zip. */
  readonly name: string;
  /** Solution zips, in import order: the connector solution first. */
  readonly solutions: readonly string[];
  /** The `pac` and `dotnet` to run; default: found on `PATH`. */
  readonly pac?: string;
  readonly dotnet?: string;
  readonly run?: CommandRunner;
  /** Called before each command, with the command line, for a progress line. */
  readonly onStep?: (commandLine: string) => void;
}

/** The path of `command` on `PATH` (with Windows' extensions there), or undefined. */
export function findOnPath(command: string, path = process.env.PATH ?? ''): string | undefined {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const candidate = join(dir, command + ext);
      try {
        accessSync(candidate, constants.X_OK);
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

const spawnRunner: CommandRunner = (command, args, cwd) => {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    // `pac` and `dotnet` are .cmd shims on Windows, which only a shell starts.
    shell: process.platform === 'win32',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: r.error ? null : r.status,
    output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`,
  };
};

/**
 * Builds the Package Deployer zip (`<name>.pdpkg.zip`) from solution zips as Microsoft's
 * certification docs do, with the Power Platform CLI and the .NET SDK: `pac package init`,
 * `pac package add-solution` for each solution, `dotnet publish`, in a temporary folder removed
 * afterwards. Throws `PACKAGE_TOOLS_MISSING` when either tool is not installed and
 * `PACKAGE_BUILD_FAILED` (with the command and the end of its output) when a step fails.
 */
export function buildDeployer(options: DeployerBuild): NamedBytes {
  const pac = options.pac ?? findOnPath('pac');
  const dotnet = options.dotnet ?? findOnPath('dotnet');
  const missing = [pac ? '' : '`pac` (Power Platform CLI)', dotnet ? '' : '`dotnet` (the .NET SDK)'].filter(
    Boolean,
  );
  if (!pac || !dotnet)
    throw new FlowportError(
      'PACKAGE_TOOLS_MISSING',
      `Building the Package Deployer zip from solutions needs ${missing.join(' and ')}, not found on PATH. Install ${missing.length > 1 ? 'them' : 'it'} (https://aka.ms/PowerPlatformCLI, https://dot.net), or build the package elsewhere and pass it with --pdpkg.`,
    );
  const run = options.run ?? spawnRunner;
  const work = mkdtempSync(join(tmpdir(), 'flowport-pdpkg-'));
  try {
    const project = join(work, options.name);
    const step = (command: string, args: string[], cwd: string): void => {
      const line = [basename(command), ...args].join(' ');
      options.onStep?.(line);
      const result = run(command, args, cwd);
      if (result.status !== 0)
        throw new FlowportError(
          'PACKAGE_BUILD_FAILED',
          `\`${line}\` ${result.status === null ? 'could not start' : `exited with ${result.status}`}:\n${lastLines(result.output, 20)}`,
        );
    };
    step(pac, ['package', 'init', '--outputDirectory', project, '--package-name', options.name], work);
    // The project refers to each solution by path: copies in the work folder keep that path valid.
    for (const [i, solution] of options.solutions.entries()) {
      const folder = join(work, 'solutions', String(i + 1));
      mkdirSync(folder, { recursive: true });
      const copy = join(folder, basename(solution));
      copyFileSync(solution, copy);
      step(pac, ['package', 'add-solution', '--path', copy], project);
    }
    step(dotnet, ['publish', '--configuration', 'Release'], project);
    const built = findFiles(join(project, 'bin'), (f) => f.toLowerCase().endsWith('.pdpkg.zip'));
    if (built.length !== 1)
      throw new FlowportError(
        'PACKAGE_BUILD_FAILED',
        `\`dotnet publish\` succeeded but left ${built.length === 0 ? 'no' : built.length} \`.pdpkg.zip\` file${built.length === 1 ? '' : 's'} under ${options.name}/bin (${built.map((b) => basename(b)).join(', ') || 'none'}); build the package by hand and pass it with --pdpkg.`,
      );
    const file = built[0] as string;
    return { name: basename(file), bytes: readFileSync(file) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function findFiles(dir: string, wanted: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names.filter((n) => wanted(basename(n))).map((n) => join(dir, n));
}

function lastLines(text: string, n: number): string {
  const lines = text.trimEnd().split(/\r?\n/);
  return (lines.length > n ? ['…', ...lines.slice(-n)] : lines).map((l) => `  ${l}`).join('\n');
}
