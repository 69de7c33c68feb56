/**
 * The district office's work as a clerk does it in the browser: screen, approve, record the
 * agreement and pay out; a refusal shown with the API's own message; disbursement day in a
 * township with a lost answer retried under the same Idempotency-Key. The data is made
 * through the API first; what the clerk did is then checked through the API.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { agreementInput, applicationInput, confirmLoans, daysAgo, openRound, readyApplication, residentId, today, visitInput } from '../support/fixtures.ts';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

const BAIDING = 'lhasa.chengguan.caigongtang.baiding';
const CAIGONGTANG = 'lhasa.chengguan.caigongtang';
/** the API over DynamoDB Local may take a few seconds for a transaction */
const WAIT = { timeout: 15_000, interval: 100 };

async function settled(page: Page) {
  await expect.poll(() => page.getByText('加载中…').count(), WAIT).toBe(0);
}

/** The same page at phone and desktop width, as `district-<name>-<phone|desktop>.png`. */
async function shoot(path: string, name: string, ready: string) {
  for (const [viewport, suffix] of [
    [PHONE, 'phone'],
    [DESKTOP, 'desktop'],
  ] as const) {
    const { context, page } = await signedIn(e2e, 'district', { viewport });
    await page.goto(`${e2e.url}/#${path}`);
    await page.getByText(ready).first().waitFor({ timeout: 15_000 });
    await settled(page);
    await screenshot(page, `district-${name}-${suffix}`);
    await context.close();
  }
}

/** An application whose notice was posted today: everything else is ready, but approval must wait. */
async function noticeRunningApplication(roundId: string, name = '拉姆') {
  const app = await as('township').post('/applications', applicationInput(roundId, { mother: { name, residentId: residentId() }, villageId: BAIDING }));
  expect(app.status).toBe(201);
  const id = app.body.id as string;
  expect((await as('township').post(`/applications/${id}/notice`, { postedOn: today() })).status).toBe(200);
  for (const visitedOn of [daysAgo(10), daysAgo(5)]) expect((await as('field').post(`/applications/${id}/visits`, visitInput({ visitedOn }))).status).toBe(201);
  return id;
}

/** Ready for approval, submitted by the district office (for villages outside the demo township). */
async function readyFromDistrict(roundId: string, overrides: Record<string, unknown>) {
  const app = await as('district').post('/applications', applicationInput(roundId, overrides));
  expect(app.status).toBe(201);
  const id = app.body.id as string;
  expect((await as('district').post(`/applications/${id}/notice`, { postedOn: daysAgo(55) })).status).toBe(200);
  for (const visitedOn of [daysAgo(45), daysAgo(35)]) expect((await as('field').post(`/applications/${id}/visits`, visitInput({ visitedOn }))).status).toBe(201);
  return id;
}

/** Approved and agreed through the API: waiting to be paid out. */
async function agreedLoan(roundId: string, overrides: Record<string, unknown>) {
  const inTownship = String(overrides.villageId ?? CAIGONGTANG).startsWith(CAIGONGTANG);
  const appId = inTownship ? await readyApplication(roundId, overrides) : await readyFromDistrict(roundId, overrides);
  const decided = await as('district-2').post(`/applications/${appId}/decision`, {
    decision: 'approve',
    decidedOn: daysAgo(5),
    amountFen: (overrides.amountRequestedFen as number | undefined) ?? 1_000_000,
  });
  expect(decided.status).toBe(200);
  const loanId = decided.body.loanId as string;
  await confirmLoans([loanId], { on: daysAgo(5) });
  expect((await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(3)))).status).toBe(200);
  return loanId;
}

