/**
 * Money handed up and written off, in the browser, as the people who do it: a township hands
 * two collected repayments to its district; the district remits them to the committee with
 * the cash counted short (and records a township's hand-over for it); the committee sees the
 * shortfall marked in the reconciliation; the committee writes off a loan. Each job is then
 * checked through the API. The test works in a district of its own (offices and clerks made
 * here), so its figures are exact while other test files use the demo offices.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fenInCapitals } from '../../web/src/i18n/chinese-numerals.ts';
import { as, call, tokens, type Answer } from '../support/api.ts';
import { agreementInput, applicationInput, daysAgo, residentId, roundInput, today, visitInput } from '../support/fixtures.ts';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';
import { latinWords, seriousAxeViolations } from './support/checks.ts';

let e2e: E2E;

const tag = randomUUID().slice(0, 6);
const districtId = `lhasa.mt-${tag}`;
const townId = `${districtId}.jiama`;
const villageId = `${townId}.chikang`;
const town2Id = `${districtId}.tangjia`;
const village2Id = `${town2Id}.gangdui`;

/** A clerk of the test's own offices, in the staff directory as the browser signs in. */
function clerk(role: 'district' | 'township', officeId: string, who: string) {
  const username = `money-${who}-${tag}`;
  let token: Promise<string> | undefined;
  const signed = () => (token ??= tokens.sign({ username, role, officeId }));
  return {
    username,
    get: async (path: string) => call(null, 'GET', path, undefined, { token: await signed() }),
    post: async (path: string, body: unknown) => call(null, 'POST', path, body, { token: await signed() }),
  };
}
const district = clerk('district', districtId, 'district');
const approver = clerk('district', districtId, 'district2');
const township = clerk('township', townId, 'township');
const township2 = clerk('township', town2Id, 'township2');

