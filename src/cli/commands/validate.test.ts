import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { validateMain } from './validate.ts';

/** Output and exit code of a CLI entry point. */
async function run(entry: typeof main, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const code = await entry(argv, io);
  return { code, stdout, stderr };
}

const example = new URL('../../../examples/tasklane', import.meta.url).pathname;

describe('validateMain', () => {
  it.each([
    [['validate', '--help']],
    [['validate']],
    [['validate', example, '--bogus']],
    [['validate', example, '--format', 'yaml']],
    [['validate', example, '--threads', '0']],
    [['validate', example, '--version']],
    [['validate', '/no/such/connector']],
    [['validate', example, '--no-color', '--format', 'json']],
    [['validate', example, '--no-color', '--preset', 'certification', '--fail-on', 'info']],
  ])('answers %j as the full CLI does', async (argv) => {
    const full = await run(main, argv);
    const alone = await run(validateMain, argv);
    const normalise = (s: string) => s.replace(/"generatedAt":\s*"[^"]*"/g, '');
    expect({ ...alone, stdout: normalise(alone.stdout) }).toEqual({
      ...full,
      stdout: normalise(full.stdout),
    });
  });
});
