/**
 * A new user's path through the web console, in headless Chromium (Debian's package): open the
 * console signed in → create an API-key connection → run an action and read the response → create
 * an OAuth connection through the demo backend's authorization server → subscribe to a webhook
 * trigger and watch an event arrive (or see the console say the server lacks the API) → open the
 * validation report. One screenshot per page in `test/browser/.screenshots/`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleRig,
  ensureConsoleBuilt,
  haveChromium,
  launchChromium,
  SCREENSHOTS,
  startRig,
} from './harness.ts';

if (!haveChromium) {
  console.warn('test/browser skipped: /usr/bin/chromium is missing (apt-get install -y chromium).');
}

describe.skipIf(!haveChromium)('web console in Chromium', () => {
  let rig: ConsoleRig;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    // Failure shots of an earlier run would mislead (the corpus test writes beside them meanwhile).
    for (const name of existsSync(SCREENSHOTS) ? readdirSync(SCREENSHOTS) : []) {
      if (name.startsWith('failed-')) rmSync(join(SCREENSHOTS, name), { force: true });
    }
    await ensureConsoleBuilt();
    rig = await startRig();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of (401|404|409)/.test(m.text()))
        problems.push(`console: ${m.text()}`);
    });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await shot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });

  it('opens signed in from the link npm start prints, and takes the token out of the address bar', async () => {
    await page.goto(`${rig.url}/console/#token=${rig.t.admin.token}`);
    await page.getByRole('heading', { level: 1, name: 'Connectors' }).waitFor();
    expect(page.url()).toBe(`${rig.url}/console/`);
    expect(await page.evaluate("sessionStorage.getItem('flowport.token')")).toBe(rig.t.admin.token);
    const card = page.getByRole('listitem').filter({ hasText: 'Brightdesk' });
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('Brightdesk Labs');
    const text = (await card.textContent()) ?? '';
    expect(text).toMatch(/\d+ actions · \d+ triggers/);
    // The badge says what the validation summary says (the example connector changes over time).
    const { summary } = await rig.api<{ summary: { errors: number; warnings: number } }>(
      'GET',
      '/api/v1/connectors/brightdesk/validation',
    );
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    expect(text).toContain(
      summary.errors > 0
        ? plural(summary.errors, 'error')
        : summary.warnings > 0
          ? plural(summary.warnings, 'warning')
          : 'valid',
    );
    // The icon is fetched with the token and shown as a blob.
    await expect.poll(() => card.locator('img').getAttribute('src'), { timeout: 10_000 }).toMatch(/^blob:/);
    await shot('1-gallery');
  });

  it('is usable by keyboard: the first Tab reaches the skip link', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(1);
  });

  it('lists the operations as the Power Platform groups them', async () => {
    await page.getByRole('link', { name: 'Brightdesk', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /Actions/ }).waitFor();
    const main = page.getByRole('main');
    await expect.poll(() => main.textContent(), { timeout: 10_000 }).toContain('List tickets');
    const text = (await main.textContent()) ?? '';
    expect(text).toContain('When a ticket is created');
    // Internal operations are hidden; advanced ones are folded.
    expect(text).not.toContain('Get the signed-in agent');
    expect(await page.getByText('Advanced actions').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Get a ticket' }).isVisible()).toBe(false);
    await shot('2-connector');
  });

  it('creates an API-key connection from the parameter set', async () => {
    await page.getByRole('link', { name: 'Connections' }).click();
    await page.getByRole('heading', { level: 2, name: 'New connection' }).waitFor();
    await page.getByLabel('API key', { exact: true }).check();
    await page.getByLabel('Name').fill('Demo by key');
    await page
      .getByLabel(/^API key\s*\*?$/)
      .last()
      .fill(rig.demo.apiKey);
    await page.getByRole('button', { name: 'Create connection' }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'Demo by key' });
    await item.waitFor();
    expect(await item.textContent()).toContain('connected');
    await item.getByRole('button', { name: 'Test' }).click();
    await item.getByText('Test passed').waitFor();
    // Editing replaces the secret (never shown): a wrong key fails the test, the right one passes.
    const setKey = async (key: string) => {
      await item.getByRole('button', { name: 'Edit' }).click();
      const input = item.getByRole('form', { name: 'Edit Demo by key' }).getByLabel('API key');
      expect(await input.inputValue()).toBe('');
      expect(await input.getAttribute('placeholder')).toBe('set (type to replace)');
      await input.fill(key);
      await item.getByRole('button', { name: 'Save' }).click();
      await item.getByRole('form', { name: 'Edit Demo by key' }).waitFor({ state: 'detached' });
      await page.getByText('Saved Demo by key.').waitFor();
    };
    await setKey('not-the-key');
    await item.getByRole('button', { name: 'Test' }).click();
    await item.getByText(/Test failed/).waitFor();
    await setKey(rig.demo.apiKey);
    await item.getByRole('button', { name: 'Test' }).click();
    await item.getByText('Test passed').waitFor();
    // The connection's MCP endpoint, to copy into an MCP client; the API token is a placeholder.
    await item.getByText('Use with an AI agent (MCP)').click();
    const endpoint =
      (await item.getByRole('figure', { name: 'MCP endpoint' }).locator('code').textContent()) ?? '';
    expect(endpoint).toMatch(new RegExp(`^${rig.url}/api/v1/connections/[^/]+/mcp$`));
    const config =
      (await item.getByRole('figure', { name: 'MCP client configuration' }).locator('pre').textContent()) ??
      '';
    expect(config).toContain('Bearer <your API token>');
    expect(config).not.toContain(rig.t.admin.token);
    const listed = await page.evaluate(
      async ({ url, token }) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
        return (await res.json()) as { result: { tools: { name: string }[] } };
      },
      { url: endpoint, token: rig.t.admin.token },
    );
    expect(listed.result.tools.map((t) => t.name)).toContain('ListTickets');
    await shot('3-connections');
  });

  it('runs an action and shows the request sent, secrets masked, and the response', async () => {
    await page.goto(`${rig.url}/console/connectors/brightdesk/operations/ListTickets`);
    await page.getByRole('heading', { level: 1, name: 'List tickets' }).waitFor();
    // Dynamic values: the team drop-down is loaded through the connection.
    const team = page.getByRole('combobox', { name: 'Team', exact: true });
    await expect.poll(() => team.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    // Enums are selects.
    expect(await page.getByLabel('Status').evaluate((e) => e.tagName)).toBe('SELECT');
    await page.getByRole('button', { name: 'Run' }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await result.getByText('Status 200').waitFor();
    const body = (await page.getByRole('region', { name: 'Response body' }).textContent()) ?? '';
    expect(body).toContain('"value"');
    expect(body).toMatch(/"id": "T-\d+"/);
    const request = (await result.getByRole('region', { name: 'Request' }).textContent()) ?? '';
    expect(request).toContain('GET');
    expect(request).toContain('/tickets');
    // The answer matches the example's response schema.
    const schema = (await result.getByRole('region', { name: 'Response schema' }).textContent()) ?? '';
    expect(schema).toContain('matches');
    expect(await page.content()).not.toContain(rig.demo.apiKey);
    await shot('4-operation-run');
  });

  it('builds a body from the schema, with a dynamic schema rendered as fields', async () => {
    await page.goto(`${rig.url}/console/connectors/brightdesk/operations/CreateTicket`);
    await page.getByRole('heading', { level: 1, name: 'Create a ticket' }).waitFor();
    const team = page.getByRole('combobox', { name: 'Team', exact: true });
    await expect.poll(() => team.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await team.selectOption('billing');
    await page.getByLabel('Subject').fill('Refund for order 1042');
    await page.getByLabel('Requester email').fill('dana@contoso.example');
    await page.getByRole('button', { name: /Load the fields of Custom fields/ }).click();
    await page.getByLabel('Invoice number').fill('INV-2310');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByText('Status 201').waitFor();
    const body = (await page.getByRole('region', { name: 'Response body' }).textContent()) ?? '';
    expect(body).toContain('Refund for order 1042');
    expect(body).toContain('INV-2310');
    // The request body as flowport sent it (after encoding), not only what the form held.
    await page.getByRole('heading', { name: 'Body (as sent)' }).waitFor();
    const sent = (await page.getByRole('region', { name: 'Request body' }).textContent()) ?? '';
    expect(JSON.parse(sent)).toMatchObject({ teamId: 'billing', subject: 'Refund for order 1042' });
    await shot('5-operation-body');
  });

  it('uploads a binary file through a file input, byte for byte', async () => {
    await page.goto(`${rig.url}/console/connectors/brightdesk/operations/AddAttachment`);
    await page.getByRole('heading', { level: 1, name: 'Attach a file to a ticket' }).waitFor();
    await page.getByLabel('Ticket ID').fill('T-1001');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x81]);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: bytes });
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByText('Status 201').waitFor();
    const body = (await page.getByRole('region', { name: 'Response body' }).textContent()) ?? '';
    expect(body).toContain('"size": 8');
    expect(body).toContain('"fileName": "pixel.png"');
    expect(body).toContain('"contentType": "image/png"');
    expect(body).toContain(createHash('sha256').update(bytes).digest('hex'));
  });

  it('creates an OAuth connection through the provider and comes back connected', async () => {
    await page.goto(`${rig.url}/console/connections?connector=brightdesk`);
    await page.getByRole('heading', { level: 2, name: 'New connection' }).waitFor();
    await page.getByLabel('OAuth 2').check();
    await page.getByLabel('Name').fill('Demo by OAuth');
    await Promise.all([
      page.waitForURL(`${rig.url}/console/connections`),
      page.getByRole('button', { name: 'Create and sign in' }).click(),
    ]);
    await page.getByText('Signed in: the connection is connected.').waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Demo by OAuth' });
    await item.waitFor();
    expect(await item.textContent()).toContain('connected');
    await shot('6-oauth-connected');
  });

  it('subscribes to a webhook trigger and shows an event as it arrives', async () => {
    await page.getByRole('link', { name: 'Triggers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Triggers' }).waitFor();
    const missing = page.getByText('This server has no subscriptions API yet');
    const form = page.getByRole('heading', { level: 2, name: 'Subscribe to a trigger' });
    await missing.or(form).first().waitFor();
    if (await missing.isVisible()) {
      console.warn(
        'test/browser: the subscriptions API is not on this server yet; the Triggers page says so.',
      );
      await shot('7-triggers');
      return;
    }
    await page
      .getByLabel('Connection', { exact: true })
      .selectOption({ label: 'Demo by key (brightdesk, connected)' });
    await page.getByLabel('Trigger', { exact: true }).selectOption('OnTicketCreated');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByText(/Subscribed to OnTicketCreated/).waitFor();
    await page.getByText(/Live stream: open/).waitFor();
    rig.demo.createTicket({
      teamId: 'support',
      subject: 'Printer on fire',
      requesterEmail: 'sam@contoso.example',
    });
    const event = page.locator('li.event').first();
    await event.waitFor({ timeout: 20_000 });
    await event.getByText('Body').click();
    expect(await event.textContent()).toContain('Printer on fire');
    await shot('7-triggers');
  });

  it('shows a delivery that failed as dead, and replays it once the sink answers', async () => {
    if (!(await page.getByRole('heading', { level: 2, name: 'Subscribe to a trigger' }).isVisible())) return;
    let sinkStatus = 500;
    const received: { signature: string | undefined; body: string }[] = [];
    const sink = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ signature: req.headers['x-flowport-signature'] as string | undefined, body });
        res.writeHead(sinkStatus).end();
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    try {
      const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/hook`;
      await page.getByLabel('Trigger', { exact: true }).selectOption('OnTicketCreated');
      await page.getByLabel('Deliver events to (URL, optional)').fill(sinkUrl);
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await page.getByText(/Signing secret \(shown once\)/).waitFor();
      await page.getByText(/Live stream: open/).waitFor();
      rig.demo.createTicket({
        teamId: 'billing',
        subject: 'Invoice twice',
        requesterEmail: 'kim@contoso.example',
      });
      const event = page.locator('li.event').first();
      const replay = event.getByRole('button', { name: /^Replay #\d+$/ });
      await replay.waitFor({ timeout: 20_000 });
      expect(await event.textContent()).toContain('dead');
      expect(received.length).toBe(2);
      await shot('7b-triggers-dead');
      sinkStatus = 200;
      await page.getByLabel('Show').selectOption('dead');
      expect(await page.locator('li.event').count()).toBe(1);
      await replay.click();
      await page.getByLabel('Show').selectOption('all');
      await event.getByText('delivered').waitFor({ timeout: 20_000 });
      expect(received.length).toBe(3);
      expect(received[2]!.body).toContain('Invoice twice');
    } finally {
      sink.close();
    }
  });

  it('subscribes to a polling trigger at an interval and shows the changes it finds', async () => {
    if (!(await page.getByRole('heading', { level: 2, name: 'Subscribe to a trigger' }).isVisible())) return;
    await page.getByLabel('Trigger', { exact: true }).selectOption('OnTicketChanged');
    await page.getByLabel('Polling interval (seconds)').fill('1');
    await page.getByLabel('Deliver events to (URL, optional)').fill('');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByText(/^Subscribed to OnTicketChanged\.$/).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: 'OnTicketChanged' });
    expect(await card.textContent()).toContain('polling every 1 s');
    await page.getByText(/Live stream: open/).waitFor();
    rig.demo.createTicket({
      teamId: 'it-ops',
      subject: 'Badge reader offline',
      requesterEmail: 'ops@contoso.example',
    });
    const event = page.locator('li.event').filter({ hasText: 'Badge reader offline' });
    // Event bodies are in the page even while their <details> are closed.
    await event.first().waitFor({ state: 'attached', timeout: 20_000 });
    await event.first().locator('summary').click();
    await shot('7c-triggers-polling');
  });

  it('shows the validation report grouped by severity and rule, with source lines and the rule doc', async () => {
    const report = await rig.api<{ findings: { ruleId: string; severity: string; line?: number }[] }>(
      'GET',
      '/api/v1/connectors/brightdesk/validation',
    );
    expect(report.findings.length).toBeGreaterThan(0);
    await page.goto(`${rig.url}/console/connectors/brightdesk/validation`);
    await page.getByRole('heading', { level: 1, name: /Validation report/ }).waitFor();
    const titles = { error: 'Errors', warning: 'Warnings', info: 'Information' } as const;
    for (const severity of ['error', 'warning', 'info'] as const) {
      const count = report.findings.filter((f) => f.severity === severity).length;
      const heading = page.getByRole('heading', { level: 2, name: `${titles[severity]} (${count})` });
      expect(await heading.count(), severity).toBe(count > 0 ? 1 : 0);
    }
    for (const ruleId of new Set(report.findings.map((f) => f.ruleId))) {
      expect(await page.getByRole('link', { name: `About the rule ${ruleId}` }).count(), ruleId).toBe(1);
    }
    // Source lines of a finding with a position, its line marked.
    const source = page.getByRole('region', { name: /Source lines/ }).first();
    await source.waitFor();
    expect(await source.locator('.hit').count()).toBe(1);
    await shot('8-validation');
    const link = page.getByRole('link', { name: /About the rule/ }).first();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/docs\/rules\/[a-z0-9-]+$/);
    const doc = await context.newPage();
    await doc.goto(`${rig.url}${href}`);
    expect(await doc.locator('h1').count()).toBeGreaterThan(0);
    await doc.close();
  });

  it('fits a narrow window without sideways scrolling', async () => {
    await page.setViewportSize({ width: 380, height: 800 });
    for (const path of [
      '/console/',
      '/console/connections',
      '/console/connectors/brightdesk/operations/ListTickets',
    ]) {
      await page.goto(`${rig.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await shot('9-narrow-operation');
  });

  it('passes axe-core (WCAG 2 A and AA) on every page', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const pages = [
      '/console/',
      '/console/connectors/brightdesk',
      '/console/connectors/brightdesk/operations/CreateTicket',
      '/console/connections',
      '/console/triggers',
      '/console/connectors/brightdesk/validation',
    ];
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(`${rig.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      // Evaluated through the DevTools protocol, which the page's CSP does not govern.
      await page.evaluate(axe);
      const violations = await page.evaluate<
        { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]
      >(
        `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
      );
      for (const v of violations)
        found.push(
          `${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    }
    // And the sign-in form, once the token is gone.
    await page.evaluate('sessionStorage.clear()');
    await page.goto(`${rig.url}/console/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to flowport' }).waitFor();
    await page.evaluate(axe);
    const signIn = await page.evaluate<{ id: string }[]>(
      `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => ({ id: v.id })))`,
    );
    for (const v of signIn) found.push(`sign-in: ${v.id}`);
    await shot('10-sign-in');
    expect(found).toEqual([]);
  });

  it('logged no script errors', () => {
    expect(problems).toEqual([]);
  });
});
