/**
 * `npm run bench:console` — the web console's budget: its JavaScript gzipped (budget ≤ 300 KB) and
 * its first render on loopback (budget < 1 s): from navigation to the gallery's cards on screen
 * (`performance.mark('flowport:gallery')`, set by the page once the API answered and the cards
 * rendered), with a cold cache (a new browser context per load) and a warm one (hashed assets cached).
 * Baseline in the same run: a blank HTML page from a plain node:http server. Medians of N loads in
 * headless Debian Chromium (contexts bypass the console's CSP so that the harness may poll the page).
 * Options: --runs N (default 15).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { haveChromium, launchChromium, startRig, WEB_DIST } from '../test/browser/harness.ts';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
const BUDGET_JS_GZIP = 300 * 1024;
const BUDGET_RENDER_MS = 1000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const p90 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.9 * xs.length))]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

// Size: what a browser downloads for the console (index.html, then the hashed assets).
const assets = readdirSync(join(WEB_DIST, 'assets')).map((name) => {
  const bytes = readFileSync(join(WEB_DIST, 'assets', name));
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const jsGzip = assets.filter((a) => a.name.endsWith('.js')).reduce((n, a) => n + a.gzip, 0);
// What the first page needs: the script index.html names (the other pages are loaded when opened).
const entry = /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(join(WEB_DIST, 'index.html'), 'utf8'))?.[1];
const entryGzip = assets.find((a) => a.name === entry)?.gzip ?? 0;
console.log('Console files (web/dist/assets), gzip level 9:\n');
console.log(
  table(
    ['file', 'raw', 'gzipped'],
    [
      ...assets.map((a) => [a.name, kb(a.raw), kb(a.gzip)]),
      ['JavaScript total', '', `${kb(jsGzip)} (budget ${kb(BUDGET_JS_GZIP)})`],
      ['JavaScript of the first page', '', kb(entryGzip)],
    ],
  ),
);

if (!haveChromium) {
  console.log('\nFirst render not measured: /usr/bin/chromium is missing (apt-get install -y chromium).');
  process.exit(jsGzip <= BUDGET_JS_GZIP ? 0 : 1);
}

const blank = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  res.end('<!doctype html><html lang="en"><title>blank</title><p>blank</p></html>');
});
await new Promise<void>((resolve) => blank.listen(0, '127.0.0.1', resolve));
const blankUrl = `http://127.0.0.1:${(blank.address() as AddressInfo).port}/`;

const rig = await startRig();
const browser: Browser = await launchChromium();
const consoleUrl = `${rig.url}/console/#token=${rig.t.admin.token}`;

/** Milliseconds from navigation start to first contentful paint and to `ready` (a mark or load). */
async function measure(page: Page, url: string, mark: string | undefined) {
  // From another document, so that a URL differing only in its fragment still loads anew.
  await page.goto('about:blank');
  await page.goto(url);
  if (mark) await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(mark)}).length > 0`);
  else await page.waitForLoadState('load');
  return page.evaluate<{ fcp: number; ready: number }>(`(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const mark = ${JSON.stringify(mark ?? null)};
    const ready = mark
      ? performance.getEntriesByName(mark)[0].startTime
      : performance.getEntriesByType('navigation')[0].loadEventEnd;
    return { fcp, ready };
  })()`);
}

const results: Record<string, { fcp: number[]; ready: number[] }> = {
  'blank page (baseline)': { fcp: [], ready: [] },
  'console gallery, cold cache': { fcp: [], ready: [] },
  'console gallery, warm cache': { fcp: [], ready: [] },
};
const record = (key: string, r: { fcp: number; ready: number }) => {
  // A page may be measured before Chromium reports its first paint: that run has no FCP.
  if (Number.isFinite(r.fcp)) results[key]!.fcp.push(r.fcp);
  results[key]!.ready.push(r.ready);
};

// One warm-up of each (the server's first connector load, Chromium's own start-up), not counted.
{
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await measure(page, blankUrl, undefined);
  await measure(page, consoleUrl, 'flowport:gallery');
  await context.close();
}
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  record('blank page (baseline)', await measure(page, blankUrl, undefined));
  record('console gallery, cold cache', await measure(page, consoleUrl, 'flowport:gallery'));
  // Same context: index.html revalidated, hashed assets from the cache, API called again.
  record('console gallery, warm cache', await measure(page, consoleUrl, 'flowport:gallery'));
  await context.close();
}

await browser.close();
await rig.close();
blank.close();

console.log(`\nFirst render on loopback, headless Chromium, median of ${runs} loads (p90 in brackets):\n`);
console.log(
  table(
    ['page', 'first contentful paint', 'ready (cards on screen / load)'],
    Object.entries(results).map(([name, r]) => [
      name,
      `${ms(median(r.fcp))} (${ms(p90(r.fcp))})`,
      `${ms(median(r.ready))} (${ms(p90(r.ready))})`,
    ]),
  ),
);
const cold = median(results['console gallery, cold cache']!.ready);
const base = median(results['blank page (baseline)']!.ready);
console.log(
  `\nConsole first render ${ms(cold)} cold (${ms(cold - base)} over the blank page), budget ${ms(BUDGET_RENDER_MS)}; JavaScript ${kb(jsGzip)} gzipped, budget ${kb(BUDGET_JS_GZIP)}.`,
);
process.exit(cold < BUDGET_RENDER_MS && jsGzip <= BUDGET_JS_GZIP ? 0 : 1);
