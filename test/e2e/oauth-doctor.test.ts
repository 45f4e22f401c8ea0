/**
 * `flowport oauth-doctor` end to end: the command listens on a loopback redirect, prints the sign-in
 * URL, and the test plays the browser (the provider consents at once and redirects back).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runCli } from '../../src/cli/testing.ts';
import {
  CLIENT_SECRET,
  doctorConnectorFiles,
  type Quirks,
  type QuirkyProvider,
  quirkyProvider,
} from '../../src/oauth-doctor/_quirky-provider.ts';
import { freePort } from '../../src/server/free-port.ts';

let provider: QuirkyProvider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
  delete process.env.DOCTOR_SECRET;
});

async function connectorDir(quirks: Quirks): Promise<string> {
  provider = await quirkyProvider(quirks);
  const dir = mkdtempSync(join(tmpdir(), 'flowport-doctor-'));
  for (const f of doctorConnectorFiles(provider.origin)) writeFileSync(join(dir, f.name), f.bytes);
  return dir;
}

/** Runs the command; when it prints the sign-in URL, a "browser" follows it back to the loopback. */
async function doctorCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  let browsed: Promise<unknown> = Promise.resolve();
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: {
      write: (s: string) => {
        stderr += s;
        const url = /\n {2}(http\S+)\n/.exec(s)?.[1];
        if (url)
          browsed = (async () => {
            const consent = await fetch(url, { redirect: 'manual' });
            const back = await fetch(consent.headers.get('location') ?? '');
            return back.text();
          })();
        return true;
      },
    },
  };
  const code = await main(['oauth-doctor', ...argv], io);
  const page = await browsed;
  return { code, stdout, stderr, page };
}

/** The doctor on a provider with `quirks`, the secret in an environment variable, signed in by the test. */
async function signedIn(quirks: Quirks, extra: string[] = []) {
  const dir = await connectorDir(quirks);
  process.env.DOCTOR_SECRET = CLIENT_SECRET;
  const port = await freePort();
  const run = await doctorCli([
    dir,
    '--port',
    String(port),
    '--no-open',
    '--client-secret-env',
    'DOCTOR_SECRET',
    ...extra,
  ]);
  return { run, port };
}

describe('flowport oauth-doctor', () => {
  it('signs in through the loopback and prints the checks; exit 0 when none fails', async () => {
    const { run, port } = await signedIn({});
    expect(run.stderr).toContain(`redirect URL to register: http://127.0.0.1:${port}/oauth/callback`);
    expect(run.page).toContain('Signed in. You can close this window');
    expect(run.stdout).toContain('OAuth doctor — Doctor Demo');
    expect(run.stdout).toMatch(/✓ refresh\s+The provider refreshed the token as the platform asks it to/);
    expect(run.stdout).toMatch(/✓ api-call\s+The new access token works: `GetMe` answered 200/);
    expect(run.stdout).toMatch(/0 failed|\d+ passed/);
    expect(run.stdout).not.toContain('failed,');
    expect(run.code).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain(CLIENT_SECRET);
  });

  it('--overlay: checks the connector as the overlay changes it', async () => {
    const overlay = join(mkdtempSync(join(tmpdir(), 'flowport-doctor-overlay-')), 'qa.json');
    writeFileSync(overlay, JSON.stringify({ apiDefinition: { info: { title: 'Doctor QA' } } }));
    const { run } = await signedIn({}, ['--overlay', overlay]);
    expect(run.stdout).toContain('OAuth doctor — Doctor QA');
    expect(run.code).toBe(0);
  });

  it('exits 1 with the fix when the refresh the platform sends is refused, and writes JSON', async () => {
    const { run } = await signedIn({ refreshNeedsScope: true }, ['--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { check: string; verdict: string; fix?: string }[] };
    const refresh = report.findings.find((f) => f.check === 'refresh');
    expect(refresh?.verdict).toBe('fail');
    expect(refresh?.fix).toContain('scope={Scopes}');
  });

  it('names a redirect URL it cannot listen on, without a stack trace (exit 2)', async () => {
    const dir = await connectorDir({});
    const run = await runCli(['oauth-doctor', dir, '--redirect-url', 'https://contoso.com/callback']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('must be http:// on 127.0.0.1, localhost or [::1]');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says when the port is taken', async () => {
    const dir = await connectorDir({});
    const { createServer } = await import('node:net');
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const run = await runCli(['oauth-doctor', dir, '--port', String(port), '--no-open']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Port ${port} is in use; pass --port with a free one`);
    } finally {
      busy.close();
    }
  });

  it('gives up after --timeout with a usage error naming the redirect URL', async () => {
    const dir = await connectorDir({});
    const port = await freePort();
    const run = await runCli(['oauth-doctor', dir, '--port', String(port), '--no-open', '--timeout', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `No sign-in came back to http://127.0.0.1:${port}/oauth/callback within 1 s`,
    );
  });
});
