/** The staff page as a district clerk uses it: add a township clerk, who can then sign in; deactivate her, and she is refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, tokens } from '../support/api.ts';
import { DESKTOP, PHONE, screenshot, signedIn, signInThroughProvider, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

describe('staff administration', () => {
  it('a district clerk adds a township clerk, who signs in to her township; deactivated, she is refused', async () => {
    // prepare: the district office opens its staff page from the menu
    const { context, page } = await signedIn(e2e, 'district', { viewport: DESKTOP });
    await page.locator('.topbar nav a', { hasText: '人员' }).click();
    await page.locator('table[aria-label="工作人员"] tr[data-username="township"]').waitFor();
    // a district office sees its own subtree only
    expect(await page.locator('tr[data-username="district-b"]').count()).toBe(0);

    // act: add a clerk for 蔡公堂乡
    const username = `e2e-${Date.now().toString(36)}`;
    await page.getByRole('button', { name: '添加人员' }).click();
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="displayName"]').fill('蔡公堂乡 · 次仁拉姆');
    await page.locator('select[name="role"]').selectOption('township');
    await page.locator('select[name="officeId"]').selectOption('lhasa.chengguan.caigongtang');
    await page.getByRole('button', { name: '保存' }).click();
    const row = page.locator(`tr[data-username="${username}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('在职');
    await screenshot(page, 'staff-desktop');

    // she signs in through the provider (in another browser) and lands in her township's work
    const other = await e2e.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const clerk = await other.newPage();
    await clerk.goto(e2e.url);
    await signInThroughProvider(clerk, username);
    await expect.poll(() => clerk.locator('.topbar .who').textContent()).toContain('蔡公堂乡 · 次仁拉姆');
    await other.close();

    // deactivate her, after a confirmation
    await row.getByRole('button', { name: '停用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(() => row.textContent()).toContain('已停用');

    // assert: her token is refused on the next request, and the provider no longer lists her
    const token = await tokens.sign({ username });
    const refused = await call(null, 'GET', '/me', undefined, { token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('staff_inactive');
    const list = await e2e.browser.newContext({ viewport: PHONE });
    const login = await list.newPage();
    await login.goto(e2e.url);
    await login.locator('button.sign-in').click();
    await login.waitForURL(/\/oidc\/interaction\//);
    await login.locator('button[data-username="district"]').waitFor();
    expect(await login.locator(`button[data-username="${username}"]`).count()).toBe(0);
    await list.close();

    await page.setViewportSize(PHONE);
    await screenshot(page, 'staff-phone');
    await context.close();
  }, 90_000);
});
