/**
 * Importing a connector from the console's gallery, in headless Chromium: an admin imports Tasklane
 * from its loose files (again: unchanged) and Parcelwise from a zip, sees the outcome, the validation
 * summary the server stored and the new cards; problems show the server's words; a maker sees no form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleRig,
  ensureConsoleBuilt,
  haveChromium,
  launchChromium,
  SCREENSHOTS,
  startRig,
  watchedPage,
} from './harness.ts';

const examples = new URL('../../examples/', import.meta.url).pathname;
const filesOf = (name: string) => readdirSync(join(examples, name)).map((f) => join(examples, name, f));

/** Tasklane's files, `ListProjects` without responses: one error, so the summary has a count to show. */
function tasklaneWithAnError() {
  return filesOf('tasklane').map((path) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    let buffer = readFileSync(path);
    if (name === 'apiDefinition.swagger.json') {
      const swagger = JSON.parse(buffer.toString('utf8'));
      delete swagger.paths['/projects'].get.responses;
      buffer = Buffer.from(JSON.stringify(swagger, null, 2));
    }
    return { name, mimeType: name.endsWith('.png') ? 'image/png' : 'text/plain', buffer };
  });
}

interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

describe.skipIf(!haveChromium)('connector import in the console', () => {
  let rig: ConsoleRig;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const form = () => page.getByRole('form', { name: 'Import a connector' });
  const outcome = () => form().getByRole('status');
  const importButton = () => form().getByRole('button', { name: 'Import', exact: true });
  const summaryOf = async (id: string) =>
    (await rig.api<{ summary: Summary }>('GET', `/api/v1/connectors/${id}/validation`)).summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

  beforeAll(async () => {
    await ensureConsoleBuilt();
    rig = await startRig();
    browser = await launchChromium();
    // The refused uploads below answer 413 and 422 on purpose.
    page = await watchedPage(browser, problems, /status of (413|422)/);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await page.screenshot({
        path: join(SCREENSHOTS, `failed-import-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`),
        fullPage: true,
      });
  });

  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });

  it('opens the form from the gallery by keyboard', async () => {
    await page.goto(`${rig.url}/console/#token=${rig.t.admin.token}`);
    await page.getByRole('heading', { level: 1, name: 'Connectors' }).waitFor();
    const summary = page.locator('summary', { hasText: 'Import a connector' });
    await summary.waitFor();
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Connector files').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.id')).toBe('import-files');
    expect(await importButton().isDisabled()).toBe(true);
  });

  it('imports a connector from its loose files and shows it with its validation summary', async () => {
    await page.getByLabel('Connector files').setInputFiles(tasklaneWithAnError());
    await importButton().click();
    await outcome().getByText('Imported Tasklane (tasklane) as version 1.').waitFor();
    const { errors, warnings, infos } = await summaryOf('tasklane');
    expect(errors).toBeGreaterThan(0);
    expect(await outcome().textContent()).toContain(
      `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}.`,
    );
    expect(await outcome().locator('.badge.bad').textContent()).toBe(plural(errors, 'error'));
    // Findings never refuse an import: the card is there, its badge as the outcome's.
    const card = page.locator('.gallery > li').filter({ hasText: 'Tasklane' });
    await card.waitFor();
    expect(await card.locator('.badge').textContent()).toBe(plural(errors, 'error'));
    expect(await page.locator('.gallery > li').count()).toBe(2);
    // The same files again make no version.
    await importButton().click();
    await outcome()
      .getByText(/^Unchanged: the files equal version 1 of Tasklane \(tasklane\)/)
      .waitFor();
    const { versions } = await rig.api<{ versions: unknown[] }>(
      'GET',
      '/api/v1/connectors/tasklane/versions',
    );
    expect(versions).toHaveLength(1);
  });

  it('imports a zip of a connector folder under the id given', async () => {
    const folder: Record<string, Uint8Array> = {};
    for (const path of filesOf('parcelwise'))
      folder[`parcelwise/${path.slice(path.lastIndexOf('/') + 1)}`] = readFileSync(path);
    await page.getByLabel('Connector files').setInputFiles({
      name: 'parcelwise.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipSync(folder)),
    });
    await page.getByLabel('Connector id (optional)').fill('parcels');
    await page.getByLabel('Validation preset').selectOption('certification');
    await importButton().click();
    await outcome().getByText('Imported Parcelwise (parcels) as version 1.').waitFor();
    const { preset, errors } = (
      await rig.api<{ summary: Summary & { preset: string } }>('GET', '/api/v1/connectors/parcels/validation')
    ).summary;
    expect(preset).toBe('certification');
    expect(await outcome().textContent()).toContain(`Preset certification: ${plural(errors, 'error')}`);
    await page.locator('.gallery > li').filter({ hasText: 'Parcelwise' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '11-import.png'), fullPage: true });
  });

  it('makes a connector from one OpenAPI file and shows what was not carried over exactly', async () => {
    const openapi = [
      'openapi: 3.0.3',
      "info: {title: Fleet Tracker, version: '1'}",
      "servers: [{url: 'https://fleet.contoso.com/v1'}]",
      'paths:',
      '  /vehicles/{id}:',
      '    get:',
      '      operationId: getVehicle',
      '      parameters: [{name: id, in: path, required: true, schema: {type: string}}, {name: session, in: cookie, schema: {type: string}}]',
      "      responses: {'200': {description: A vehicle, content: {application/json: {schema: {type: object}}}}}",
    ].join('\n');
    await page.getByLabel('Connector id (optional)').fill('');
    await page.getByLabel('Validation preset').selectOption('recommended');
    await page
      .getByLabel('Connector files')
      .setInputFiles({ name: 'fleet.yaml', mimeType: 'application/yaml', buffer: Buffer.from(openapi) });
    await importButton().click();
    await outcome().getByText('Imported Fleet Tracker (fleet-tracker) as version 1.').waitFor();
    expect(await outcome().textContent()).toContain(
      'Made from fleet.yaml (OpenAPI 3.0): 1 of 1 operations converted',
    );
    const losses = outcome().locator('details');
    await losses.locator('summary').click();
    expect(await losses.locator('li').filter({ hasText: 'cookie parameter' }).count()).toBe(1);
    await page.locator('.gallery > li').filter({ hasText: 'Fleet Tracker' }).waitFor();
  });

  it('imports an API description from a URL, which the server fetches', async () => {
    const yaml = [
      'openapi: 3.0.3',
      "info: {title: Depot Finder, version: '1'}",
      "servers: [{url: 'https://depots.contoso.com/v1'}]",
      'paths:',
      '  /depots:',
      '    get:',
      '      operationId: listDepots',
      "      responses: {'200': {description: Depots, content: {application/json: {schema: {type: array, items: {type: object}}}}}}",
    ].join('\n');
    const specs = createServer((req, res) => {
      if (req.url === '/depots.yaml') res.writeHead(200, { 'content-type': 'application/yaml' }).end(yaml);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => specs.listen(0, '127.0.0.1', resolve));
    const specsUrl = `http://127.0.0.1:${(specs.address() as AddressInfo).port}`;
    try {
      await page.getByLabel('Connector id (optional)').fill('');
      await page.getByLabel('Connector files').setInputFiles([]);
      await page.getByLabel('Or the URL of an API description').fill(`${specsUrl}/depots.yaml`);
      await importButton().click();
      await outcome().getByText('Imported Depot Finder (depot-finder) as version 1.').waitFor();
      expect(await outcome().textContent()).toContain('Made from depots.yaml (OpenAPI 3.0)');
      // Files and a URL together: refused before anything is sent.
      await page.getByLabel('Connector files').setInputFiles(join(examples, 'tasklane', 'readme.md'));
      await importButton().click();
      await form()
        .getByRole('alert')
        .getByText(/either files or the URL of an API description, not both/)
        .waitFor();
      // A URL the server cannot fetch: its words.
      await page.getByLabel('Connector files').setInputFiles([]);
      await page.getByLabel('Or the URL of an API description').fill(`${specsUrl}/gone.yaml`);
      await importButton().click();
      await form()
        .getByRole('alert')
        .getByText(/the server answered 404/)
        .waitFor();
    } finally {
      await page.getByLabel('Or the URL of an API description').fill('');
      await new Promise<void>((resolve) => specs.close(() => resolve()));
    }
  });

  it('imports a description split over files chosen together', async () => {
    const root = [
      'openapi: 3.0.3',
      "info: {title: Route Planner, version: '1'}",
      "servers: [{url: 'https://routes.contoso.com/v1'}]",
      'paths:',
      '  /routes/{id}:',
      '    get:',
      '      operationId: getRoute',
      '      parameters: [{name: id, in: path, required: true, schema: {type: string}}]',
      "      responses: {'200': {description: A route, content: {application/json: {schema: {$ref: 'route.yaml'}}}}}",
    ].join('\n');
    await page.getByLabel('Connector id (optional)').fill('');
    await page.getByLabel('Connector files').setInputFiles([
      { name: 'routes.yaml', mimeType: 'application/yaml', buffer: Buffer.from(root) },
      {
        name: 'route.yaml',
        mimeType: 'application/yaml',
        buffer: Buffer.from('{type: object, properties: {stops: {type: integer}}}'),
      },
    ]);
    await importButton().click();
    await outcome().getByText('Imported Route Planner (route-planner) as version 1.').waitFor();
    expect(await outcome().textContent()).toContain('Made from routes.yaml (OpenAPI 3.0)');
  });

  it('shows why an upload was refused, in the words of the server', async () => {
    await page.getByLabel('Connector id (optional)').fill('');
    await page.getByLabel('Validation preset').selectOption('recommended');
    await page.getByLabel('Connector files').setInputFiles(join(examples, 'tasklane', 'readme.md'));
    await importButton().click();
    const alert = form().getByRole('alert');
    await alert.getByText(/no apiDefinition\.swagger\.json/).waitFor();
    expect(await alert.textContent()).toContain('(IMPORT_INVALID)');
    expect(await outcome().textContent()).toBe('');

    // Past the server's 10 MiB import limit (random bytes: no compression hides them).
    const big = Buffer.alloc(11 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 65536) big.set(crypto.getRandomValues(new Uint8Array(65536)), i);
    await page
      .getByLabel('Connector files')
      .setInputFiles({ name: 'huge.zip', mimeType: 'application/zip', buffer: big });
    await importButton().click();
    await alert.getByText('(BODY_TOO_LARGE)').waitFor();

    // A zip and loose files together: refused before anything is sent.
    await page.getByLabel('Connector files').setInputFiles([
      { name: 'a.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync({})) },
      { name: 'readme.md', mimeType: 'text/markdown', buffer: Buffer.from('# Hi') },
    ]);
    await importButton().click();
    await alert.getByText(/either one \.zip .* or its files, not both/).waitFor();
  });

  it('links the outcome to the validation report', async () => {
    await page.getByLabel('Connector files').setInputFiles(tasklaneWithAnError());
    await importButton().click();
    await outcome()
      .getByText(/^Unchanged/)
      .waitFor();
    await outcome().getByRole('link', { name: 'Validation report of Tasklane' }).click();
    await page.getByRole('heading', { level: 1, name: /Validation report/ }).waitFor();
    expect(page.url()).toBe(`${rig.url}/console/connectors/tasklane/validation`);
  });

  it('passes axe-core with the form open, with an outcome and with a problem shown', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const check = async () => {
      await page.waitForLoadState('networkidle');
      // Evaluated through the DevTools protocol, which the page's CSP does not govern.
      if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(axe);
      return page.evaluate<{ id: string; targets: string[] }[]>(
        `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) })))`,
      );
    };
    await page.goto(`${rig.url}/console/`);
    await page.locator('summary', { hasText: 'Import a connector' }).click();
    await page.getByLabel('Connector files').setInputFiles(tasklaneWithAnError());
    await importButton().click();
    await outcome()
      .getByText(/^Unchanged/)
      .waitFor();
    expect(await check()).toEqual([]);
    await page.getByLabel('Connector files').setInputFiles(join(examples, 'tasklane', 'readme.md'));
    await importButton().click();
    await form().getByRole('alert').waitFor();
    expect(await check()).toEqual([]);
  });

  it('fits a narrow window with the form open and an outcome shown', async () => {
    await page.setViewportSize({ width: 380, height: 800 });
    await page.getByLabel('Connector files').setInputFiles(tasklaneWithAnError());
    await importButton().click();
    await outcome()
      .getByText(/^Unchanged/)
      .waitFor();
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, '11b-import-narrow.png'), fullPage: true });
  });

  it('shows no import form to a maker', async () => {
    const maker = await browser.newPage();
    try {
      await maker.goto(`${rig.url}/console/#token=${rig.t.maker.token}`);
      await maker.getByRole('heading', { level: 1, name: 'Connectors' }).waitFor();
      // The role is known once `users/me` answered; the cards load meanwhile.
      await maker.getByText('(maker)').waitFor();
      await maker.locator('.gallery > li').first().waitFor();
      expect(await maker.getByText('Import a connector').count()).toBe(0);
      expect(await maker.locator('input[type="file"]').count()).toBe(0);
    } finally {
      await maker.close();
    }
  });

  it('logged no script errors', () => {
    expect(problems).toEqual([]);
  });
});
