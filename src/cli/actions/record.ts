import pc from 'picocolors';
import { type RecordedCall, startRecorder } from '../../record/server.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { listenFailure } from '../listen.ts';

export interface RecordFlags {
  port: number;
  host: string;
  out: string;
  keepSecrets: boolean;
  color?: boolean;
}

/** Runs a recording proxy until `signal` aborts; returns the exit code. */
export async function runRecord(
  apiUrl: string,
  flags: RecordFlags,
  io: Io,
  signal: AbortSignal,
): Promise<number> {
  const color = flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);
  const c = color ? pc : pc.createColors(false);
  const line = (call: RecordedCall) => {
    const status =
      call.status === undefined
        ? c.red(`unreachable (${call.error})`)
        : call.status >= 400
          ? c.red(String(call.status))
          : call.status >= 300
            ? c.yellow(String(call.status))
            : c.green(String(call.status));
    return `${c.dim(new Date().toISOString().slice(11, 19))} ${call.method} ${call.path} → ${status} ${c.dim(`${call.ms} ms`)}`;
  };
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  try {
    recorder = await startRecorder({
      target: apiUrl,
      out: flags.out,
      port: flags.port,
      host: flags.host,
      keepSecrets: flags.keepSecrets,
      onCall: (call) => io.stdout.write(`${line(call)}\n`),
    });
  } catch (error) {
    throw listenFailure(error, flags.host, flags.port);
  }
  io.stderr.write(
    [
      `flowport record: ${recorder.url} → ${apiUrl}, writing ${flags.out}${recorder.file.earlier > 0 ? ` (continuing its ${recorder.file.earlier} calls)` : ''}`,
      `  send your client's calls to ${recorder.url} instead of ${apiUrl}; Ctrl-C stops`,
      flags.keepSecrets
        ? '  secrets are written as sent (--keep-secrets): do not share the file'
        : '  credentials, cookies and secret fields are masked in the file',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const calls = await recorder.close();
  io.stderr.write(
    `flowport record: ${calls} call${calls === 1 ? '' : 's'} recorded in ${flags.out}${
      calls > 0 ? `; make a connector of them: flowport init <dir> --from ${flags.out}` : ''
    }\n`,
  );
  return EXIT.ok;
}