describe('district office', () => {
  it('a clerk approves and disburses: screening rule by rule, approval, agreement, payout', async () => {
    const roundId = await openRound({ name: `城关区第七轮 ${Date.now() % 10_000}` });
    const appId = await readyApplication(roundId, { mother: { name: '次仁卓玛', residentId: residentId() } });
    await readyApplication(roundId, { mother: { name: '央金', residentId: residentId() }, familyPlanning: 'compliant', amountRequestedFen: 800_000 });
    const waitingId = await noticeRunningApplication(roundId);

    const { context, page } = await signedIn(e2e, 'district');
    // the queue: three applications of the round
    await page.goto(`${e2e.url}/#/applications?roundId=${roundId}`);
    await expect.poll(() => page.locator('table.d-rtable tbody tr').count(), WAIT).toBe(3);
    await page.getByRole('link', { name: '次仁卓玛' }).click();

    // screening: every rule passes, shown with ✓ and its Chinese reason
    await page.getByRole('button', { name: '运行筛查' }).click();
    await expect.poll(() => page.locator('.d-rules .rule.pass').count(), WAIT).toBe(8);
    expect(await page.locator('.d-rules .rule.fail').count()).toBe(0);
    expect(await page.locator('.d-rules').textContent()).toContain('✓');
    expect(await page.locator('.d-rules').textContent()).toContain('首次申请，无不良记录');
    // in English, the API's English reason
    await page.locator('.lang-switch button[lang="en"]').click();
    await expect.poll(() => page.locator('.d-rules').textContent(), WAIT).toContain('first loan; no bad record');
    expect(await page.locator('.d-section h2').allTextContents()).toContain('Screening (three nos, one priority)');
    await page.locator('.lang-switch button[lang="zh-CN"]').click();
    await expect.poll(() => page.locator('.d-rules').textContent(), WAIT).toContain('首次申请');

    // four eyes: the clerk who ran the screening may not approve; the refusal names the step
    await page.locator('input[name="amountFen"]').fill('10000');
    await page.getByRole('button', { name: '批准…', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.locator('#decision .error').textContent(), WAIT).toMatch(/四眼原则.*审查/);

    // approval by a second district clerk, behind a confirmation showing the amount
    const second = await signedIn(e2e, 'district-2');
    await second.page.goto(`${e2e.url}/#/applications/${appId}`);
    await second.page.locator('input[name="amountFen"]').fill('10000');
    await second.page.getByRole('button', { name: '批准…', exact: true }).click();
    const dialog = second.page.getByRole('dialog');
    await expect.poll(() => dialog.textContent(), WAIT).toContain('¥10,000');
    expect(await dialog.textContent()).toContain('壹万元整');
    await dialog.getByRole('button', { name: '确认' }).click();
    await second.page.getByRole('link', { name: '查看贷款' }).first().click();
    await second.page.waitForURL(/#\/loans\/[0-9A-Z]{26}$/);
    const loanId = second.page.url().split('/loans/')[1]!;
    expect(loanId).toMatch(/^[0-9A-Z]{26}$/);
    await second.context.close();
    // the committee confirms it (审核确定) before it may be paid out
    await confirmLoans([loanId]);

    // the first clerk records the agreement and the payout
    await page.goto(`${e2e.url}/#/loans/${loanId}`);
    await page.locator('#agreement').waitFor();

    // the agreement: guarantors and signatories (the mother is already on the list)
    await page.locator('input[name="guarantors.townshipHead"]').fill('格桑');
    await page.locator('input[name="guarantors.villageHead"]').fill('扎西');
    await page.locator('input[name="signatories.1.name"]').fill('王丽');
    await page.getByRole('button', { name: '录入协议' }).click();
    await expect.poll(() => page.locator('#agreement').textContent(), WAIT).toContain('格桑');

    // the payout: both ticks, then a confirmation showing the amount in yuan
    await page.locator('input[name="motherPresent"]').check();
    await page.locator('input[name="idChecked"]').check();
    await page.getByRole('button', { name: '放款…' }).click();
    await expect.poll(() => page.getByRole('dialog').textContent(), WAIT).toContain('¥10,000');
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.locator('h1 .badge').textContent(), WAIT).toBe('正常');

    // a first repayment at the township, in yuan, behind a confirmation
    await page.locator('#repayments input[name="amountFen"]').fill('2,500');
    await page.locator('input[name="receiptNo"]').fill('CGT-0001');
    await page.getByRole('button', { name: '记录还款…' }).click();
    await expect.poll(() => page.getByRole('dialog').textContent(), WAIT).toContain('¥2,500');
    expect(await page.getByRole('dialog').textContent()).toContain('¥7,500');
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.getByTestId('balance').textContent(), WAIT).toBe('¥7,500');

    const loan = await as('district').get(`/loans/${loanId}`);
    expect(loan.body.status).toBe('active');
    expect(loan.body.principalFen).toBe(1_000_000);
    expect(loan.body.disbursement.amountFen).toBe(1_000_000);
    expect(loan.body.balanceFen).toBe(750_000);
    expect(loan.body.repayments).toMatchObject([{ amountFen: 250_000, receiptNo: 'CGT-0001', balanceAfterFen: 750_000 }]);
    expect(loan.body.agreement.guarantors).toEqual({ townshipHead: '格桑', villageHead: '扎西' });
    expect(loan.body.agreement.signatories).toEqual([
      { party: 'mother', name: '次仁卓玛' },
      { party: 'district', name: '王丽' },
    ]);
    expect((await as('district').get(`/applications/${appId}`)).body.status).toBe('approved');

    // a refusal is shown with the API's own words, in the page's language: the notice period still runs
    await page.goto(`${e2e.url}/#/applications/${waitingId}`);
    await page.getByRole('button', { name: '批准…', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.locator('#decision .error').textContent(), WAIT).toContain('暂不能批准：公示期至');
    expect((await as('district').get(`/applications/${waitingId}`)).body.status).toBe('submitted');
    await context.close();

    // the pages at phone and desktop width
    await shoot(`/applications?roundId=${roundId}&sort=priority`, 'applications', '次仁卓玛');
    await shoot(`/applications/${appId}`, 'application', '筛查（三不一优先）');
    await shoot(`/loans/${loanId}`, 'loan', '借款协议');
    await shoot(`/loans?roundId=${roundId}`, 'loans', '次仁卓玛');
    await shoot(`/notice?roundId=${roundId}&villageId=lhasa.chengguan.caigongtang.zhiba`, 'notice', '幸福工程贷款申请人公示');
    await shoot(`/loans/${loanId}/agreement`, 'agreement', '幸福工程借款协议书');
  }, 240_000);

  it('shows the field the API names when a new application is refused, and submits a valid one', async () => {
    const roundId = await openRound();
    const { context, page } = await signedIn(e2e, 'township', { viewport: PHONE });
    await page.goto(`${e2e.url}/#/applications?roundId=${roundId}`);
    await page.getByRole('button', { name: '新增申请' }).click();
    const form = page.getByRole('form', { name: '新增申请' });
    await form.locator('input[name="mother.name"]').fill('德吉');
    const good = residentId();
    await form.locator('input[name="mother.residentId"]').fill(good.slice(0, 17) + (good[17] === '0' ? '1' : '0'));
    await form.locator('select[name="villageId"]').selectOption('lhasa.chengguan.caigongtang.zhiba');
    await form.locator('input[name="householdSize"]').fill('4');
    await form.locator('input[name="householdAnnualIncomeFen"]').fill('9,600');
    await form.locator('input[name="villagePerCapitaIncomeFen"]').fill('4000.5');
    await form.locator('input[name="project.expectedAnnualReturnFen"]').fill('8000');
    await form.locator('input[name="amountRequestedFen"]').fill('12000');
    await form.locator('textarea[name="project.description"]').fill('开一家甜茶馆，供应甜茶和藏面');
    await form.getByRole('button', { name: '提交' }).click();
    // the resident ID's checksum is wrong: the API's own schema, run in the form, says so on the field, in Chinese, and focus goes there
    await expect.poll(() => form.locator('.invalid').first().textContent(), WAIT).toContain('身份证号码有误');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('mother.residentId');
    // nor may it go without the name of who took the mother's signed consent (PIPL)
    expect(await form.locator('.invalid').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('告知并取得同意的工作人员')]));

    await form.locator('input[name="mother.residentId"]').fill(good);
    await form.locator('input[name="consent.takenBy"]').fill('格桑');
    await form.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/#\/applications\/[0-9A-Z]{26}$/);
    await page.getByRole('heading', { name: /德吉/ }).waitFor();
    const id = page.url().split('/applications/')[1]!;
    const app = await as('district').get(`/applications/${id}`);
    expect(app.body.householdAnnualIncomeFen).toBe(960_000);
    expect(app.body.villagePerCapitaIncomeFen).toBe(400_050);
    expect(app.body.amountRequestedFen).toBe(1_200_000);
    expect(app.body.mother.residentId).toBe(good);
    expect(app.body.consent).toEqual({ givenOn: today(), takenBy: '格桑' });
    await context.close();
  }, 120_000);

  it('disbursement day: two mothers of one township ticked and paid in one go; a lost answer is retried with the same key', async () => {
    const roundId = await openRound({ name: `蔡公堂集中放款 ${Date.now() % 10_000}` });
    const first = await agreedLoan(roundId, { mother: { name: '卓嘎', residentId: residentId() } });
    const second = await agreedLoan(roundId, { mother: { name: '普布', residentId: residentId() }, villageId: BAIDING, amountRequestedFen: 1_200_000 });
    // another township's loan is not on this township's list
    await agreedLoan(roundId, { mother: { name: '白玛', residentId: residentId() }, villageId: 'lhasa.chengguan.niangre.minzu' });

    const { context, page } = await signedIn(e2e, 'district');
    const keys: string[] = [];
    let lost = false;
    await page.route(`**/loans/${first}/disbursement`, async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (lost) return route.continue();
      // the server records the payout, but its answer never reaches the browser
      lost = true;
      await route.fetch().catch(() => undefined);
      return route.abort('connectionreset').catch(() => undefined);
    });
    await page.goto(`${e2e.url}/#/ceremony?roundId=${roundId}&township=${CAIGONGTANG}`);
    await expect.poll(() => page.locator('.d-ceremony > li').count(), WAIT).toBe(2);
    for (const id of [first, second]) {
      await page.locator(`input[name="present-${id}"]`).check();
      await page.locator(`input[name="id-${id}"]`).check();
    }
    await settled(page);
    await screenshot(page, 'district-ceremony-desktop');
    await page.getByRole('button', { name: '记录放款…' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('2 位母亲');
    expect(await dialog.getByTestId('ceremony-total').textContent()).toBe('¥22,000');
    await dialog.getByRole('button', { name: '确认' }).click();

    // the second is paid; the first's outcome is unknown, so it is offered again
    await expect.poll(() => page.locator(`li[data-id="${second}"] .d-result-paid`).count(), WAIT).toBe(1);
    await expect.poll(() => page.locator(`li[data-id="${first}"] .d-result-uncertain`).count(), WAIT).toBe(1);
    await page.getByRole('button', { name: '重试未成功的…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.locator(`li[data-id="${first}"] .d-result-paid`).count(), WAIT).toBe(1);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^web-/);
    expect(keys[1]).toBe(keys[0]);

    for (const [id, amount] of [
      [first, 1_000_000],
      [second, 1_200_000],
    ] as const) {
      const loan = await as('district').get(`/loans/${id}`);
      expect(loan.body.status).toBe('active');
      expect(loan.body.disbursement.amountFen).toBe(amount);
      expect(loan.body.disbursement.disbursedOn).toBe(today());
      expect(loan.body.history.filter((e: { action: string }) => e.action === 'disbursed')).toHaveLength(1);
    }
    const round = await as('district').get(`/rounds/${roundId}`);
    expect(round.body.disbursedFen).toBe(2_200_000);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();

    // phone: the same list as a township clerk sees it, ticked and ready
    const third = await agreedLoan(roundId, { mother: { name: '达珍', residentId: residentId() } });
    const phone = await signedIn(e2e, 'township', { viewport: PHONE });
    await phone.page.goto(`${e2e.url}/#/ceremony?roundId=${roundId}`);
    await phone.page.locator(`input[name="present-${third}"]`).check();
    await phone.page.locator(`input[name="id-${third}"]`).check();
    await settled(phone.page);
    await screenshot(phone.page, 'district-ceremony-phone');
    await phone.context.close();
  }, 180_000);
});
