/**
 * The console against real connectors: a fixed sample of the public corpus is imported, and every
 * connector page, every operation's test form (up to 12 per connector) and every validation report
 * is opened in Chromium, with no script error allowed. Skipped, saying so, without the corpus
 * (`FLOWPORT_CORPUS`, default `../shared/corpus`) or Chromium.
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/server/free-port.ts';
import { listen, type RunningServer } from '../../src/server/lifecycle.ts';
import { createTestServer, type TestServer } from '../../src/server/testing.ts';
import { ensureConsoleBuilt, haveChromium, launchChromium, SCREENSHOTS, WEB_DIST } from './harness.ts';

const corpus = resolve(
  new URL('../..', import.meta.url).pathname,
  process.env.FLOWPORT_CORPUS ?? '../shared/corpus',
);
const haveCorpus = existsSync(join(corpus, 'certified-connectors'));
const SAMPLE = 8;
const OPERATIONS_EACH = 12;

/** Every `step`-th connector folder with a swagger, by name, from both corpus folders. */
function sample(): string[] {
  const folders = ['certified-connectors', 'independent-publisher-connectors'].flatMap((group) =>
    readdirSync(join(corpus, group))
      .sort()
      .map((name) => join(corpus, group, name))
      .filter((dir) => existsSync(join(dir, 'apiDefinition.swagger.json'))),
  );
  const step = Math.floor(folders.length / SAMPLE);
  return Array.from({ length: SAMPLE }, (_, i) => folders[i * step]!);
}

function filesOf(dir: string) {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => ({ name, content: readFileSync(join(dir, name)).toString('base64') }));
}

if (!haveCorpus) console.warn(`test/browser/corpus skipped: ${corpus} is absent (set FLOWPORT_CORPUS).`);
if (!haveChromium) console.warn('test/browser/corpus skipped: /usr/bin/chromium is missing.');

describe.skipIf(!haveCorpus || !haveChromium)('the console on corpus connectors', () => {
  let t: TestServer;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let url: string;
  const ids: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    await ensureConsoleBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    t = await createTestServer({ publicUrl: url, console: { dir: WEB_DIST } });
    server = await listen(t.app, { port, signals: [], shutdownTimeoutMs: 2000 });
    for (const dir of sample()) {
      const res = await t.call(t.admin, 'POST', '/api/v1/connectors', { files: filesOf(dir) });
      if (res.statusCode < 300) ids.push(res.json().connector.id);
    }
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    await page.goto(`${url}/console/#token=${t.admin.token}`);
    await page.getByRole('heading', { level: 1, name: 'Connectors' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  it('imports the sample', () => {
    expect(ids.length).toBe(SAMPLE);
  });

  it('filters the gallery by title or publisher', async () => {
    await page.goto(`${url}/console/`);
    const filter = page.getByRole('searchbox', { name: 'Filter connectors' });
    await filter.fill('postman');
    await page.getByText(`1 of ${ids.length} shown.`).waitFor();
    expect(await page.locator('.connector-card').count()).toBe(1);
    await filter.fill('');
    await page.getByText(`${ids.length} of ${ids.length} shown.`).waitFor();
  });

  it('opens every connector page, its operations’ test forms and its validation report', async () => {
    let forms = 0;
    for (const id of ids) {
      await page.goto(`${url}/console/connectors/${encodeURIComponent(id)}`);
      await page.getByRole('heading', { level: 2, name: /Actions/ }).waitFor();
      const operations = (
        await t.call(t.admin, 'GET', `/api/v1/connectors/${encodeURIComponent(id)}/operations`)
      ).json().operations as { operationId: string | null }[];
      for (const op of operations.filter((o) => o.operationId).slice(0, OPERATIONS_EACH)) {
        await page.goto(
          `${url}/console/connectors/${encodeURIComponent(id)}/operations/${encodeURIComponent(op.operationId!)}`,
        );
        await page.getByRole('form', { name: 'Test' }).waitFor();
        expect(await page.getByRole('alert').count(), `${id} ${op.operationId}`).toBe(0);
        if (forms++ % 10 === 0)
          await page.screenshot({ path: join(SCREENSHOTS, `corpus-${forms}.png`), fullPage: true });
      }
      await page.goto(`${url}/console/connectors/${encodeURIComponent(id)}/validation`);
      await page.getByRole('heading', { level: 1, name: /Validation report/ }).waitFor();
    }
    expect(forms).toBeGreaterThan(SAMPLE);
    expect(problems).toEqual([]);
  });
});
