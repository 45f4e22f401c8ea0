/**
 * The console's folder picker (`x-ms-dynamic-tree`) against a small files API: browse the roots,
 * open a folder, choose a file, run the action with it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/server/free-port.ts';
import { listen, type RunningServer } from '../../src/server/lifecycle.ts';
import {
  type Backend,
  createTestServer,
  startBackend,
  type TestServer,
  uploadFrom,
} from '../../src/server/testing.ts';
import { ensureConsoleBuilt, haveChromium, launchChromium, WEB_DIST } from './harness.ts';

const isFolder = '(is_folder eq true)';
const swagger = {
  swagger: '2.0',
  info: { title: 'Shelf', version: '1.0', description: 'Files on a shelf.' },
  host: 'shelf.example',
  basePath: '/',
  schemes: ['https'],
  paths: {
    '/folders': {
      get: {
        operationId: 'ListRoot',
        'x-ms-visibility': 'internal',
        responses: { 200: { description: 'Items.' } },
      },
    },
    '/folders/children': {
      get: {
        operationId: 'ListFolder',
        'x-ms-visibility': 'internal',
        parameters: [{ name: 'path', in: 'query', required: true, type: 'string' }],
        responses: { 200: { description: 'Items.' } },
      },
    },
    '/read': {
      get: {
        operationId: 'ReadFile',
        summary: 'Read a file',
        parameters: [
          {
            name: 'path',
            in: 'query',
            required: true,
            type: 'string',
            'x-ms-summary': 'File',
            'x-ms-dynamic-tree': {
              settings: { canSelectParentNodes: false, canSelectLeafNodes: true },
              open: {
                operationId: 'ListRoot',
                itemValuePath: 'path',
                itemTitlePath: 'name',
                itemIsParent: isFolder,
              },
              browse: {
                operationId: 'ListFolder',
                itemValuePath: 'path',
                itemTitlePath: 'name',
                itemIsParent: isFolder,
                parameters: { path: { selectedItemValuePath: 'path' } },
              },
            },
          },
        ],
        responses: { 200: { description: 'The file.' } },
      },
    },
  },
};

describe.skipIf(!haveChromium)('the tree picker in Chromium', () => {
  let backend: Backend;
  let t: TestServer;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    await ensureConsoleBuilt();
    backend = await startBackend((r) => {
      const u = new URL(r.url, 'http://x');
      if (u.pathname === '/folders')
        return {
          body: [
            { path: '/docs', name: 'docs', is_folder: true },
            { path: '/readme.txt', name: 'readme.txt', is_folder: false },
          ],
        };
      if (u.pathname === '/folders/children' && u.searchParams.get('path') === '/docs')
        return { body: [{ path: '/docs/plan.txt', name: 'plan.txt', is_folder: false }] };
      if (u.pathname === '/read') return { body: { path: u.searchParams.get('path'), text: 'The plan.' } };
      return { status: 404, body: { error: 'not found' } };
    });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    t = await createTestServer({
      publicUrl: url,
      console: { dir: WEB_DIST },
      backendOverrides: { shelf: backend.url },
    });
    server = await listen(t.app, { port, signals: [], shutdownTimeoutMs: 2000 });
    expect(
      (await t.call(t.admin, 'POST', '/api/v1/connectors?id=shelf', { files: uploadFrom(swagger) }))
        .statusCode,
    ).toBe(201);
    expect(
      (await t.call(t.admin, 'POST', '/api/v1/connections', { connectorId: 'shelf', values: {} })).statusCode,
    ).toBe(201);
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
    await backend?.close();
  });

  it('browses into a folder, chooses a file and runs the action with it', async () => {
    await page.goto(`${url}/console/connectors/shelf/operations/ReadFile#token=${t.admin.token}`);
    await page.getByRole('heading', { level: 1, name: 'Read a file' }).waitFor();
    await page.getByRole('button', { name: 'Browse…' }).click();
    const tree = page.getByRole('group', { name: 'Browse File' });
    await tree.getByRole('button', { name: 'Choose readme.txt' }).waitFor();
    // Folders open but are not chosen (canSelectParentNodes: false); files are chosen.
    expect(await tree.getByRole('button', { name: 'Choose docs' }).count()).toBe(0);
    await tree.getByRole('button', { name: 'Open docs' }).click();
    await tree.getByRole('button', { name: 'Choose plan.txt' }).click();
    expect(await page.getByRole('textbox', { name: 'File' }).inputValue()).toBe('/docs/plan.txt');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByText('Status 200').waitFor();
    expect(await page.getByRole('region', { name: 'Response body' }).textContent()).toContain('The plan.');
    expect(backend.requests.map((r) => r.url)).toEqual([
      '/folders',
      '/folders/children?path=%2Fdocs',
      '/read?path=%2Fdocs%2Fplan.txt',
    ]);
  });
});
