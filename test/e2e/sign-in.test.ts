/** Sign-in as a person does it: the OpenID Connect flow through the local provider, back to the page she was on, her name from the directory. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshot, signedIn, signInThroughProvider, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  // tokens of 75 s: the app renews them 60 s before expiry, so a renewal happens within the test
  process.env.LOCAL_ACCESS_TOKEN_SECONDS = '75';
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

describe('sign-in', () => {
  it('goes through the identity provider, whose page lists the active staff in Chinese, and each role lands on its own home page', async () => {
    const context = await e2e.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(e2e.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('幸福工程 · 贷款管理');
    await screenshot(page, 'login-phone');
    await page.locator('button.sign-in').click();
    await page.waitForURL(/\/oidc\/interaction\//);
    await expect.poll(() => page.locator('button[data-username]').count()).toBeGreaterThanOrEqual(7);
    expect(await page.locator('button[data-username="district"]').textContent()).toContain('城关区项目办 · 王丽');
    // one column at 390 px: nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'login-provider-phone');
    await context.close();

    for (const [user, hash] of [
      ['committee', '#/dashboard'],
      ['district', '#/applications'],
      ['field', '#/my-work'],
    ] as const) {
      const { context: c, page: p } = await signedIn(e2e, user, { viewport: DESKTOP });
      await expect.poll(() => p.evaluate(() => location.hash)).toBe(hash);
      // the token was issued by the provider for this server, not by a shortcut
      const issuer = await p.evaluate(() => {
        const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!;
        const token = JSON.parse(sessionStorage.getItem(key)!).access_token as string;
        return JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).iss as string;
      });
      expect(issuer).toBe(`${e2e.url}/oidc`);
      await c.close();
    }
  });

  it('returns to the page she asked for, shows her name from the staff directory, and signs out', async () => {
    const context = await e2e.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${e2e.url}/#/loans?status=active`);
    await signInThroughProvider(page, 'district');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/loans?status=active');
    await expect.poll(() => page.locator('.topbar .who').textContent()).toContain('城关区项目办 · 王丽');
    await page.getByRole('button', { name: '退出' }).click();
    await page.locator('button.sign-in').waitFor();
    // the provider's session ended too: signing in again asks who, so another person can sign in on this device
    await signInThroughProvider(page, 'township');
    await expect.poll(() => page.locator('.topbar .who').textContent()).toContain('蔡公堂乡 · 格桑');
    await context.close();
  });

  it('renews the token in the background before it expires: a half-filled form stays, and is saved with the new token', async () => {
    const { context, page } = await signedIn(e2e, 'district');
    const accessToken = () => page.evaluate(() => JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!)!).access_token as string);
    const first = await accessToken();
    await page.goto(`${e2e.url}/#/staff`);
    await page.getByRole('button', { name: '添加人员' }).click();
    const username = `renew-${Date.now().toString(36)}`;
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="displayName"]').fill('蔡公堂乡 · 拉姆');
    // act: wait for the renewal (a refresh-token grant at the provider), without touching the page
    await expect.poll(accessToken, { timeout: 45_000, interval: 1_000 }).not.toBe(first);
    // assert: the form is as she left it, and saving it works with the renewed token
    expect(await page.locator('input[name="displayName"]').inputValue()).toBe('蔡公堂乡 · 拉姆');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator(`tr[data-username="${username}"]`).waitFor();
    await context.close();
  }, 90_000);

  it('switches to English, to Tibetan and back; <html lang> follows', async () => {
    const { context, page } = await signedIn(e2e, 'district');
    const language = page.getByRole('group', { name: '语言' });
    await language.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.topbar nav').textContent()).toContain('Applications');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'བོད་ཡིག' }).click();
    await expect.poll(() => page.locator('.topbar nav').textContent()).toContain('ཞུ་ཡིག');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('bo');
    await page.locator('.lang-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('.topbar nav').textContent()).toContain('申请');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await context.close();
  });
});
