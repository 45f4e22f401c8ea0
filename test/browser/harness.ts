/**
 * What the browser tests share: the console built once, the Brightdesk demo backend, a listening
 * `flowport serve` app on loopback with the demo connector imported, and headless Debian Chromium
 * driven by playwright-core. Screenshots go to `test/browser/.screenshots/` (not committed).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type DemoBackend, startDemoBackend } from '../../examples/demo-backend/server.ts';
import { freePort } from '../../src/server/free-port.ts';
import { listen, type RunningServer } from '../../src/server/lifecycle.ts';
import { createTestServer, type TestServer } from '../../src/server/testing.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const root = new URL('../..', import.meta.url).pathname;
export const WEB_DIST = join(root, 'web', 'dist');
export const SCREENSHOTS = join(root, 'test', 'browser', '.screenshots');
const BRIGHTDESK = join(root, 'examples', 'brightdesk');
const execFileAsync = promisify(execFile);

export const haveChromium = existsSync(CHROMIUM);

/**
 * Builds the console as `npm run build:web` does (`web/build.ts`: skipped when `web/dist` was built
 * from the same sources, which `npm test` already did in `pretest`; serialised by a lock, since test
 * files run in parallel). A process of its own: Vitest's NODE_ENV=test must not reach Vite.
 */
export async function ensureConsoleBuilt(): Promise<void> {
  await execFileAsync(process.execPath, [join(root, 'web', 'build.ts')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * The demo connector's files, its OAuth endpoints pointed at this run's demo backend (the folder
 * names port 4100, which may be taken by `npm start`).
 */
export function brightdeskUpload(demoUrl: string): { name: string; content: string }[] {
  return readdirSync(BRIGHTDESK).map((name) => {
    let bytes = readFileSync(join(BRIGHTDESK, name));
    if (name === 'apiProperties.json')
      bytes = Buffer.from(bytes.toString('utf8').replaceAll('http://127.0.0.1:4100', demoUrl));
    return { name, content: bytes.toString('base64') };
  });
}

export interface ConsoleRig {
  readonly t: TestServer;
  readonly server: RunningServer;
  readonly demo: DemoBackend;
  /** `http://127.0.0.1:<port>` of flowport. */
  readonly url: string;
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** The demo backend and a flowport app on its public URL, with Brightdesk imported by the admin. */
export async function startRig(): Promise<ConsoleRig> {
  // Deliveries fail fast and are retried quickly, so that a dead letter shows within a test.
  const demo = await startDemoBackend({ port: 0 });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t = await createTestServer({
    publicUrl: url,
    backendOverrides: { brightdesk: demo.apiUrl },
    transportOptions: { retry: { count: 0 } },
    console: { dir: WEB_DIST },
    triggers: { tickMs: 100, delivery: { maxAttempts: 2, baseDelayMs: 100, timeoutMs: 2000 } },
  });
  const server = await listen(t.app, { port, signals: [], shutdownTimeoutMs: 2000 });
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...t.admin.headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  await api('POST', '/api/v1/connectors?id=brightdesk', { files: brightdeskUpload(demo.url) });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    t,
    server,
    demo,
    url,
    api,
    close: async () => {
      await server.close();
      await t.close();
      await demo.close();
    },
  };
}

/** WCAG 2.1 A and AA violations on the page as it is (axe evaluated through DevTools, past the CSP). */
export async function axeViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  await page.waitForLoadState('networkidle');
  if (!(await page.evaluate('typeof axe !== "undefined"')))
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate<{ id: string; targets: string[] }[]>(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) })))`,
  );
}

/** How far the page is wider than the window (0 or less: it fits). */
export const overflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

/** A full-page screenshot named after a failed test, in `SCREENSHOTS`. */
export async function failureScreenshot(page: Page, prefix: string, test: string): Promise<void> {
  await page.screenshot({
    path: join(SCREENSHOTS, `failed-${prefix}-${test.slice(0, 40).replace(/\W+/g, '-')}.png`),
    fullPage: true,
  });
}

/**
 * A 1280×900 page with a 15 s default timeout whose script errors and console errors are collected
 * into `problems` (console errors matching `expected`, such as refusals a test causes, are not).
 */
export async function watchedPage(browser: Browser, problems: string[], expected?: RegExp): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected?.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return page;
}
