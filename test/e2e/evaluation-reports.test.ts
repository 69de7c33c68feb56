/**
 * Evaluation reports (中期 / 年终 / 终期评估报告) in the browser: a round paid out half a year ago
 * with two of its three households evaluated at mid-term. The committee sees the report overdue;
 * the district drafts it (the figures and the annex come from the evaluations), writes its
 * assessment and submits it; the committee marks it received; the dashboard card and the list
 * show it received; the report prints as an A4 document in Chinese, also to PDF. Screenshots at
 * phone and desktop sizes, in Chinese, Tibetan and English.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { oldLoan } from '../support/evaluation-reports.ts';
import { daysAgo, evaluationInput, openRound } from '../support/fixtures.ts';
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

describe('evaluation reports', () => {
  let roundId: string;
  let reportId: string;
  const row = (page: Page) => page.locator(`tr[data-round="${roundId}"][data-point="0"]`);

  beforeAll(async () => {
    roundId = await openRound({ evaluationMonths: [3, 12], termMonths: 24 });
    const dolkar = await oldLoan(roundId, '卓嘎', 1_000_000);
    const yangzom = await oldLoan(roundId, '央宗', 800_000);
    await oldLoan(roundId, '拉姆', 600_000);
    const logged = [
      await as('field').post(
        `/loans/${dolkar}/evaluations`,
        evaluationInput('midterm', {
          evaluatedOn: daysAgo(70),
          incomeToDateFen: 320_000,
          forecastFen: 950_000,
          problems: '草场退化，牦牛掉膘',
          actionsUrged: '轮牧并补饲',
          methods: ['talk', 'look', 'ask'],
        }),
      ),
      await as('field').post(`/loans/${yangzom}/evaluations`, evaluationInput('midterm', { evaluatedOn: daysAgo(65), incomeToDateFen: 150_000, forecastFen: 600_000, methods: ['check', 'look'] })),
    ];
    for (const r of logged) expect(r.status).toBe(201);
  }, 180_000);

  it('the committee sees the district’s mid-term report overdue', async () => {
    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/evaluation-reports`);
    await page.locator('h1', { hasText: '评估报告' }).waitFor();
    await row(page).waitFor(WAIT);
    expect(await row(page).getAttribute('data-state')).toBe('overdue');
    expect(await row(page).innerText()).toContain('逾期未报');
    await check(page, 'committee overview');
    await bothSizes(page, 'evaluation-reports-committee-overdue');
    await context.close();
  }, 120_000);

  it('the district drafts the report from the evaluations, writes its assessment and submits it', async () => {
    const { context, page } = await signedIn(e2e, 'district');
    await page.goto(`${e2e.url}/#/evaluation-reports`);
    await row(page).locator('button', { hasText: '起草报告' }).click();
    await page.waitForURL(/#\/evaluation-reports\/[0-9A-Z]{26}$/, WAIT);
    reportId = page.url().split('/').at(-1)!;
    const figures = page.locator('[data-figures]');
    await figures.waitFor(WAIT);
    const text = await figures.innerText();
    for (const expected of ['应评估户数\n3 户', '已评估户数\n2 户', '至今收入合计\n¥4,700', '预计效益合计\n¥15,500', '需跟进户数\n2 户']) expect(text).toContain(expected);
    expect(await page.locator('.er-annex tbody tr').count()).toBe(3);
    expect(await page.locator('.er-problems').innerText()).toContain('草场退化，牦牛掉膘');
    expect(await page.locator('.er-follow-list').innerText()).toContain('拉姆');
    await page.getByLabel('区项目办评估意见').fill('两户资金按计划使用，收入稳定；拉姆家尚未评估，已督促乡里十日内补评。');
    await page.locator('button', { hasText: '保存' }).click();
    await page.locator('[role=status]', { hasText: '已保存' }).waitFor(WAIT);
    await check(page, 'district drafts');
    await bothSizes(page, 'evaluation-reports-district-draft');
    const submit = page.locator('button', { hasText: '报送组委会' });
    await expect.poll(() => submit.isDisabled(), WAIT).toBe(false);
    await submit.click();
    await page.locator('.dialog button', { hasText: '确认' }).click();
    await page.locator('h1 [data-state="submitted"]').waitFor(WAIT);
    expect(await page.locator('.er-page').innerText()).toContain('此版本已报送，内容不能修改。');
    await context.close();
  }, 120_000);

  it('the committee marks it received; the list and the dashboard show it received', async () => {
    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/evaluation-reports/${reportId}`);
    await page.locator('h1 [data-state="submitted"]').waitFor(WAIT);
    await page.getByLabel('意见').fill('已阅，请督促拉姆家补评。');
    await check(page, 'committee reviews');
    await bothSizes(page, 'evaluation-reports-committee-review');
    await page.locator('button', { hasText: '已收到' }).click();
    await page.locator('h1 [data-state="received"]').waitFor(WAIT);
    expect(await page.locator('.er-review-comment').innerText()).toBe('组委会意见：已阅，请督促拉姆家补评。');
    const history = await page.locator('.d-history').innerText();
    expect(history).toContain('提交中期评估报告（第 1 版）');
    expect(history).toContain('组委会已收到中期评估报告');
    await page.goto(`${e2e.url}/#/evaluation-reports`);
    await expect.poll(() => row(page).getAttribute('data-state'), WAIT).toBe('received');
    await page.goto(`${e2e.url}/#/dashboard`);
    const card = page.locator('[data-card="evaluation-reports"] tr[data-district="lhasa.chengguan"]');
    await card.waitFor(WAIT);
    expect(Number(await card.locator('[data-count="received"]').innerText())).toBeGreaterThanOrEqual(1);
    // 三治 on the same dashboard, from the outcomes report
    const threeCures = await page.locator('[data-card="three-cures"]').innerText();
    for (const label of ['接受检查的妇女', '查出疾病', '已治愈', '培训场次', '参加培训的母亲']) expect(threeCures).toContain(label);
    await bothSizes(page, 'evaluation-reports-dashboard');
    await context.close();
  }, 120_000);

  it('prints the report: A4, Chinese, figures, problems, assessment, signature, the annex of each household', async () => {
    const { context, page } = await signedIn(e2e, 'district');
    await page.goto(`${e2e.url}/#/evaluation-reports/${reportId}/print`);
    const doc = page.locator('article.pr-evalreport');
    await doc.waitFor(WAIT);
    const text = await doc.innerText();
    expect(text).toContain('幸福工程贫困母亲救助项目中期评估报告');
    for (const name of ['卓嘎', '央宗', '拉姆']) expect(text).toContain(name);
    expect(text).toContain('草场退化，牦牛掉膘');
    expect(text).toContain('两户资金按计划使用');
    expect(text).toContain('区项目办负责人（签字）');
    expect(text).toContain('附表：逐户评估记录（谈、查、看、问）');
    expect(await latinWords(page)).toEqual([]);
    await bothSizes(page, 'print-evaluation-report');
    await page.emulateMedia({ media: 'print' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const pdf = await page.pdf({ path: join(SCREENSHOTS, 'print-evaluation-report.pdf'), format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  }, 120_000);

  it('reads in Tibetan and English', async () => {
    for (const lang of ['bo', 'en'] as const) {
      const { context, page } = await signedIn(e2e, 'district', { lang });
      await page.goto(`${e2e.url}/#/evaluation-reports/${reportId}`);
      await page.locator('h1 [data-state="received"]').waitFor(WAIT);
      const heading = await page.locator('h1').innerText();
      if (lang === 'bo') expect(heading).toContain('བར་མའི་དཔྱད་བསྡུར་སྙན་ཞུ།');
      else expect(heading).toContain('Mid-term evaluation report');
      expect(await page.locator('[data-figures]').innerText()).toContain(lang === 'bo' ? 'ཁྱིམ་ཚང་ 3' : '3 households');
      await bothSizes(page, `evaluation-reports-report-${lang}`);
      await page.goto(`${e2e.url}/#/evaluation-reports`);
      await row(page).waitFor(WAIT);
      await bothSizes(page, `evaluation-reports-list-${lang}`);
      await context.close();
    }
  }, 120_000);
});
