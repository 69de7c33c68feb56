/** Sign-in as a person does it: pick a demo user, land on the role's home, switch language. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

describe('sign-in', () => {
  it('lists the demo users in Chinese, and each role lands on its own home page', async () => {
    const context = await e2e.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(e2e.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('幸福工程 · 贷款管理');
    await expect.poll(() => page.locator('button.user').count()).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'login-phone');
    await context.close();

    for (const [user, hash] of [['committee', '#/dashboard'], ['district', '#/applications'], ['field', '#/my-work']] as const) {
      const { context: c, page: p } = await signedIn(e2e, user, { viewport: DESKTOP });
      await expect.poll(() => p.evaluate(() => location.hash)).toBe(hash);
      await c.close();
    }
  });

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
