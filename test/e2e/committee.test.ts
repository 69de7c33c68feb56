/**
 * The committee's dashboard as a committee member uses it: the repayment rate of a round
 * moves after a repayment, a district drills down to its townships and a township to its
 * loans, the CSV downloads open in Excel (BOM, Chinese header). Other test files write to
 * the same database at the same time, so the checks read the rows of the data made here
 * and the changes it causes, never a district's absolute totals.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates.ts';
import { as, type UserName } from '../support/api.ts';
import { activeLoan, applicationInput, confirmLoans, daysAgo, evaluationInput, openRound, residentId, roundInput, today, ZHIBA } from '../support/fixtures.ts';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

function ok<T extends { status: number; body: unknown }>(res: T, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

const repay = (loanId: string, amountFen: number, paidOn = today(), user: UserName = 'township') =>
  as(user).post(`/loans/${loanId}/repayments`, { paidOn, amountFen, receiptNo: `E2E-${randomUUID().slice(0, 8)}` }, { idempotencyKey: `e2e-${randomUUID()}` });

/** A group's row in a chart, showing every row first if the chart is cut short (other tests add groups). */
async function bar(page: Page, chart: 'repayment' | 'par30', rowId: string) {
  // the chart of the level the row is on (after a drill-down the level above stays on the page until the new answer is read)
  // (a township's or village's row: its siblings' ids share its district's or township's; a district's or a round's: any row,
  // since other test files add districts and the chart may be cut short before this one)
  const level = rowId.split('.').length > 2 ? `[data-row^="${rowId.slice(0, rowId.lastIndexOf('.'))}."]` : '[data-row]';
  await page.locator(`svg[data-chart="${chart}"] ${level}`).first().waitFor();
  const row = page.locator(`svg[data-chart="${chart}"] [data-row="${rowId}"]`);
  if ((await row.count()) === 0) {
    const more = page.locator(`[data-card="${chart}"] .c-more`);
    if ((await more.count()) > 0 && (await more.textContent())?.includes('显示全部')) await more.click();
  }
  return row;
}

/** The text at the end of a group's bar. */
async function barValue(page: Page, chart: 'repayment' | 'par30', rowId: string): Promise<string | null> {
  return (await bar(page, chart, rowId))
    .locator('.c-bar-value')
    .textContent({ timeout: 5_000 })
    .catch(() => null);
}

/** Follows a group's bar to the next level down. */
async function drillInto(page: Page, rowId: string): Promise<void> {
  await (await bar(page, 'repayment', rowId)).locator('a').click();
}

/** A plan that earns enough over a one-month term to pass the capacity-to-repay rule. */
const project = { type: 'livestock', description: '养殖牦牛十头，出售酥油和奶渣', expectedAnnualReturnFen: 20_000_000 };

const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));

