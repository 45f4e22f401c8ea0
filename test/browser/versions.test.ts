/**
 * Versions and what they break, in headless Chromium: an admin imports a new version of Tasklane
 * without one of its operations and sees, under the import form, what it breaks for flows built on
 * the previous version; the versions page lists both, and the changes page compares any two.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type ConsoleRig,
  ensureConsoleBuilt,
  failureScreenshot,
  haveChromium,
  launchChromium,
  overflow,
  SCREENSHOTS,
  startRig,
  watchedPage,
} from './harness.ts';

const TASKLANE = new URL('../../examples/tasklane/', import.meta.url).pathname;
const swagger = JSON.parse(readFileSync(join(TASKLANE, 'apiDefinition.swagger.json'), 'utf8'));
const listProjects = swagger.paths['/projects'].get.operationId as string;

/** Tasklane's files, the swagger changed by `edit`, as the browser's file input takes them. */
function tasklane(edit?: (s: typeof swagger) => void) {
  return readdirSync(TASKLANE).map((name) => {
    let buffer = readFileSync(join(TASKLANE, name));
    if (name === 'apiDefinition.swagger.json' && edit) {
      const copy = structuredClone(swagger);
      edit(copy);
      buffer = Buffer.from(JSON.stringify(copy, null, 2));
    }
    return { name, mimeType: name.endsWith('.png') ? 'image/png' : 'text/plain', buffer };
  });
}

const withoutListProjects = (s: typeof swagger) => {
  delete s.paths['/projects'].get;
};

