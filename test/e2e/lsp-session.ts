/** A `flowport lsp --stdio` process and a client talking to it, for end-to-end tests. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { clientOver, type TestClient } from '../../src/lsp/testing.ts';

export interface LspProcess {
  readonly client: TestClient;
  /** Whatever the server wrote to standard error. */
  stderr(): string;
  /** `shutdown` then `exit`, as editors end a session: resolves to the exit code. */
  stop(): Promise<number | null>;
}

export function spawnLsp(bin: string, env: NodeJS.ProcessEnv = process.env): LspProcess {
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const client = clientOver(child.stdout, child.stdin);
  return {
    client,
    stderr: () => stderr,
    async stop() {
      const exited = once(child, 'exit');
      await client.connection.sendRequest('shutdown');
      await client.connection.sendNotification('exit');
      const [code] = (await exited) as [number | null];
      client.dispose();
      return code;
    },
  };
}