describe('committee dashboard', () => {
  it('shows the repayment rate of a round change after a repayment', async () => {
    // paid out 45 days ago for one month: past due by two weeks or so (not yet 30 days)
    const roundId = await openRound({ termMonths: 1, evaluationMonths: [] });
    const loanId = await loanPaidOut({
      roundId,
      ago: 45,
      amountFen: 1_000_000,
      villageId: ZHIBA,
      mother: '次仁卓玛',
      district: 'district',
      submitter: 'township',
      visitor: 'field',
      payer: 'township',
    });

    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/dashboard?groupBy=round`);
    await expect.poll(() => page.locator('.c-seg [aria-current="true"]').textContent()).toBe('按轮次');
    await expect.poll(() => barValue(page, 'repayment', roundId), { timeout: 15_000 }).toBe('0.0%');
    // the headline figures are there, in percent and yuan
    expect(await page.locator('[data-kpi="repayment"] .value').textContent()).toMatch(/^\d+\.\d%$/);
    expect(await page.locator('[data-kpi="outstanding"] .value').textContent()).toMatch(/^¥[\d,]+(\.\d\d)?$/);

    ok(await repay(loanId, 500_000), 'repayment');
    await page.reload();
    await expect.poll(() => barValue(page, 'repayment', roundId), { timeout: 15_000 }).toBe('50.0%');
    // only days past due, not more than 30: nothing of it at risk in PAR30
    expect(await barValue(page, 'par30', roundId)).toBe('0.0%');
    await context.close();
  }, 120_000);

  it('drills down from a district to its townships and from a township to its loans, and back up', async () => {
    const roundId = await openRound({ termMonths: 1, evaluationMonths: [] });
    const loanId = await activeLoan(roundId, 800_000, { project, mother: { name: '德吉央宗', residentId: residentId() } });

    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/dashboard`);
    await drillInto(page, 'lhasa.chengguan');
    await expect.poll(() => hash(page)).toContain('districtId=lhasa.chengguan');
    expect(await hash(page)).toContain('groupBy=township');
    await expect.poll(() => page.locator('.c-crumbs').textContent()).toBe('全部区城关区项目办');
    await expect.poll(() => page.locator('.c-seg [aria-current="true"]').textContent()).toBe('按乡（街道）');

    // the township of the new loan is a bar; it leads to the township's loans
    await drillInto(page, 'lhasa.chengguan.caigongtang');
    await expect.poll(() => hash(page)).toContain('townshipId=lhasa.chengguan.caigongtang');
    await expect.poll(() => page.locator('.c-crumbs').textContent()).toBe('全部区城关区项目办蔡公堂乡');
    const loan = page.locator(`[data-loan="${loanId}"]`);
    await loan.waitFor({ timeout: 20_000 });
    expect(await loan.locator('a').getAttribute('href')).toBe(`#/loans/${loanId}`);
    expect(await loan.textContent()).toContain('德吉央宗');
    expect(await loan.textContent()).toContain('¥8,000');
    expect(await loan.textContent()).toContain('支巴村');

    // back up the breadcrumb
    await page.locator('.c-crumbs a', { hasText: '城关区项目办' }).click();
    await expect.poll(() => hash(page)).not.toContain('townshipId');
    await (await bar(page, 'repayment', 'lhasa.chengguan.caigongtang')).waitFor();
    await page.locator('.c-crumbs a', { hasText: '全部区' }).click();
    await expect.poll(() => hash(page)).toBe('#/dashboard?groupBy=district');
    await (await bar(page, 'repayment', 'lhasa.chengguan')).waitFor();
    await context.close();
  }, 120_000);

  it('shows a district office its own district only', async () => {
    const { context, page } = await signedIn(e2e, 'district');
    await page.goto(`${e2e.url}/#/dashboard`);
    await expect.poll(() => page.locator('.c-crumbs').textContent()).toBe('城关区项目办');
    await expect.poll(() => page.locator('.c-seg [aria-current="true"]').textContent()).toBe('按乡（街道）');
    await page.locator('[data-card="fund"]').waitFor();
    expect(await page.locator('[data-card="fund"] [data-district]').evaluateAll((els) => els.map((e) => e.getAttribute('data-district')))).toEqual(['lhasa.chengguan']);
    // in English too
    await page.locator('.lang-switch button[lang="en"]').click();
    await expect.poll(() => page.locator('.c-crumbs').textContent()).toBe('Chengguan District Project Office');
    await expect.poll(() => page.locator('[data-kpi="repayment"] .label').textContent()).toBe('Cumulative repayment rate');
    await page.locator('.lang-switch button[lang="zh-CN"]').click();
    await context.close();
  }, 60_000);

  it('downloads the repayment report as CSV for Excel, and refuses a date in the future', async () => {
    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/dashboard?groupBy=year`);
    await page.locator('button[data-csv="repayment"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-csv="repayment"]').click()]);
    expect(download.suggestedFilename()).toBe(`还款率报表-${today()}.csv`);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = text.slice(1).split('\r\n');
    expect(header).toMatch(/^分组,已到期本金\(元\),.*累计还款率,按期还款率/);
    expect(lines.some((l) => l.startsWith(`${today().slice(0, 4)}年,`))).toBe(true);

    const [fund] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-csv="fund"]').click()]);
    expect((await readFile((await fund.path())!, 'utf8')).charCodeAt(0)).toBe(0xfeff);

    // a date after today is the API's refusal, shown as an error
    await page.goto(`${e2e.url}/#/dashboard?groupBy=district&asOf=${addDays(today(), 3)}`);
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toContain('不能晚于今天');
    await context.close();
  }, 60_000);

  it('takes screenshots of the dashboard and of a drill-down, on a phone and a desktop', async () => {
    await loadExampleLoans();
    for (const [name, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const { context, page } = await signedIn(e2e, 'committee', { viewport });
      await page.goto(`${e2e.url}/#/dashboard?groupBy=district`);
      await page.locator('[data-card="outcomes"]').waitFor();
      await page.locator('[data-card="fund"] [data-district="lhasa.duilongdeqing"]').waitFor();
      await screenshot(page, `committee-dashboard-${name}`);

      await drillInto(page, 'lhasa.chengguan');
      await expect.poll(() => hash(page)).toContain('districtId=lhasa.chengguan');
      await drillInto(page, 'lhasa.chengguan.jibenggang');
      await page.locator('.c-loan-list [data-loan]').first().waitFor({ timeout: 20_000 });
      await expect.poll(() => page.locator('.c-loan-list [data-loan]').count()).toBeGreaterThanOrEqual(3);
      await screenshot(page, `committee-drilldown-${name}`);
      await context.close();
    }
  }, 180_000);
});

