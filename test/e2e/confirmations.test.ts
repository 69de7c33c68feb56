/**
 * Committee confirmation (审核确定) in the browser: the district picks two approved loans of a
 * round and sends them to the committee; the committee opens the list, returns one loan with a
 * reason and confirms the other; the district sees each loan's state on its loan list and the
 * returned one's reason on its loan page; the list prints as the 报批表 (A4, Chinese, signature
 * lines), also to PDF. Screenshots at phone and desktop sizes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { daysAgo, openRound, readyApplication, residentId } from '../support/fixtures.ts';
import { DESKTOP, PHONE, SCREENSHOTS, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';
import { latinWords, seriousAxeViolations } from './support/checks.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

const WAIT = { timeout: 15_000 };

async function check(page: Page, where: string) {
  expect(await seriousAxeViolations(page), `${where}: axe`).toEqual([]);
  expect(await latinWords(page), `${where}: Latin words`).toEqual([]);
}

async function bothSizes(page: Page, name: string) {
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

/** An approved loan of a mother with this name (a second district clerk approves). */
async function approved(roundId: string, name: string, amountFen: number): Promise<string> {
  const appId = await readyApplication(roundId, { mother: { name, residentId: residentId() }, amountRequestedFen: amountFen });
  const decision = await as('district-2').post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen });
  expect(decision.status).toBe(200);
  return decision.body.loanId;
}

describe('committee confirmation', () => {
  let roundId: string;
  let dolkar: string;
  let yangzom: string;
  let listId: string;

  beforeAll(async () => {
    roundId = await openRound({ openedOn: daysAgo(100) });
    dolkar = await approved(roundId, '卓嘎', 1_000_000);
    yangzom = await approved(roundId, '央宗', 800_000);
  }, 120_000);

  it('the district sends two approved loans of its round to the committee', async () => {
    const { context, page } = await signedIn(e2e, 'district');
    await page.goto(`${e2e.url}/#/confirmations`);
    await page.locator('h1', { hasText: '报批审核' }).waitFor();
    await page.getByLabel('轮次', { exact: true }).selectOption(roundId);
    const loans = page.locator('ul.cf-loans');
    await loans.locator(`li[data-loan="${dolkar}"]`).waitFor(WAIT);
    await loans.locator(`li[data-loan="${dolkar}"] input[type=checkbox]`).check();
    await loans.locator(`li[data-loan="${yangzom}"] input[type=checkbox]`).check();
    const send = page.locator('button', { hasText: '报组委会审核' });
    expect(await send.textContent()).toBe('报组委会审核（2 笔，¥18,000）');
    await check(page, 'send for confirmation');
    await bothSizes(page, 'confirmations-district-send');
    await send.click();
    await page.locator('.dialog').waitFor();
    await page.locator('.dialog button', { hasText: '确认' }).click();
    await page.locator('[role=status]', { hasText: '已报组委会' }).waitFor(WAIT);
    // both now wait for the committee: they stay in the list, no longer to be picked
    await expect.poll(() => loans.locator(`li[data-loan="${dolkar}"] [data-confirmation]`).getAttribute('data-confirmation'), WAIT).toBe('listed');
    expect(await loans.locator(`li[data-loan="${dolkar}"] input[type=checkbox]`).isDisabled()).toBe(true);
    const lists = (await as('district').get('/confirmation-lists', { query: { status: 'sent', limit: '100' } })).body.items as { id: string; items: { loanId: string }[] }[];
    listId = lists.find((l) => l.items.some((i) => i.loanId === dolkar))!.id;
    await page.locator(`li[data-list="${listId}"]`).waitFor(WAIT);
    await context.close();
  }, 120_000);

  it('the committee returns one loan with a reason and confirms the other', async () => {
    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/confirmations`);
    await page.locator(`li[data-list="${listId}"] a`).click();
    await page.locator('h1', { hasText: '报批名单' }).waitFor();
    const row = (loanId: string) => page.locator(`tr[data-loan="${loanId}"]`);
    expect(await row(dolkar).innerText()).toContain('符合条件');
    expect(await row(dolkar).innerText()).toContain('2 次');
    await row(yangzom).getByLabel('退回').check();
    const decide = page.locator('button', { hasText: '审核确定' });
    expect(await decide.isDisabled()).toBe(true);
    await row(yangzom).getByLabel('退回理由').fill('项目计划书缺少村委会签字');
    expect(await decide.textContent()).toBe('审核确定（确定 1 笔，退回 1 笔）');
    await check(page, 'committee decides');
    await bothSizes(page, 'confirmations-committee-decide');
    await decide.click();
    await page.locator('.dialog button', { hasText: '确认' }).click();
    await expect.poll(() => row(yangzom).locator('[data-confirmation]').getAttribute('data-confirmation'), WAIT).toBe('returned');
    expect(await row(dolkar).locator('[data-confirmation]').getAttribute('data-confirmation')).toBe('confirmed');
    expect(await row(yangzom).innerText()).toContain('项目计划书缺少村委会签字');
    // the list's history names who sent it and who decided
    const history = await page.locator('.d-history').innerText();
    expect(history).toContain('报批名单报组委会');
    expect(history).toContain('确定 1 笔，退回 1 笔');
    await bothSizes(page, 'confirmations-committee-decided');
    await context.close();
  }, 120_000);

  it('the district sees each loan’s confirmation on its loan list, and the reason on the returned loan', async () => {
    const { context, page } = await signedIn(e2e, 'district');
    await page.goto(`${e2e.url}/#/loans?roundId=${roundId}&status=approved`);
    const badge = (loanId: string) => page.locator(`tr[data-id="${loanId}"] [data-confirmation]`);
    await expect.poll(() => badge(dolkar).getAttribute('data-confirmation'), WAIT).toBe('confirmed');
    expect(await badge(yangzom).innerText()).toBe('组委会退回');
    await bothSizes(page, 'confirmations-loan-list');
    await page.goto(`${e2e.url}/#/loans/${yangzom}`);
    await page.locator('.cf-reason', { hasText: '项目计划书缺少村委会签字' }).waitFor(WAIT);
    expect(await page.locator('.d-history').innerText()).toContain('组委会退回区项目办');
    await context.close();
  }, 120_000);

  it('prints the list as the 报批表: A4, Chinese, each mother, the total in capitals, signature lines', async () => {
    const { context, page } = await signedIn(e2e, 'district');
    await page.goto(`${e2e.url}/#/confirmations/${listId}/print`);
    const doc = page.locator('article.pr-conflist');
    await doc.waitFor(WAIT);
    const text = await doc.innerText();
    expect(text).toContain('幸福工程贫困母亲救助资金报批表');
    for (const name of ['卓嘎', '央宗']) expect(text).toContain(name);
    expect(text).toContain('壹万捌仟元整');
    expect(text).toContain('区项目办负责人（签字）');
    expect(text).toContain('组委会负责人（签字）');
    expect(text).toContain('项目计划书缺少村委会签字');
    expect(await latinWords(page)).toEqual([]);
    await bothSizes(page, 'print-confirmation-list');
    await page.emulateMedia({ media: 'print' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const pdf = await page.pdf({ path: join(SCREENSHOTS, 'print-confirmation-list.pdf'), format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  }, 120_000);
});