async function ok(res: Promise<Answer>, status: number, what: string) {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A loan of the test's district, approved by the second clerk, agreed and paid out 28 days ago. */
async function activeLoan(roundId: string, village: string, name: string, amountFen: number): Promise<string> {
  const app = await ok(district.post('/applications', applicationInput(roundId, { villageId: village, amountRequestedFen: amountFen, mother: { name, residentId: residentId() } })), 201, 'submit');
  await ok(district.post(`/applications/${app.id}/notice`, { postedOn: daysAgo(55) }), 200, 'notice');
  await ok(district.post(`/applications/${app.id}/visits`, visitInput({ visitedOn: daysAgo(45) })), 201, 'visit');
  await ok(district.post(`/applications/${app.id}/visits`, visitInput({ visitedOn: daysAgo(35) })), 201, 'visit');
  const { loanId } = await ok(approver.post(`/applications/${app.id}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen }), 200, 'approve');
  const list = await ok(district.post('/confirmation-lists', { sentOn: daysAgo(30), loanIds: [loanId] }), 201, 'send for confirmation');
  await ok(as('committee').post(`/confirmation-lists/${list.id}/decision`, { decidedOn: daysAgo(30) }), 200, 'confirm');
  await ok(district.post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29))), 200, 'agreement');
  await ok(district.post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen, motherPresent: true, idChecked: true }), 200, 'disburse');
  return loanId;
}

interface Paid {
  id: string;
  receiptNo: string;
  amountFen: number;
}
async function repay(who: typeof township, loanId: string, amountFen: number, paidOn: string): Promise<Paid> {
  // digits, as a township's receipt book prints them (the loan page's repayments show them)
  const receiptNo = `${String(randomInt(1e9)).padStart(9, '0')}`;
  const r = await ok(who.post(`/loans/${loanId}/repayments`, { paidOn, amountFen, receiptNo }), 201, 'repay');
  return { id: r.id, receiptNo, amountFen };
}

let loan1: string;
let loan2: string;
let r1: Paid;
let r2: Paid;
let r3: Paid;
let townshipBatchId: string;

beforeAll(async () => {
  e2e = await startE2E();
  for (const [id, name] of [
    [districtId, '墨竹测试区'],
    [townId, '甲玛乡'],
    [villageId, '赤康村'],
    [town2Id, '塘加乡'],
    [village2Id, '岗堆村'],
  ] as const)
    await ok(as('committee').post('/offices', { id, name }), 201, `office ${id}`);
  const roundId = (await ok(as('committee').post('/rounds', roundInput({ districtId, capitalFen: 10_000_000 })), 201, 'round')).id;
  loan1 = await activeLoan(roundId, villageId, '央金', 1_000_000);
  loan2 = await activeLoan(roundId, village2Id, '德吉', 800_000);
  r1 = await repay(township, loan1, 150_000, daysAgo(6));
  r2 = await repay(township, loan1, 230_050, daysAgo(4));
  r3 = await repay(township2, loan2, 120_000, daysAgo(3));
}, 120_000);
afterAll(async () => e2e?.close());

describe('remittances and write-off in the browser', () => {
  it('a township hands two collected repayments to its district', async () => {
    const sum = r1.amountFen + r2.amountFen;
    const { context, page } = await signedIn(e2e, township.username);
    await page.locator('.topbar nav a', { hasText: '上缴' }).click();
    await page.locator('h1', { hasText: '还款上缴' }).waitFor();
    // each repayment waiting is named by the mother who paid it
    expect(await page.locator(`tr[data-receipt="${r1.receiptNo}"]`).innerText()).toContain('央金');
    for (const r of [r1, r2]) await page.locator(`tr[data-receipt="${r.receiptNo}"] input[type=checkbox]`).check();
    await page.locator('.m-choose-row', { hasText: '已选 2 笔，合计 ¥3,800.50' }).waitFor();
    await page.getByLabel('实交金额（元）', { exact: true }).fill('3800.50');
    await page.getByLabel('交款人', { exact: true }).fill('格桑');
    await page.getByLabel('收款人', { exact: true }).fill('王丽');
    await page.getByLabel('银行回单号或备注（可不填）').fill('回单 0042');
    expect(await latinWords(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'remittances-township-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'remittances-township-phone');
    await page.setViewportSize(DESKTOP);

    await page.locator('button', { hasText: '上缴…' }).click();
    const dialog = page.locator('.dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('¥3,800.50');
    expect(await dialog.textContent()).toContain(fenInCapitals(sum));
    expect(await dialog.locator('.m-warn').count()).toBe(0);
    await dialog.locator('button', { hasText: '确认' }).click();
    await page.waitForURL(/#\/remittances\/[0-9A-Z]{26}$/);
    townshipBatchId = /remittances\/([0-9A-Z]{26})/.exec(page.url())![1]!;
    await page.locator('[data-testid=declared]', { hasText: '¥3,800.50' }).waitFor();
    await page.locator('.badge', { hasText: '相符' }).first().waitFor();
    expect(await page.locator('.m-table tbody tr').count()).toBe(2);
    expect(await latinWords(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'remittances-batch-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'remittances-batch-phone');
    await context.close();

    // through the API: the batch's total, and both repayments now at the district
    const batch = await ok(township.get(`/remittances/${townshipBatchId}`), 200, 'batch');
    expect(batch).toMatchObject({
      level: 'township_to_district',
      fromOfficeId: townId,
      toOfficeId: districtId,
      amountFen: sum,
      sumOfRepaymentsFen: sum,
      flagged: false,
      repaymentCount: 2,
      handedOverBy: '格桑',
      receivedBy: '王丽',
      note: '回单 0042',
      handedOverOn: today(),
    });
    expect(batch.repayments.map((r: { id: string; remittanceState: string }) => [r.id, r.remittanceState]).sort()).toEqual(
      [
        [r1.id, 'at_district'],
        [r2.id, 'at_district'],
      ].sort(),
    );
    const held = await ok(township.get('/remittances/waiting'), 200, 'waiting');
    expect(held.items.map((r: { id: string }) => r.id)).not.toContain(r1.id);
  }, 90_000);

  it('the district records a township’s hand-over for it, and remits to the committee with the cash counted short', async () => {
    const { context, page } = await signedIn(e2e, district.username);
    await page.goto(`${e2e.url}/#/remittances`);
    await page.locator('h1', { hasText: '还款上缴' }).waitFor();

    // 塘加乡's clerk brought its cash to the district office: recorded here for the township
    await page.locator('label.pill', { hasText: '代乡镇登记交区' }).click();
    await page.locator('.m-township select').selectOption(town2Id);
    await page.locator(`tr[data-receipt="${r3.receiptNo}"] input[type=checkbox]`).check();
    await page.getByLabel('实交金额（元）', { exact: true }).fill('1,200');
    await page.getByLabel('交款人', { exact: true }).fill('巴桑');
    await page.getByLabel('收款人', { exact: true }).fill('王丽');
    await page.locator('button', { hasText: '上缴…' }).click();
    await page.locator('.dialog button', { hasText: '确认' }).click();
    await page.waitForURL(/#\/remittances\/[0-9A-Z]{26}$/);
    const town2Batch = /remittances\/([0-9A-Z]{26})/.exec(page.url())![1]!;
    await page.locator('[data-testid=declared]', { hasText: '¥1,200' }).waitFor();

    // then the district remits the three repayments it now holds, counted 10 yuan short
    await page.goto(`${e2e.url}/#/remittances`);
    await page.locator('label.pill', { hasText: '本区上缴组委会' }).waitFor();
    for (const r of [r1, r2, r3]) await page.locator(`tr[data-receipt="${r.receiptNo}"] input[type=checkbox]`).waitFor();
    expect(await page.locator('.m-waiting tbody tr').count()).toBe(3);
    await page.locator('button', { hasText: '全选' }).click();
    await page.locator('.m-choose-row', { hasText: '已选 3 笔，合计 ¥5,000.50' }).waitFor();
    await page.getByLabel('实交金额（元）', { exact: true }).fill('4990.50');
    await page.getByLabel('交款人', { exact: true }).fill('王丽');
    await page.getByLabel('收款人', { exact: true }).fill('次仁');
    expect(await latinWords(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'remittances-district-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'remittances-district-phone');
    await page.setViewportSize(DESKTOP);
    await page.locator('button', { hasText: '上缴…' }).click();
    const dialog = page.locator('.dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(fenInCapitals(499_050));
    expect(await dialog.locator('.m-warn').textContent()).toContain('短款 ¥10');
    await screenshot(page, 'remittances-confirm-desktop');
    await dialog.locator('button', { hasText: '确认' }).click();
    await page.waitForURL(/#\/remittances\/[0-9A-Z]{26}$/);
    const remitted = /remittances\/([0-9A-Z]{26})/.exec(page.url())![1]!;
    await page.locator('h1 .badge', { hasText: '金额不符 · 短款 ¥10' }).waitFor();
    await context.close();

    // through the API: the township batch recorded for 塘加乡, and the remittance flagged 10 yuan short
    expect(await ok(district.get(`/remittances/${town2Batch}`), 200, 'town2 batch')).toMatchObject({
      level: 'township_to_district',
      fromOfficeId: town2Id,
      amountFen: 120_000,
      flagged: false,
      recordedBy: { username: district.username },
    });
    const batch = await ok(district.get(`/remittances/${remitted}`), 200, 'remittance');
    expect(batch).toMatchObject({
      level: 'district_to_committee',
      fromOfficeId: districtId,
      toOfficeId: 'lhasa',
      amountFen: 499_050,
      sumOfRepaymentsFen: 500_050,
      differenceFen: -1_000,
      flagged: true,
      repaymentCount: 3,
    });
    expect(batch.repayments.every((r: { remittanceState: string }) => r.remittanceState === 'at_committee')).toBe(true);
  }, 90_000);

  it('the committee sees the shortfall marked in the reconciliation', async () => {
    const { context, page } = await signedIn(e2e, 'committee');
    await page.locator('.topbar nav a', { hasText: '上缴对账' }).click();
    await page.locator('h1', { hasText: '上缴对账' }).waitFor();
    await page.locator('.m-filters select').selectOption(districtId);
    const row = page.locator(`tr[data-office="${districtId}"]`);
    await row.locator('.m-diff', { hasText: '短款 ¥10' }).waitFor();
    expect(await row.getAttribute('class')).toContain('m-row-off');
    // the townships handed on exactly what they collected: not marked
    for (const town of [townId, town2Id]) expect(await page.locator(`tr[data-office="${town}"]`).getAttribute('class')).not.toContain('m-row-off');
    expect(await page.locator('.m-flagged li').count()).toBe(1);
    expect(await page.locator('.m-flagged li').textContent()).toContain('墨竹测试区');
    await page.locator('.m-batches tbody tr').first().waitFor();
    expect(await page.locator('.m-batches tbody tr').count()).toBe(3);
    expect(await latinWords(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'remittances-reconciliation-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'remittances-reconciliation-phone');
    await page.setViewportSize(DESKTOP);

    // the CSV file of the same report
    const file = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载对账表（CSV）' }).click();
    expect((await file).suggestedFilename()).toBe(`还款上缴对账表-${today()}.csv`);
    await context.close();

    const report = await ok(as('committee').get(`/reports/remittances?districtId=${districtId}`), 200, 'report');
    expect(report.totals).toMatchObject({ collectedFen: 500_050, remittedToCommitteeFen: 500_050, unaccountedFen: 0, differenceFen: -1_000, flaggedBatches: 1 });
  }, 90_000);

  it('the committee writes off a loan; a refused date is said in Chinese', async () => {
    const before = await ok(as('committee').get(`/loans/${loan2}`), 200, 'loan');
    expect(before.balanceFen).toBe(680_000);
    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/loans/${loan2}`);
    const section = page.locator('section#write-off');
    await section.waitFor();
    expect(await section.textContent()).toContain(fenInCapitals(680_000));

    // a day before the money was paid out: the API refuses, in the UI language, on the date
    await section.getByLabel('核销日期').fill(daysAgo(40));
    await section.getByLabel('核销原因').fill('户主病故，家中无劳动力，经村委会证明无力偿还');
    await section.locator('button', { hasText: '核销…' }).click();
    await page.locator('.dialog button', { hasText: '确认' }).click();
    const refusal = section.locator('.field-error, .error').first();
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await latinWords(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await section.getByLabel('核销日期').fill(today());
    await screenshot(page, 'writeoff-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'writeoff-phone');
    await page.setViewportSize(DESKTOP);
    await section.locator('button', { hasText: '核销…' }).click();
    const dialog = page.locator('.dialog');
    expect(await dialog.locator('.d-big-amount').textContent()).toBe('¥6,800');
    expect(await dialog.textContent()).toContain(fenInCapitals(680_000));
    await dialog.locator('button', { hasText: '确认' }).click();
    // the balance says it was written off, with the amount (never a bare ¥0, which reads as repaid)
    await page.locator('[data-testid=balance]', { hasText: '已核销 ¥6,800' }).waitFor();
    await page.locator('.d-history li', { hasText: '核销' }).first().waitFor();
    expect(await page.locator('section#write-off').count()).toBe(0);
    await context.close();

    const after = await ok(as('committee').get(`/loans/${loan2}`), 200, 'loan');
    expect(after).toMatchObject({ status: 'written_off', balanceFen: 0, writeOff: { amountFen: 680_000, writtenOffOn: today(), writtenOffBy: { username: 'committee' } } });
    expect(after.history.some((h: { action: string }) => h.action === 'written_off')).toBe(true);
  }, 90_000);
});