/** A loan whose steps are dated so that it was paid out `ago` days ago (term from its round). */
/** Four eyes: `submitter` submits and posts the notice, `visitor` visits, `district` approves and records the agreement, `payer` the payout. */
async function loanPaidOut(o: {
  roundId: string;
  ago: number;
  amountFen: number;
  villageId: string;
  mother: string;
  district: UserName;
  submitter: UserName;
  visitor: UserName;
  payer: UserName;
}): Promise<string> {
  const at = (n: number) => daysAgo(o.ago + n);
  const app = ok(
    await as(o.submitter).post(
      '/applications',
      applicationInput(o.roundId, { villageId: o.villageId, submittedOn: at(32), amountRequestedFen: o.amountFen, project, mother: { name: o.mother, residentId: residentId() } }),
    ),
    'submit',
  ).body.id as string;
  ok(await as(o.submitter).post(`/applications/${app}/notice`, { postedOn: at(27) }), 'notice');
  for (const v of [17, 12])
    ok(await as(o.visitor).post(`/applications/${app}/visits`, { visitedOn: at(v), visitors: ['达瓦'], willingToWork: true, planCredible: true, notes: '家中有劳动力' }), 'visit');
  const loanId = ok(await as(o.district).post(`/applications/${app}/decision`, { decision: 'approve', decidedOn: at(5), amountFen: o.amountFen }), 'approve').body.loanId as string;
  await confirmLoans([loanId], { sender: o.district, on: at(5) });
  ok(
    await as(o.district).post(`/loans/${loanId}/agreement`, { signedOn: at(2), guarantors: { townshipHead: '格桑', villageHead: '扎西' }, signatories: [{ party: 'mother', name: o.mother }] }),
    'agreement',
  );
  ok(
    await as(o.payer).post(`/loans/${loanId}/disbursement`, { disbursedOn: at(0), amountFen: o.amountFen, motherPresent: true, idChecked: true }, { idempotencyKey: `e2e-${randomUUID()}` }),
    'disbursement',
  );
  return loanId;
}

