import { createServer } from 'node:http';
import { loadConnectorSync } from '../../connector/load.ts';
import { applyOverlays } from '../../connector/overlay.ts';
import { FlowportError } from '../../errors.ts';
import { oauthDoctor } from '../../oauth-doctor/doctor.ts';
import { renderDoctorReport } from '../../oauth-doctor/render.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { parseConnection } from '../invoke-flags.ts';
import { openBrowser } from '../open-browser.ts';
import { readOverlays } from '../overlay-flag.ts';

export interface OAuthDoctorFlags {
  /** `--overlay` files applied in order before the connector is used (docs/deploy.md#overlays). */
  overlay?: string[];
  clientId?: string;
  clientSecretEnv: string;
  conn: string[];
  connSet?: string;
  port: number;
  redirectUrl?: string;
  open: boolean;
  timeout: number;
  baseUrl?: string;
  call: boolean;
  aadVersion: 'v1' | 'v2';
  format: 'text' | 'json';
  color?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The redirect URL: `--redirect-url` when given (plain HTTP on a loopback host), else one on `--port`. */
function redirectOf(flags: OAuthDoctorFlags): URL {
  const raw = flags.redirectUrl ?? `http://127.0.0.1:${flags.port}/oauth/callback`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FlowportError(
      'USAGE',
      `\`--redirect-url ${raw}\` is not a URL; give one like http://localhost:8400/callback.`,
    );
  }
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname) || !url.port)
    throw new FlowportError(
      'USAGE',
      `\`--redirect-url ${raw}\` must be http:// on 127.0.0.1, localhost or [::1] with a port: the doctor receives the sign-in on this machine.`,
    );
  return url;
}

const PAGE = (done: boolean) =>
  `<!doctype html><meta charset="utf-8"><title>flowport oauth-doctor</title><p>${done ? 'Signed in. You can close this window: the findings are in the terminal.' : 'The provider answered with an error; the terminal says what it means.'}</p>`;

/**
 * Listens on the redirect URL's port for one sign-in: resolves with the query the provider sent
 * the browser back with. Returns the authorize function the doctor calls with the sign-in URL.
 */
async function loopbackAuthorize(redirect: URL, flags: OAuthDoctorFlags, io: Io) {
  let settle: (q: URLSearchParams) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const arrived = new Promise<URLSearchParams>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', redirect.origin);
    if (
      url.pathname !== redirect.pathname ||
      (!url.searchParams.has('code') && !url.searchParams.has('error'))
    ) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(PAGE(url.searchParams.has('code')));
    settle(url.searchParams);
  });
  const host = redirect.hostname.replace(/^\[|\]$/g, '');
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new FlowportError(
          'USAGE',
          error.code === 'EADDRINUSE'
            ? `Port ${redirect.port} is in use; pass --port with a free one (and register that redirect URL with the app).`
            : `Cannot listen on ${redirect.host} for the sign-in (${error.code ?? error.message}).`,
        ),
      ),
    );
    server.listen(Number(redirect.port), host, resolve);
  });
  const timer = setTimeout(
    () =>
      fail(
        new FlowportError(
          'USAGE',
          `No sign-in came back to ${redirect.href} within ${flags.timeout} s; check that this redirect URL is registered with the app, then run the doctor again.`,
        ),
      ),
    flags.timeout * 1000,
  );
  const close = () => {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  };
  return {
    close,
    authorize: async (url: string): Promise<URLSearchParams> => {
      io.stderr.write(
        `flowport: sign in with a test account (redirect URL to register: ${redirect.href}):\n  ${url}\n`,
      );
      if (flags.open) openBrowser(url);
      try {
        return await arrived;
      } finally {
        close();
      }
    },
  };
}

/** `flowport oauth-doctor <connector>`. */
export async function runOAuthDoctor(source: string, flags: OAuthDoctorFlags, io: Io): Promise<number> {
  const connector = applyOverlays(loadConnectorSync(source), readOverlays(flags.overlay ?? []));
  // The doctor's own tokens are what it checks: a $FLOWPORT_TOKEN for `flowport run` is left out.
  const { tokenProvider: _, ...connection } = parseConnection({ conn: flags.conn, connSet: flags.connSet });
  const redirect = redirectOf(flags);
  const secret = process.env[flags.clientSecretEnv];
  const loopback = await loopbackAuthorize(redirect, flags, io);
  let report: Awaited<ReturnType<typeof oauthDoctor>>;
  try {
    report = await oauthDoctor(connector, {
      connection,
      redirectUrl: redirect.href,
      authorize: loopback.authorize,
      callApi: flags.call,
      aadVersion: flags.aadVersion,
      ...(flags.clientId !== undefined && { clientId: flags.clientId }),
      ...(secret !== undefined && secret !== '' && { clientSecret: secret }),
      ...(flags.baseUrl !== undefined && { baseUrl: flags.baseUrl }),
    });
  } finally {
    loopback.close();
  }
  if (flags.format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const color = flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);
    io.stdout.write(renderDoctorReport(report, color));
  }
  return report.summary.fail > 0 ? EXIT.findings : EXIT.ok;
}
