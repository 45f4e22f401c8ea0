import { describe, expect, it } from 'vitest';
import { validateCommand } from './commands/validate.ts';
import { main } from './main.ts';
import { parseValidateArgv, validateFast } from './validate-fast.ts';

const example = new URL('../../examples/tasklane', import.meta.url).pathname;

/** The paths and flags commander gives the validate command's action for `argv`. */
async function commanderParse(argv: string[]) {
  const silent = { write: () => true };
  const command = validateCommand({ stdout: silent, stderr: silent }, () => {})
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} })
    .action(() => {});
  await command.parseAsync(argv.slice(1), { from: 'user' });
  return { paths: command.processedArgs[0] as string[], flags: command.opts() };
}

/** Output and exit code of a CLI entry point. */
async function run(entry: (argv: string[], io: never) => Promise<number | undefined>, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const code = await entry(argv, io as never);
  return { code, stdout: stdout.replace(/"generatedAt":\s*"[^"]*"/g, ''), stderr };
}

describe('parseValidateArgv', () => {
  it.each([
    [['validate', 'a']],
    [['validate', 'a', 'b', 'c']],
    [['validate', '-q', 'a', '--no-frames', 'b']],
    [['validate', 'a', '-f', 'json', '--format', 'sarif']],
    [['validate', 'a', '--format', 'pipeline', '-p', 'certification', '--preset', 'recommended']],
    [['validate', 'a', '--format', 'github']],
    [['validate', 'a', '-f', 'junit', '--fail-on', 'warning']],
    [['validate', 'a', '--fail-on', 'never', '--fail-on', 'warning']],
    [['validate', 'a', '-c', 'flowport.config.json', '--config', 'other.json']],
    [['validate', 'a', '-o', 'out.txt', '--output', '']],
    [['validate', 'a', '--quiet', '--no-progress']],
    [['validate', 'a', '--color']],
    [['validate', 'a', '--no-color']],
    [['validate', 'a', '--color', '--no-color']],
    [['validate', 'a', '--no-color', '--color']],
    [['validate', 'a', '--threads', '3']],
    [['validate', 'a', '--threads', '2.0', '--threads', '0x10']],
    [['validate', 'a', '--cache']],
    [['validate', 'a', '--cache-location', '.cache/flowport', '--no-progress']],
  ])('reads %j as commander does', async (argv) => {
    expect(parseValidateArgv(argv)).toEqual(await commanderParse(argv));
  });

  it.each([
    [['validate']],
    [['validate', '--quiet']],
    [['validate', 'a', '--help']],
    [['validate', 'a', '-h']],
    [['validate', 'a', '-v']],
    [['validate', 'a', '--version']],
    [['validate', 'a', '--bogus']],
    [['validate', 'a', '-']],
    [['validate', 'a', '--', '-b']],
    [['validate', 'a', '--format=json']],
    [['validate', 'a', '-qf', 'json']],
    [['validate', 'a', '-fjson']],
    [['validate', 'a', '--format']],
    [['validate', 'a', '--format', 'yaml']],
    [['validate', 'a', '--preset', 'strict']],
    [['validate', 'a', '--fail-on', 'fatal']],
    [['validate', 'a', '--threads', '0']],
    [['validate', 'a', '--threads', 'two']],
    [['validate', 'a', '-o', '-q']],
    [['validate', 'a', '--cache-location']],
    [['operations', 'a']],
  ])('leaves %j to commander', (argv) => {
    expect(parseValidateArgv(argv)).toBeUndefined();
  });
});

describe('validateFast', () => {
  it.each([
    [['validate', example, '--no-color']],
    [['validate', example, '--color', '--no-frames']],
    [['validate', example, '--no-color', '--format', 'json']],
    [['validate', example, '-f', 'sarif', '--preset', 'certification', '--fail-on', 'info']],
    [['validate', '/no/such/connector']],
  ])('answers %j as the full CLI does', async (argv) => {
    expect(await run(validateFast, argv)).toEqual(await run(main, argv));
  });

  it('answers undefined, writing nothing, for arguments it leaves to commander', async () => {
    expect(await run(validateFast, ['validate', example, '--help'])).toEqual({
      code: undefined,
      stdout: '',
      stderr: '',
    });
  });
});
