import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { runCli } from '../testing.ts';

describe('flowport record', () => {
  it('records the calls sent to it until Ctrl-C, logging each, and says how to make a connector', async () => {
    const api = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":1}'),
    );
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(api.address() as AddressInfo).port}/v2`;
    const dir = mkdtempSync(join(tmpdir(), 'flowport-record-cli-'));
    const out = join(dir, 'calls.har');
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
    };
    try {
      const exit = main(['record', base, '--port', '0', '-o', out], io);
      for (let i = 0; i < 200 && !stderr.includes('Ctrl-C stops'); i++)
        await new Promise((r) => setTimeout(r, 25));
      const url = /flowport record: (\S+) →/.exec(stderr)?.[1] ?? '';
      expect(stderr).toContain(`→ ${base}, writing ${out}`);
      expect(stderr).toContain('credentials, cookies and secret fields are masked in the file');
      expect((await fetch(`${url}/things/7`, { headers: { 'x-api-key': 'k-secret' } })).status).toBe(200);
      process.emit('SIGINT');
      expect(await exit).toBe(0);
      expect(stdout).toMatch(/GET \/things\/7 → 200 \d+ ms/);
      expect(stderr).toContain(
        `flowport record: 1 call recorded in ${out}; make a connector of them: flowport init <dir> --from ${out}`,
      );
      const text = readFileSync(out, 'utf8');
      expect(text).toContain(`${base}/things/7`);
      expect(text).not.toContain('k-secret');
    } finally {
      api.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses what is not an http(s) URL with exit 2', async () => {
    const run = await runCli(['record', 'not a url', '--port', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("`record not a url` is not a URL; give the API's base");
  });
});
