/**
 * The donor report in the browser: the committee previews and publishes; anyone reads it
 * without signing in (phone and desktop, in Chinese and Tibetan) and prints it on A4 (PDF);
 * after the committee withdraws it, its address says so.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, SCREENSHOTS, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';
import { publishedReport } from '../support/outreach-fixture.ts';

let e2e: E2E;

/** A screenshot once the web font has drawn every glyph on the page (its subsets load as text appears). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await screenshot(page, name);
}
beforeAll(async () => {
  e2e = await startE2E();
  // a report needs at least 5 mothers helped: the fixture pays out loans when the database has fewer
  await publishedReport();
}, 120_000);
afterAll(async () => e2e?.close());

describe('the donor report', () => {
  it('the committee previews and publishes; the public reads and prints it without signing in; withdrawn, it is gone', async () => {
    const { context, page } = await signedIn(e2e, 'committee', { viewport: DESKTOP });
    await page.locator('.topbar nav a', { hasText: '公开报告' }).click();
    await page.getByLabel('起始日期').fill('2000-01-01');
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText('预览：尚未发布').waitFor();
    await page.locator('article.dr-report svg').first().waitFor();
    await shot(page, 'public-report-preview-desktop');
    await page.getByRole('button', { name: '发布' }).click();
    const link = page.locator('.pr-shown a', { hasText: '公开页面' });
    await link.waitFor();
    const id = (await page.locator('article.dr-report').getAttribute('data-report'))!;
    expect(id).toMatch(/^[0-9A-Z]{26}$/);

    // anyone: no sign-in, no token
    const visitor = await e2e.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const pub = await visitor.newPage();
    const tokens: string[] = [];
    pub.on('request', (r) => {
      if (r.headers().authorization) tokens.push(r.url());
    });
    await pub.goto(`${e2e.url}/#/public/${id}`);
    await pub.locator(`article.dr-report[data-report="${id}"]`).waitFor();
    expect(await pub.locator('header.topbar').count()).toBe(0);
    const text = (await pub.locator('article').textContent()) ?? '';
    expect(text).not.toMatch(/\d{17}[\dXx]/);
    expect(tokens).toEqual([]);
    await shot(pub, 'public-report-phone');
    await pub.setViewportSize(DESKTOP);
    await shot(pub, 'public-report-desktop');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await pub.emulateMedia({ media: 'print' });
    await pub.pdf({ path: join(SCREENSHOTS, 'public-report-a4.pdf'), format: 'A4', printBackground: true });
    await shot(pub, 'public-report-print');
    await pub.emulateMedia({ media: 'screen' });
    await pub.getByRole('button', { name: 'བོད་ཡིག' }).click();
    await pub.locator('h2', { hasText: 'མ་དངུལ' }).waitFor();
    await shot(pub, 'public-report-bo-desktop');

    // the committee withdraws it: the public address says so
    await page.locator(`li[data-report="${id}"]`).getByRole('button', { name: '撤回' }).click();
    await expect.poll(() => page.locator(`li[data-report="${id}"]`).count()).toBe(0);
    await pub.reload();
    await pub.getByRole('alert').waitFor();
    await visitor.close();
    await context.close();
  }, 150_000);
});
