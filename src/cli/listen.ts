import { InvalidArgumentError } from 'commander';
import { FlowportError, isFlowportError } from '../errors.ts';

/** `--port` of a command that listens: 0 to 65535, 0 for any free one. */
export function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('--port expects a port number, 0 to 65535 (0: any free one).');
  return n;
}

/** What to tell a user whose command could not listen: a FlowportError as it is, else `USAGE` with the fix. */
export function listenFailure(error: unknown, host: string, port: number): FlowportError {
  if (isFlowportError(error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new FlowportError(
    'USAGE',
    code === 'EADDRINUSE'
      ? `Port ${port} on ${host} is in use; pass --port with a free one (0 takes any).`
      : `Cannot listen on ${host}:${port} (${code ?? (error as Error).message}).`,
  );
}