describe.skipIf(!haveChromium)('connector versions in the console', () => {
  let rig: ConsoleRig;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const form = () => page.getByRole('form', { name: 'Import a connector' });
  const outcome = () => form().getByRole('status');

  beforeAll(async () => {
    await ensureConsoleBuilt();
    rig = await startRig();
    const files = tasklane().map((f) => ({ name: f.name, content: f.buffer.toString('base64') }));
    await rig.api('POST', '/api/v1/connectors', { files });
    browser = await launchChromium();
    page = await watchedPage(browser, problems);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await failureScreenshot(page, 'versions', ctx.task.name);
  });

  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });

  it('says under the import form what a new version breaks for flows built on the previous one', async () => {
    await page.goto(`${rig.url}/console/#token=${rig.t.admin.token}`);
    await page.locator('summary', { hasText: 'Import a connector' }).click();
    await page.getByLabel('Connector files').setInputFiles(tasklane(withoutListProjects));
    await form().getByRole('button', { name: 'Import', exact: true }).click();
    await outcome().getByText('Imported Tasklane (tasklane) as version 2.').waitFor();
    const text = await outcome().textContent();
    expect(text).toContain('Against version 1: 1 breaking change major update');
    const change = outcome().locator('.changes > li');
    expect(await change.count()).toBe(1);
    expect(await change.textContent()).toContain(
      'The operation has been deleted. This change breaks existing flows.',
    );
    expect(await change.textContent()).toContain(`operation/${listProjects}`);
    // The kind links to its section of the breaking-changes doc, where the fix is.
    expect(await change.getByRole('link').getAttribute('href')).toBe(
      '/docs/breaking-changes#operation-deleted',
    );
    await page.screenshot({ path: join(SCREENSHOTS, '12-import-breaking.png'), fullPage: true });
  });

  it('opens the changes page from the outcome, and compares with another version', async () => {
    await outcome()
      .getByRole('link', { name: /What the version changes/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /Version 2 against version 1/ }).waitFor();
    expect(page.url()).toBe(`${rig.url}/console/connectors/tasklane/versions/2/changes`);
    await page
      .getByText('1 breaking change, 0 warnings, 0 notes; certification would review it as a major update.')
      .waitFor();
    const list = page.locator('.changes > li');
    expect(await list.count()).toBe(1);
    expect(await list.textContent()).toMatch(/version 1, line \d+:\d+/);
    // A third version changes only the readme; against version 1 it still lacks the operation.
    const readme = `${readFileSync(join(TASKLANE, 'readme.md'), 'utf8')}\nChanged.\n`;
    const files = tasklane(withoutListProjects).map((f) => ({
      name: f.name,
      content: (f.name === 'readme.md' ? Buffer.from(readme) : f.buffer).toString('base64'),
    }));
    await rig.api('POST', '/api/v1/connectors', { files });
    await page.goto(`${rig.url}/console/connectors/tasklane/versions/3/changes`);
    await page.getByRole('heading', { level: 1, name: /Version 3 against version 2/ }).waitFor();
    expect(await page.locator('h1').textContent()).toContain('minor update');
    await page.getByText(/^None: every action, trigger/).waitFor();
    await page.getByLabel('Compare with version').selectOption('1');
    await page.getByRole('heading', { level: 1, name: /Version 3 against version 1/ }).waitFor();
    expect(page.url()).toBe(`${rig.url}/console/connectors/tasklane/versions/3/changes?from=1`);
    expect(await page.locator('.changes > li').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toContain('major update');
  });

  it('lists the versions newest first, each linked to what it changed', async () => {
    await page.goto(`${rig.url}/console/connectors/tasklane`);
    await page.getByRole('link', { name: 'Versions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Versions' }).waitFor();
    const titles = await page.locator('.version-title').allTextContents();
    expect(titles).toEqual(['Version 3latest', 'Version 2', 'Version 1']);
    // The first version has nothing before it to compare with.
    expect(await page.getByRole('link', { name: /^What version/ }).count()).toBe(2);
    await page.getByRole('link', { name: /What version 2 changes/ }).click();
    await page.getByRole('heading', { level: 1, name: /Version 2 against version 1/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '12b-version-changes.png'), fullPage: true });
  });

  it('says so when a version does not exist', async () => {
    await page.goto(`${rig.url}/console/connectors/tasklane/versions/9/changes`);
    await page
      .getByRole('alert')
      .getByText(/has no version 9/)
      .waitFor();
  });

  it('passes axe-core on the versions and changes pages, and fits a narrow window', async () => {
    await page.setViewportSize({ width: 380, height: 800 });
    for (const path of ['versions', 'versions/2/changes', 'versions/3/changes?from=1']) {
      await page.goto(`${rig.url}/console/connectors/tasklane/${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('.version-title, .changes, .compare-with').first().waitFor();
      expect(await axeViolations(page), path).toEqual([]);
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
    }
  });

  it('marks the findings `flowport validate --fix` can fix on the validation report', async () => {
    const files = tasklane((s) => {
      for (const item of Object.values(s.paths) as Record<
        string,
        { parameters?: Record<string, unknown>[] }
      >[])
        for (const op of Object.values(item))
          for (const p of op.parameters ?? []) if (p.in === 'path') delete p['x-ms-url-encoding'];
    }).map((f) => ({ name: f.name, content: f.buffer.toString('base64') }));
    await rig.api('POST', '/api/v1/connectors', { files });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${rig.url}/console/connectors/tasklane/validation`);
    const notice = page.locator('.notice', { hasText: 'flowport validate --fix' });
    await notice.waitFor();
    const { findings } = await rig.api<{ findings: { fixable: boolean }[] }>(
      'GET',
      '/api/v1/connectors/tasklane/validation',
    );
    const fixable = findings.filter((f) => f.fixable).length;
    expect(fixable).toBeGreaterThan(0);
    expect(await notice.textContent()).toContain(
      `${fixable} finding${fixable === 1 ? '' : 's'} marked fixable`,
    );
    expect(await page.locator('.finding .badge', { hasText: 'fixable' }).count()).toBe(fixable);
  });

  it('lets an admin fix them: the changes are stored as a new version and the report shows it', async () => {
    const before = await rig.api<{ version: number; findings: { fixable: boolean }[] }>(
      'GET',
      '/api/v1/connectors/tasklane/validation',
    );
    const fixable = before.findings.filter((f) => f.fixable).length;
    // A look at the changes first: a diff, and no version made.
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    const diff = page.getByRole('region', { name: 'Changes the fix would make' });
    await diff.waitFor();
    const added = await diff.locator('.add').allTextContents();
    expect(added.some((line) => /^\+\s+"x-ms-url-encoding": "single"$/.test(line))).toBe(true);
    expect(await diff.locator('.file').allTextContents()).toEqual([
      '--- a/apiDefinition.swagger.json',
      '+++ b/apiDefinition.swagger.json',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, '12c-fix-preview.png') });
    expect(
      (await rig.api<{ version: number }>('GET', '/api/v1/connectors/tasklane/validation')).version,
    ).toBe(before.version);
    await page.getByRole('button', { name: `Fix ${fixable} finding${fixable === 1 ? '' : 's'}` }).click();
    const next = before.version + 1;
    await page
      .getByRole('status')
      .getByText(
        `Fixed ${fixable} finding${fixable === 1 ? '' : 's'} in apiDefinition.swagger.json: stored as version ${next}, shown below.`,
      )
      .waitFor();
    await page.getByText(`Version ${next}, preset`).waitFor();
    expect(await page.locator('.finding .badge', { hasText: 'fixable' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Fix / }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Changes the fix would make' }).count()).toBe(0);
    // Adding `x-ms-url-encoding` breaks no flow.
    expect(await page.getByRole('status').textContent()).toContain(
      `Against version ${before.version}: breaks nothing`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, '12d-fixed.png'), fullPage: true });
  });

  it('tells a maker to fix their copy, with no button', async () => {
    const files = tasklane((s) => {
      s.paths['/projects'].get.summary = 'List projects.';
    }).map((f) => ({ name: f.name, content: f.buffer.toString('base64') }));
    await rig.api('POST', '/api/v1/connectors?preset=certification', { files });
    await page.goto(`${rig.url}/console/#token=${rig.t.maker.token}`);
    await page.goto(`${rig.url}/console/connectors/tasklane/validation`);
    const notice = page.locator('.notice', { hasText: 'marked fixable' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      'can be fixed in your copy of the connector with flowport validate --fix',
    );
    expect(await page.getByRole('button', { name: /^Fix / }).count()).toBe(0);
    // …but can look at the changes, to make them in their copy.
    await page.getByRole('button', { name: 'Preview the changes' }).click();
    const diff = page.getByRole('region', { name: 'Changes the fix would make' });
    await diff.waitFor();
    const added = await diff.locator('.add').allTextContents();
    expect(added.some((line) => /^\+\s+"summary": "List projects",$/.test(line))).toBe(true);
  });

  it('logged no script errors but the refused version', () => {
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
  });
});
