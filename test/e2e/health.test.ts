/**
 * 三治 in the browser: the district office records a health-check campaign and a follow-up;
 * the committee sees counts only (no woman's name, no findings button); field staff take
 * training attendance with the phone offline, and it is sent when the network is back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';
import { as } from '../support/api.ts';
import { CHENGGUAN, openRound } from '../support/fixtures.ts';
import { consentedLoan } from '../support/outreach-fixture.ts';

let e2e: E2E;

/** A screenshot once the web font has drawn every glyph on the page (its subsets load as text appears). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await screenshot(page, name);
}
let loans: string[] = [];
const PLACE = `蔡公堂乡卫生院 ${Date.now().toString(36)}`;

beforeAll(async () => {
  e2e = await startE2E();
  const roundId = await openRound({ capitalFen: 10_000_000, grantFen: 10_000_000 });
  loans = [await consentedLoan(roundId), await consentedLoan(roundId)];
}, 120_000);
afterAll(async () => e2e?.close());

describe('health checks and training', () => {
  it('the district office records a campaign and a follow-up; the committee sees counts only', async () => {
    const { context, page } = await signedIn(e2e, 'district', { viewport: DESKTOP });
    await page.locator('.topbar nav a', { hasText: '健康检查' }).click();
    const form = page.locator('form[aria-label="登记一次检查"]');
    await form.waitFor();
    await form.getByLabel('地点').fill(PLACE);
    await form.getByLabel('检查人员').fill('城关区妇幼保健院 · 李医生');
    const first = form.locator('fieldset[data-line="0"]');
    await first.locator('select').first().selectOption(loans[0]!);
    await first.getByLabel('阴道炎').check();
    await first.getByLabel('当场治疗').check();
    await form.getByRole('button', { name: '再加一位' }).click();
    const second = form.locator('fieldset[data-line="1"]');
    await second.locator('select').first().selectOption(loans[1]!);
    await second.locator('select').nth(1).selectOption('household');
    await second.getByLabel('姓名').fill('普珍');
    await second.getByLabel('宫颈炎').check();
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('已保存').waitFor();

    // the campaign in the list: 2 women, 2 illnesses, 1 treated, 0 cured
    const item = page.locator('li.o-item', { hasText: PLACE });
    await expect.poll(() => item.locator('dd').allTextContents()).toEqual(['2', '2', '1', '0']);
    // her district office opens the findings and records a cure
    await item.getByRole('button', { name: '查看个人结果' }).click();
    const findings = item.locator('form.o-findings');
    await findings.getByText('普珍').waitFor();
    await findings.getByLabel('阴道炎 · 已治疗').check();
    await findings.getByRole('button', { name: '登记复查治愈' }).click();
    await expect.poll(() => item.locator('dd').allTextContents()).toEqual(['2', '2', '1', '1']);
    await shot(page, 'health-desktop');
    await page.setViewportSize(PHONE);
    await shot(page, 'health-phone');
    await context.close();

    // the committee: the same campaign as counts, no name, no findings
    const committee = await signedIn(e2e, 'committee', { viewport: DESKTOP });
    await committee.page.locator('.topbar nav a', { hasText: '健康检查' }).click();
    const seen = committee.page.locator('li.o-item', { hasText: PLACE });
    await expect.poll(() => seen.locator('dd').allTextContents()).toEqual(['2', '2', '1', '1']);
    expect(await seen.getByRole('button', { name: '查看个人结果' }).count()).toBe(0);
    expect(await committee.page.locator('main').textContent()).not.toContain('普珍');
    await committee.page.locator('table.o-figures tr[data-row="total"]').waitFor();
    await shot(committee.page, 'health-committee-desktop');
    await committee.context.close();
  }, 150_000);

  it('field staff take training attendance offline; the phone sends it when the network is back', async () => {
    const { context, page } = await signedIn(e2e, 'field', { viewport: PHONE });
    await page.locator('.topbar nav a', { hasText: '培训' }).click();
    const form = page.locator('form[aria-label="登记一次培训"]');
    await form.locator(`input[value="${loans[0]}"]`).waitFor();
    await context.setOffline(true);
    const place = `乡政府会议室 ${Date.now().toString(36)}`;
    await form.getByLabel('地点').fill(place);
    await form.getByLabel('培训内容').selectOption('healthy_births');
    await form.getByLabel('培训人').fill('城关区妇幼保健院');
    await form.locator(`input[value="${loans[0]}"]`).check();
    await form.locator(`input[value="${loans[1]}"]`).check();
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('已存入手机，联网后自动发送').waitFor();
    await shot(page, 'training-offline-phone');

    // nothing reached the server while offline
    const recorded = async () => ((await as('district').get('/training-sessions', { query: { districtId: CHENGGUAN } })).body.items as { place: string }[]).filter((s) => s.place === place).length;
    expect(await recorded()).toBe(0);
    await context.setOffline(false);
    await expect.poll(recorded, { timeout: 30_000 }).toBe(1);
    await page.reload();
    const sent = page.locator('li.o-item', { hasText: place });
    await sent.waitFor();
    expect(await sent.textContent()).toContain('2 位母亲');
    await shot(page, 'training-phone');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'training-desktop');
    await context.close();
  }, 150_000);
});