/** A small portfolio in both demo districts, in every state, so the screenshots show something. */
async function loadExampleLoans(): Promise<void> {
  const cg = await openRound(roundInput({ name: '城关区示例轮次', openedOn: daysAgo(800), termMonths: 12, evaluationMonths: [6] }));
  const dl = await openRound(roundInput({ districtId: 'lhasa.duilongdeqing', name: '堆龙德庆区示例轮次', openedOn: daysAgo(800), termMonths: 12, evaluationMonths: [6] }));
  const C = { roundId: cg, district: 'district-2', submitter: 'district', visitor: 'field', payer: 'district' } as const;
  const D = { roundId: dl, district: 'district-b', submitter: 'township-b', visitor: 'field-b', payer: 'township-b' } as const;
  const [a, b, c, , e, f, g, , i] = await Promise.all([
    loanPaidOut({ ...C, ago: 420, amountFen: 1_000_000, villageId: 'lhasa.chengguan.caigongtang.zhiba', mother: '德吉' }),
    loanPaidOut({ ...C, ago: 500, amountFen: 1_200_000, villageId: 'lhasa.chengguan.niangre.minzu', mother: '卓嘎' }),
    loanPaidOut({ ...C, ago: 380, amountFen: 800_000, villageId: 'lhasa.chengguan.jibenggang.lugu', mother: '白玛' }),
    loanPaidOut({ ...C, ago: 150, amountFen: 1_000_000, villageId: 'lhasa.chengguan.jibenggang.lugu', mother: '次珍' }),
    loanPaidOut({ ...C, ago: 450, amountFen: 500_000, villageId: 'lhasa.chengguan.jibenggang.jibenggang', mother: '拉姆' }),
    loanPaidOut({ ...D, ago: 430, amountFen: 1_500_000, villageId: 'lhasa.duilongdeqing.naiqiong.boma', mother: '央金' }),
    loanPaidOut({ ...D, ago: 420, amountFen: 1_000_000, villageId: 'lhasa.duilongdeqing.naiqiong.gangdelin', mother: '普布' }),
    loanPaidOut({ ...D, ago: 100, amountFen: 1_200_000, villageId: 'lhasa.duilongdeqing.naiqiong.boma', mother: '格桑曲珍' }),
    loanPaidOut({ ...D, ago: 650, amountFen: 600_000, villageId: 'lhasa.duilongdeqing.naiqiong.gangdelin', mother: '旺姆' }),
  ]);
  ok(await repay(a!, 1_000_000, daysAgo(70), 'district'), 'repay a');
  ok(await repay(b!, 600_000, daysAgo(200), 'district'), 'repay b');
  ok(await repay(c!, 100_000, daysAgo(30), 'district'), 'repay c');
  ok(await repay(e!, 500_000, daysAgo(60), 'district'), 'repay e');
  ok(await repay(f!, 1_500_000, daysAgo(50), 'district-b'), 'repay f');
  ok(await repay(g!, 400_000, daysAgo(100), 'district-b'), 'repay g');
  ok(await repay(i!, 200_000, daysAgo(400), 'district-b'), 'repay i');
  ok(await as('committee').post(`/loans/${i}/write-off`, { writtenOffOn: daysAgo(10), reason: '户主病故，家庭无力偿还' }, { idempotencyKey: `e2e-${randomUUID()}` }), 'write-off');
  ok(await as('field').post(`/loans/${a}/evaluations`, evaluationInput('final', { evaluatedOn: daysAgo(60), incomeToDateFen: 650_000, leftPoverty: true })), 'evaluate a');
  ok(await as('field').post(`/loans/${e}/evaluations`, evaluationInput('final', { evaluatedOn: daysAgo(55), incomeToDateFen: 180_000, leftPoverty: false })), 'evaluate e');
  ok(await as('district-b').post(`/loans/${f}/evaluations`, evaluationInput('final', { evaluatedOn: daysAgo(45), incomeToDateFen: 900_000, leftPoverty: true })), 'evaluate f');
}
