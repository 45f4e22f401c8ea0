/**
 * Times fresh processes for `bench/validate.bench.ts`, from a process of its own: one that has
 * validated the corpus in process spawns slower (a `node -e 0` took 34 ms from the benchmark's
 * process against 23 ms from a fresh one, 30 November, while a validate run took about as long from
 * either), which made the ratio to `node -e 0` look better than it is.
 *
 * Usage: node bench/process-times.ts <runs> <argv as JSON>… — prints the times of each argv as JSON
 * (`number[][]`), the argvs run in turn, after one warm-up run each.
 */
import { execFileSync } from 'node:child_process';

const [runsText, ...argvs] = process.argv.slice(2);
const commands = argvs.map((a) => JSON.parse(a) as string[]);
const time = (argv: string[]) => {
  const t = performance.now();
  try {
    execFileSync(process.execPath, argv, { stdio: 'ignore' });
  } catch {
    // exit code 1 (findings) is a normal outcome
  }
  return performance.now() - t;
};
for (const argv of commands) time(argv); // warms the compile cache and the file system cache
const times: number[][] = commands.map(() => []);
for (let r = 0; r < Number(runsText); r++)
  for (let i = 0; i < commands.length; i++) times[i]?.push(time(commands[i] as string[]));
process.stdout.write(JSON.stringify(times));
