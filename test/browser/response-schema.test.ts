/**
 * "Use this answer as the response schema" in headless Chromium: Brightdesk's `ListTeams` loses its
 * response schema in a new version; running it in the console shows the difference, the admin
 * previews the schema made from the answer and stores it as a version; the next run matches.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  brightdeskUpload,
  type ConsoleRig,
  ensureConsoleBuilt,
  failureScreenshot,
  haveChromium,
  launchChromium,
  SCREENSHOTS,
  startRig,
  watchedPage,
} from './harness.ts';

describe.skipIf(!haveChromium)('response schemas in the console', () => {
  let rig: ConsoleRig;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    await ensureConsoleBuilt();
    rig = await startRig();
    // A version of Brightdesk whose ListTeams declares no response schema.
    const files = brightdeskUpload(rig.demo.url).map((f) => {
      if (f.name !== 'apiDefinition.swagger.json') return f;
      const swagger = JSON.parse(Buffer.from(f.content, 'base64').toString('utf8'));
      delete swagger.paths['/teams'].get.responses['200'].schema;
      return { name: f.name, content: Buffer.from(JSON.stringify(swagger, null, 2)).toString('base64') };
    });
    await rig.api('POST', '/api/v1/connectors?id=brightdesk', { files });
    await rig.api('POST', '/api/v1/connections', {
      connectorId: 'brightdesk',
      name: 'Demo by key',
      parameterSet: 'api-key',
      values: { api_key: rig.demo.apiKey },
    });
    browser = await launchChromium();
    page = await watchedPage(browser, problems);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await failureScreenshot(page, 'response-schema', ctx.task.name);
  });

  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });

  it('makes the schema from an answer, stores it as a version, and the next answer matches it', async () => {
    await page.goto(`${rig.url}/console/#token=${rig.t.admin.token}`);
    await page.goto(`${rig.url}/console/connectors/brightdesk/operations/ListTeams`);
    await page.getByRole('button', { name: 'Run' }).click();
    const schema = page.getByRole('region', { name: 'Response schema' });
    await schema.getByText('1 difference').waitFor();
    expect(await schema.textContent()).toContain('declares no schema, but the API answered with JSON');
    await schema.getByRole('button', { name: 'Use this answer as the response schema' }).click();
    const inferred = schema.getByRole('region', { name: 'Inferred schema' });
    await inferred.waitFor();
    expect(await inferred.textContent()).toContain('"x-ms-summary"');
    await page.screenshot({ path: join(SCREENSHOTS, '14-response-schema.png'), fullPage: true });
    await schema.getByRole('button', { name: 'Store it as a new version' }).click();
    await schema.getByText(/Stored as version 3 of brightdesk/).waitFor();
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('region', { name: 'Response schema' }).getByText('matches').waitFor();
    expect(problems).toEqual([]);
  });
});
