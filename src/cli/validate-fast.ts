import { isFlowportError } from '../errors.ts';
import { PRESETS } from '../validate/rule.ts';
import { type Io, runValidate, type ValidateFlags } from './actions/validate.ts';
import { EXIT } from './exit.ts';

const FORMATS = ['text', 'json', 'sarif', 'pipeline', 'paconn', 'github', 'junit'] as const;
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;

type ValueOption = 'format' | 'preset' | 'failOn' | 'config' | 'output' | 'threads' | 'cacheLocation';

const VALUE_OPTIONS: Record<string, ValueOption> = {
  '-f': 'format',
  '--format': 'format',
  '-p': 'preset',
  '--preset': 'preset',
  '--fail-on': 'failOn',
  '-c': 'config',
  '--config': 'config',
  '-o': 'output',
  '--output': 'output',
  '--threads': 'threads',
  '--cache-location': 'cacheLocation',
};

const SWITCHES: Record<string, Partial<ValidateFlags>> = {
  '-q': { quiet: true },
  '--quiet': { quiet: true },
  '--no-frames': { frames: false },
  '--color': { color: true },
  '--no-color': { color: false },
  '--no-progress': { progress: false },
  '--cache': { cache: true },
};

/**
 * The paths and flags of `validate <paths...> [options]` exactly as commander gives them to the
 * command's action (src/cli/commands/validate.ts), or `undefined` for anything else: help, a version,
 * an unknown or invalid option, `--opt=value`, grouped short options, `--`, a value starting with `-`.
 */
export function parseValidateArgv(
  argv: readonly string[],
): { paths: string[]; flags: ValidateFlags } | undefined {
  if (argv[0] !== 'validate') return undefined;
  const paths: string[] = [];
  const flags: ValidateFlags = {
    format: 'text',
    failOn: 'error',
    quiet: false,
    frames: true,
    progress: true,
  };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    const switched = SWITCHES[arg];
    if (switched) {
      Object.assign(flags, switched);
      continue;
    }
    const key = VALUE_OPTIONS[arg];
    const value = argv[++i];
    if (key === undefined || value === undefined || value.startsWith('-')) return undefined;
    if (key === 'format') {
      if (!isOneOf(FORMATS, value)) return undefined;
      flags.format = value;
    } else if (key === 'preset') {
      if (!isOneOf(PRESETS, value)) return undefined;
      flags.preset = value;
    } else if (key === 'failOn') {
      if (!isOneOf(FAIL_ON, value)) return undefined;
      flags.failOn = value;
    } else if (key === 'threads') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) return undefined;
      flags.threads = n;
    } else flags[key] = value;
  }
  return paths.length > 0 ? { paths, flags } : undefined;
}

function isOneOf<T extends string>(choices: readonly T[], value: string): value is T {
  return (choices as readonly string[]).includes(value);
}

/**
 * `flowport validate …` without commander, which with the Node modules behind it costs a fresh process
 * a tenth of its time: bin/flowport.js starts a published `validate` here. Resolves to the exit code,
 * or to `undefined` when `parseValidateArgv` leaves the arguments to the full command (`validateMain`).
 */
export async function validateFast(
  argv: readonly string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number | undefined> {
  const parsed = parseValidateArgv(argv);
  if (!parsed) return undefined;
  try {
    return await runValidate(parsed.paths, parsed.flags, io);
  } catch (error) {
    if (!isFlowportError(error)) throw error;
    io.stderr.write(`flowport: ${error.message} [${error.code}]\n`);
    return EXIT.usage;
  }
}
