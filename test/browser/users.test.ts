/**
 * The Users and API tokens pages in headless Chromium: an admin creates a user and a token for them,
 * the new user signs in with it, creates and revokes a token of their own and cannot see Users.
 * Token values appear once on screen and never in a request URL or in storage beyond the session's.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
} from './harness.ts';

interface TokenInfo {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly revokedAt?: string;
  readonly expiresAt?: string;
}

const DAY = 86_400_000;
/** Days from now to `iso`. */
const daysUntil = (iso: string | undefined) => (Date.parse(iso ?? '') - Date.now()) / DAY;
interface User {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

describe.skipIf(!haveChromium)('users and API tokens in the console', () => {
  let rig: ConsoleRig;
  let browser: Browser;
  let adminContext: BrowserContext;
  let makerContext: BrowserContext;
  let admin: Page;
  let dana: Page;
  const problems: string[] = [];
  const requested: string[] = [];
  const secrets: Record<string, string> = {};

  const watch = (page: Page) => {
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // Demoting the last admin answers 409, and a disabled user's console 401, on purpose.
      if (m.type() === 'error' && !/status of (401|409)/.test(m.text()))
        problems.push(`console: ${m.text()}`);
    });
    page.on('request', (r) => requested.push(r.url()));
  };
  const newTokenRegion = (page: Page, name: RegExp) => page.getByRole('region', { name });
  const userRow = (name: string) =>
    admin
      .getByRole('listitem')
      .filter({ has: admin.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) }) });

  beforeAll(async () => {
    await ensureConsoleBuilt();
    rig = await startRig();
    browser = await launchChromium();
    const options = {
      viewport: { width: 1280, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    };
    adminContext = await browser.newContext(options);
    makerContext = await browser.newContext(options);
    admin = await adminContext.newPage();
    dana = await makerContext.newPage();
    watch(admin);
    watch(dana);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      for (const [who, page] of [
        ['admin', admin],
        ['dana', dana],
      ] as const)
        await failureScreenshot(page, `users-${who}`, ctx.task.name);
  });

  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });

  it('shows admins a Users entry in the navigation, reached by keyboard', async () => {
    await admin.goto(`${rig.url}/console/#token=${rig.t.admin.token}`);
    await admin.getByRole('heading', { level: 1, name: 'Connectors' }).waitFor();
    const nav = admin.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Users' }).focus();
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(await admin.evaluate('document.activeElement?.tagName')).toBe('H1');
    expect(await nav.getByRole('link', { name: 'Users' }).getAttribute('aria-current')).toBe('page');
    expect(admin.url()).toBe(`${rig.url}/console/users`);
    for (const name of ['admin', 'maker', 'other']) await userRow(name).waitFor();
    expect(await userRow('admin').textContent()).toContain('(you)');
  });

  it('creates a user and shows their first token once, with a copy button', async () => {
    const form = admin.getByRole('form', { name: 'Create a user' });
    await form.getByLabel('Name', { exact: true }).fill('dana');
    expect(await form.getByLabel('Role').inputValue()).toBe('maker');
    // The first token expires in 30 days unless the admin chooses otherwise.
    expect(await form.getByLabel('Expiration of their first token').inputValue()).toBe('30');
    await form.getByRole('button', { name: 'Create user' }).click();
    const shown = newTokenRegion(admin, /New token “first token” for dana/);
    await shown.waitFor();
    expect(await shown.textContent()).toContain('Copy it now: you will not see it again.');
    const value = shown.getByLabel('The new token');
    secrets.first = await value.inputValue();
    expect(secrets.first).toMatch(/^fp_/);
    // Focus moved to the value, so a screen reader reads it with the warning.
    expect(await admin.evaluate('document.activeElement?.className')).toBe('secret');
    await shown.getByRole('button', { name: 'Copy the token' }).click();
    await shown.getByText('Copied to the clipboard.').waitFor();
    expect(await admin.evaluate('navigator.clipboard.readText()')).toBe(secrets.first);
    await userRow('dana').waitFor();
    const { users } = await rig.api<{ users: User[] }>('GET', '/api/v1/users');
    expect(users.find((u) => u.name === 'dana')?.role).toBe('maker');
    await shown.getByRole('button', { name: 'Done, I have copied it' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await admin.content()).not.toContain(secrets.first);
    // Focus stays in the section, on its heading.
    expect(await admin.evaluate('document.activeElement?.textContent')).toBe('New user');
    // The form is back for the next user.
    await admin.getByRole('form', { name: 'Create a user' }).waitFor();
  });

  it("creates a token for another user from their row and lists that user's tokens", async () => {
    const row = userRow('dana');
    const toggle = row.getByRole('button', { name: 'Tokens of dana' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await row.locator('.token strong', { hasText: 'first token' }).waitFor();
    await row.locator('.token', { hasText: 'first token' }).getByText('expires in 30 days').waitFor();
    const form = row.getByRole('form', { name: 'Create a token for dana' });
    await form.getByLabel('Token name').fill('laptop');
    const expiry = form.getByLabel('Expiration');
    expect(await expiry.inputValue()).toBe('30');
    expect(await expiry.locator('option').allTextContents()).toEqual([
      '7 days',
      '30 days',
      '90 days',
      'No expiry',
    ]);
    await expiry.selectOption('7');
    expect(await form.getByText(/^The token stops working on /).count()).toBe(1);
    await form.getByLabel('Token name').press('Enter');
    const shown = newTokenRegion(admin, /New token “laptop” for dana/);
    await shown.waitFor();
    secrets.laptop = await shown.getByLabel('The new token').inputValue();
    await row.locator('.token strong', { hasText: 'laptop' }).waitFor();
    const dana = (await rig.api<{ users: User[] }>('GET', '/api/v1/users')).users.find(
      (u) => u.name === 'dana',
    );
    const { tokens } = await rig.api<{ tokens: TokenInfo[] }>('GET', `/api/v1/tokens?userId=${dana?.id}`);
    expect(tokens.map((t) => t.name).sort()).toEqual(['first token', 'laptop']);
    expect(tokens.every((t) => t.userId === dana?.id)).toBe(true);
    const byName = (name: string) => tokens.find((t) => t.name === name)?.expiresAt;
    expect(daysUntil(byName('first token'))).toBeCloseTo(30, 1);
    expect(daysUntil(byName('laptop'))).toBeCloseTo(7, 1);
    await row.locator('.token', { hasText: 'laptop' }).getByText('expires in 7 days').waitFor();
    await admin.screenshot({ path: join(SCREENSHOTS, '12-users.png'), fullPage: true });
  });

  it('passes axe-core on the Users page with a new token and a token list shown', async () => {
    expect(await axeViolations(admin)).toEqual([]);
  });

  it('fits a narrow window on the Users page', async () => {
    await admin.setViewportSize({ width: 380, height: 800 });
    expect(await overflow(admin)).toBeLessThanOrEqual(0);
    await admin.screenshot({ path: join(SCREENSHOTS, '12b-users-narrow.png'), fullPage: true });
    await admin.setViewportSize({ width: 1280, height: 900 });
    await newTokenRegion(admin, /New token “laptop”/)
      .getByRole('button', { name: 'Done, I have copied it' })
      .click();
  });

  it('changes roles and refuses, in the words of the server, to demote the last admin', async () => {
    admin.once('dialog', (d) => d.accept());
    const own = userRow('admin');
    await own.getByLabel('Role of admin').selectOption('maker');
    await own.getByRole('button', { name: 'Change role of admin' }).click();
    const alert = own.getByRole('alert');
    await alert.getByText(/last enabled admin/).waitFor();
    expect(await alert.textContent()).toContain('(CONFLICT)');
    expect(await own.getByLabel('Role of admin').inputValue()).toBe('admin');

    // The list reloads after a change: a choice made while it does is reset with it, so choose
    // until the row offers the change.
    const chooseRole = (role: string) =>
      expect
        .poll(async () => {
          await userRow('maker').getByLabel('Role of maker').selectOption(role);
          return userRow('maker').getByRole('button', { name: 'Change role of maker' }).isEnabled();
        })
        .toBe(true);
    await chooseRole('admin');
    await userRow('maker').getByRole('button', { name: 'Change role of maker' }).click();
    await admin.getByText('maker is now an admin.').waitFor();
    expect((await rig.t.store.getUser(rig.t.maker.user.id))?.role).toBe('admin');
    await chooseRole('maker');
    await userRow('maker').getByRole('button', { name: 'Change role of maker' }).click();
    await admin.getByText('maker is now a maker.').waitFor();
    expect((await rig.t.store.getUser(rig.t.maker.user.id))?.role).toBe('maker');
  });

  it('lets the new user sign in with the token the admin created', async () => {
    await dana.goto(`${rig.url}/console/`);
    await dana.getByLabel('API token').fill(secrets.laptop ?? '');
    await dana.getByRole('button', { name: 'Sign in' }).click();
    await dana.getByRole('heading', { level: 1, name: 'Connectors' }).waitFor();
    await dana.getByText('(maker)').waitFor();
    const nav = dana.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'API tokens' }).click();
    await dana.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    const laptop = dana.locator('.token').filter({ hasText: 'laptop' });
    await laptop.waitFor();
    expect(await laptop.textContent()).toContain('this console');
    expect(await laptop.textContent()).toMatch(/last used/);
    await dana.locator('.token').filter({ hasText: 'first token' }).getByText('never used').waitFor();
  });

  it('creates a token of their own, shown once', async () => {
    const form = dana.getByRole('form', { name: 'Create a token' });
    await form.getByLabel('Token name').fill('ci');
    await form.getByLabel('Expiration').selectOption({ label: 'No expiry' });
    await form.getByText('The token works until it is revoked').waitFor();
    await form.getByRole('button', { name: 'Create token' }).click();
    const shown = newTokenRegion(dana, /New token “ci”/);
    await shown.waitFor();
    expect(await shown.textContent()).toContain('you will not see it again');
    secrets.ci = await shown.getByLabel('The new token').inputValue();
    await shown.getByRole('button', { name: 'Copy the token' }).click();
    await shown.getByText('Copied to the clipboard.').waitFor();
    expect(await dana.evaluate('navigator.clipboard.readText()')).toBe(secrets.ci);
    expect(await shown.textContent()).toContain('until it is revoked (it does not expire)');
    await dana.locator('.token').filter({ hasText: 'ci' }).first().waitFor();
    await dana
      .locator('.token')
      .filter({ has: dana.locator('strong', { hasText: /^ci$/ }) })
      .getByText('no expiry')
      .waitFor();
    expect(await axeViolations(dana)).toEqual([]);
    await dana.setViewportSize({ width: 380, height: 800 });
    expect(await overflow(dana)).toBeLessThanOrEqual(0);
    await dana.screenshot({ path: join(SCREENSHOTS, '13-tokens-narrow.png'), fullPage: true });
    await dana.setViewportSize({ width: 1280, height: 900 });
    await shown.getByRole('button', { name: 'Done, I have copied it' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await dana.content()).not.toContain(secrets.ci);
    expect(await dana.evaluate('document.activeElement?.textContent')).toBe('New token');
    const me = await fetch(`${rig.url}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${secrets.ci}` },
    });
    expect(((await me.json()) as User).name).toBe('dana');
  });

  it('revokes it after a confirmation, and it stops working', async () => {
    const row = dana.locator('.token').filter({ has: dana.locator('strong', { hasText: /^ci$/ }) });
    const revoke = row.getByRole('button', { name: 'Revoke ci' });
    // Cancelled: nothing happens.
    dana.once('dialog', (d) => d.dismiss());
    await revoke.click();
    expect(await row.count()).toBe(1);
    let question = '';
    dana.once('dialog', (d) => {
      question = d.message();
      void d.accept();
    });
    await revoke.click();
    await dana.getByText('Revoked “ci”.').waitFor();
    expect(question).toContain('Revoke “ci”?');
    await row.waitFor({ state: 'detached' });
    await dana.getByText('Revoked tokens (1)').click();
    await dana.locator('.revoked').getByText('ci', { exact: true }).waitFor();
    const me = await fetch(`${rig.url}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${secrets.ci}` },
    });
    expect(me.status).toBe(401);
    expect(await axeViolations(dana)).toEqual([]);
    await dana.screenshot({ path: join(SCREENSHOTS, '13-tokens.png'), fullPage: true });
  });

  it('marks a token whose expiry has passed as expired, keeps listing it, and refuses it', async () => {
    const { users } = await rig.api<{ users: User[] }>('GET', '/api/v1/users');
    const danaId = users.find((u) => u.name === 'dana')?.id;
    const { tokens } = await rig.api<{ tokens: TokenInfo[] }>('GET', `/api/v1/tokens?userId=${danaId}`);
    const first = tokens.find((t) => t.name === 'first token');
    // As if its 30 days had gone by.
    await rig.t.database.query('update api_tokens set expires_at = ? where id = ?', [
      '2026-01-01T00:00:00.000Z',
      first?.id ?? '',
    ]);
    const me = await fetch(`${rig.url}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${secrets.first}` },
    });
    expect(me.status).toBe(401);
    await dana.reload();
    await dana.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    const row = dana.locator('.token').filter({ has: dana.locator('strong', { hasText: /^first token$/ }) });
    await row.locator('.badge.bad', { hasText: 'expired' }).waitFor();
    expect(await row.textContent()).toContain('· expired ');
    await row.locator('time[datetime="2026-01-01T00:00:00.000Z"]').waitFor();
    expect(await row.textContent()).not.toContain('expires in');
    // Listed as it is by the API too.
    const after = await rig.api<{ tokens: TokenInfo[] }>('GET', `/api/v1/tokens?userId=${danaId}`);
    expect(after.tokens.find((t) => t.id === first?.id)?.expiresAt).toBe('2026-01-01T00:00:00.000Z');
    // Still revocable, to tidy the list.
    await row.getByRole('button', { name: 'Revoke first token' }).waitFor();
    expect(await axeViolations(dana)).toEqual([]);
    await dana.screenshot({ path: join(SCREENSHOTS, '13c-tokens-expired.png'), fullPage: true });
  });

  it('tells a maker who opens the Users address that it is for admins only', async () => {
    const before = requested.length;
    await dana.goto(`${rig.url}/console/users`);
    await dana.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await dana.getByText('Admins only.').waitFor();
    expect(await dana.getByRole('form', { name: 'Create a user' }).count()).toBe(0);
    expect(requested.slice(before).filter((u) => u.includes('/api/v1/users') && !u.endsWith('/me'))).toEqual(
      [],
    );
    expect(await axeViolations(dana)).toEqual([]);
  });

  it('kept every token out of addresses and storage', async () => {
    const values = Object.values(secrets);
    expect(values).toHaveLength(3);
    for (const url of requested) for (const v of values) expect(url).not.toContain(v);
    for (const [page, others] of [
      [admin, values],
      [dana, [secrets.first, secrets.ci]],
    ] as const) {
      expect(await page.evaluate('localStorage.length')).toBe(0);
      const session = await page.evaluate<string>('JSON.stringify(sessionStorage)');
      for (const v of others) expect(session).not.toContain(v);
    }
    // The session holds the token the tab signed in with, and only that.
    expect(await dana.evaluate('sessionStorage.getItem("flowport.token")')).toBe(secrets.laptop);
  });

  it('disables the user, signing their console out at its next call, and enables them again', async () => {
    expect(
      await userRow('admin')
        .getByRole('button', { name: /^Disable/ })
        .count(),
    ).toBe(0);
    let question = '';
    admin.once('dialog', (d) => {
      question = d.message();
      void d.accept();
    });
    await userRow('dana').getByRole('button', { name: 'Disable dana' }).click();
    await admin.getByText('dana is disabled.').waitFor();
    expect(question).toContain('Their API tokens stop working at once');
    await userRow('dana').locator('.badge.bad', { hasText: 'disabled' }).waitFor();
    await dana.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
    await dana.getByRole('heading', { level: 1, name: 'Sign in to flowport' }).waitFor();
    expect(await dana.evaluate('sessionStorage.getItem("flowport.token")')).toBeNull();
    expect(await axeViolations(admin)).toEqual([]);

    await userRow('dana').getByRole('button', { name: 'Enable dana' }).click();
    await admin.getByText('dana is enabled again.').waitFor();
    const me = await fetch(`${rig.url}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${secrets.laptop}` },
    });
    expect(me.status).toBe(200);
  });

  it('logged no script errors', () => {
    expect(problems).toEqual([]);
  });
});
