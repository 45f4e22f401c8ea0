import { main } from './main.ts';

/** Output a CLI entry point wrote, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a CLI entry point (`main` by default, or `validateMain`) in this process with `argv`, its
 * standard output and error collected, for command tests.
 */
export async function runCli(
  argv: string[],
  entry: (
    argv: string[],
    io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } },
  ) => Promise<number> = main,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const code = await entry(argv, io);
  return { code, stdout, stderr };
}
