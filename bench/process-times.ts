/**
 * Times fresh processes for `bench/validate.bench.ts`, from a process of its own: one that has
 * validated the corpus in process spawns every child about 11 ms slower (30 November: `node -e 0` 34
 * against 23 ms, the published `validate` of one connector 63 against 50 ms), a constant that made
 * the ratio of the two look better than it is (1.80 against 2.17).
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
