/**
 * Finding a mother and her paper, as the clerks do it in the browser: the search box above
 * every list (by full resident ID number and by the start of her name; another district's
 * clerk finds nothing), the printable receipt of each repayment and the repayment card from
 * the loan page, the collection list per township and village (催收) with its print link,
 * and a loan brought in from the ledger, which has no application to link to.
 * The data is made through the API first.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../shared/domain/dates.ts';
import { as, type UserName } from '../support/api.ts';
import { agreementInput, applicationInput, confirmLoans, daysAgo, MINZU, openRound, residentId, today, visitInput, ZHIBA } from '../support/fixtures.ts';
import { generateLedger, ledgerBody } from '../support/ledger-fixture.ts';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';
import { latinWords, seriousAxeViolations } from './support/checks.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

const NIANGRE = 'lhasa.chengguan.niangre';
const ZHAXI = 'lhasa.chengguan.niangre.zhaxi';
const BOMA = 'lhasa.duilongdeqing.naiqiong.boma';
const WAIT = { timeout: 15_000, interval: 100 };

/** A name no other test file uses: 央宗 and two characters drawn at random. */
const CHARS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
const uniqueName = (start: string) => `${start}${CHARS[randomInt(CHARS.length)]}${CHARS[randomInt(CHARS.length)]}${CHARS[randomInt(CHARS.length)]}`;

const yuan = (fen: number) => `¥${Math.trunc(fen / 100).toLocaleString('en-US')}${fen % 100 ? `.${String(fen % 100).padStart(2, '0')}` : ''}`;

async function ok(user: UserName, path: string, body?: unknown) {
  const r = await as(user).post(path, body);
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * A loan paid out on `disbursedOn` to a mother of a Niangre village, filed by the district
 * office (the demo township is another one); four eyes: district-2 approves.
 */
async function paidOutLoan(roundId: string, mother: { name: string; residentId: string }, villageId: string, disbursedOn: string, amountFen = 1_000_000): Promise<string> {
  // a return that repays the loan even over a one-month term (the screening's capacity to repay)
  const project = { type: 'livestock', description: '养殖牦牛十头，出售酥油和奶渣', expectedAnnualReturnFen: 12 * amountFen };
  const app = await ok('district', '/applications', applicationInput(roundId, { mother, villageId, submittedOn: daysAgo(70), amountRequestedFen: amountFen, project }));
  await ok('district', `/applications/${app.id}/notice`, { postedOn: daysAgo(65) });
  for (const visitedOn of [daysAgo(55), daysAgo(50)]) await ok('field', `/applications/${app.id}/visits`, visitInput({ visitedOn }));
  const decision = await ok('district-2', `/applications/${app.id}/decision`, { decision: 'approve', decidedOn: daysAgo(45), amountFen });
  await confirmLoans([decision.loanId], { on: daysAgo(45) });
  await ok('district', `/loans/${decision.loanId}/agreement`, agreementInput(daysAgo(44)));
  await ok('district', `/loans/${decision.loanId}/disbursement`, { disbursedOn, amountFen, motherPresent: true, idChecked: true });
  return decision.loanId as string;
}

async function settled(page: Page) {
  await expect.poll(() => page.getByText('加载中…').count(), WAIT).toBe(0);
}

/** Types into the search box above the list and sends it. */
async function search(page: Page, q: string) {
  const box = page.getByRole('searchbox', { name: '查找母亲' });
  await box.fill(q);
  await box.press('Enter');
}

describe('search from every list', () => {
  it('the district finds a mother by her full resident ID and by the start of her name and opens her loan; another district finds nothing', async () => {
    // prepare: a mother with a loan in a Niangre village
    const roundId = await openRound();
    const mother = { name: uniqueName('央宗'), residentId: residentId() };
    const loanId = await paidOutLoan(roundId, mother, MINZU, daysAgo(40));

    // act: the district clerk searches from the loans list (phone), by her full ID number
    const { context, page } = await signedIn(e2e, 'district', { viewport: PHONE });
    await page.goto(`${e2e.url}/#/loans`);
    await page.locator('h1', { hasText: '贷款' }).waitFor();
    await search(page, mother.residentId);

    // assert: her loan and her application are found, with the ID masked
    const hits = page.locator('.s-results li');
    await hits.filter({ has: page.locator(`a[href="#/loans/${loanId}"]`) }).waitFor(WAIT);
    const shown = await page.locator('.s-results').innerText();
    expect(shown).toContain(mother.name);
    expect(shown).toContain('贷款');
    expect(shown).toContain('申请');
    expect(shown).not.toContain(mother.residentId);
    expect(shown).toContain('民族村');

    // by the start of her name, from the applications list; then open the loan
    await page.goto(`${e2e.url}/#/applications`);
    await page.locator('h1', { hasText: '申请' }).first().waitFor();
    await search(page, mother.name.slice(0, 3));
    const loanLink = page.locator(`.s-results a[href="#/loans/${loanId}"]`);
    await loanLink.waitFor(WAIT);
    await settled(page);
    // the box is labelled and the hits are read in Chinese
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await latinWords(page)).toEqual([]);
    await screenshot(page, 'find-search-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'find-search-desktop');
    await loanLink.click();
    await expect.poll(() => page.evaluate(() => location.hash), WAIT).toBe(`#/loans/${loanId}`);
    await page.locator('h1', { hasText: mother.name }).waitFor(WAIT);
    await context.close();

    // another district's clerk: nothing, by ID or by name, and the message says so
    const other = await signedIn(e2e, 'district-b', { viewport: DESKTOP });
    await other.page.goto(`${e2e.url}/#/loans`);
    await other.page.locator('h1', { hasText: '贷款' }).waitFor();
    for (const q of [mother.residentId, mother.name.slice(0, 3)]) {
      await search(other.page, q);
      await other.page.locator('.s-search .empty', { hasText: `没有找到“${q}”` }).waitFor(WAIT);
      expect(await other.page.locator('.s-results li').count()).toBe(0);
    }
    await other.context.close();
  }, 120_000);
});

describe('paper from the loan page', () => {
  it('each repayment links to its printable receipt, and the loan page to the repayment card', async () => {
    // prepare: a loan with one repayment
    const roundId = await openRound();
    const mother = { name: uniqueName('德吉'), residentId: residentId() };
    const loanId = await paidOutLoan(roundId, mother, MINZU, daysAgo(40));
    const receiptNo = `NR-${randomInt(1e9)}`;
    await ok('district', `/loans/${loanId}/repayments`, { paidOn: daysAgo(5), amountFen: 250_000, receiptNo });
    const repaymentId = ((await as('district').get(`/loans/${loanId}`)).body as { repayments: { id: string }[] }).repayments[0]!.id;

    // act: the receipt number in the repayments table opens the receipt
    const { context, page } = await signedIn(e2e, 'district', { viewport: DESKTOP });
    await page.goto(`${e2e.url}/#/loans/${loanId}`);
    await page.locator('#repayments a', { hasText: receiptNo }).click();

    // assert: the receipt of that repayment, with its number, amount in capitals
    await expect.poll(() => page.evaluate(() => location.hash), WAIT).toBe(`#/receipt?loanId=${loanId}&repaymentId=${repaymentId}`);
    const receipt = page.locator('article.pr-receipt');
    await receipt.waitFor(WAIT);
    expect(await receipt.innerText()).toContain(receiptNo);
    expect(await receipt.innerText()).toContain('贰仟伍佰元整');

    // back on the loan page: the repayment card
    await page.goto(`${e2e.url}/#/loans/${loanId}`);
    await page.locator('a', { hasText: '打印还款卡' }).click();
    await expect.poll(() => page.evaluate(() => location.hash), WAIT).toBe(`#/loans/${loanId}/card`);
    const card = page.locator('article.pr-card');
    await card.waitFor(WAIT);
    expect(await card.innerText()).toContain(mother.name);
    expect(await card.innerText()).toContain(receiptNo);
    await context.close();
  }, 120_000);

  it('a loan brought in from the ledger shows 台账导入 instead of a link to an application it never had', async () => {
    // prepare: a one-loan ledger of the second district, staged by its clerk and approved by the committee
    const g = generateLedger({ villages: [BOMA], rounds: 1, loans: 1, repayments: 2, roundName: `查找台账${randomInt(1e6)}`, receiptPrefix: `FT${randomInt(1e6)}-` });
    const staged = await ok('district-b', '/ledger-imports', ledgerBody('lhasa.duilongdeqing', g, { dryRun: false }));
    let batch = await ok('committee', `/ledger-imports/${staged.batchId}/approval`, { decision: 'approve' });
    for (let i = 0; batch.status === 'applying' && i < 10; i++) batch = await ok('committee', `/ledger-imports/${staged.batchId}/apply`);
    expect(batch.status).toBe('applied');
    const found = (await as('district-b').get(`/search?q=${g.loans[0]!.residentId}`)).body as { items: { kind: string; id: string }[] };
    const loanId = found.items.find((h) => h.kind === 'loan')!.id;

    // act
    const { context, page } = await signedIn(e2e, 'district-b', { viewport: DESKTOP });
    await page.goto(`${e2e.url}/#/loans/${loanId}`);
    await page.locator('h1', { hasText: g.loans[0]!.name }).waitFor(WAIT);

    // assert
    await page.locator('.d-title-actions', { hasText: '台账导入' }).waitFor(WAIT);
    expect(await page.locator('.d-title-actions a', { hasText: '查看申请' }).count()).toBe(0);
    expect(await page.locator('a[href^="#/applications/"]').count()).toBe(0);
    await context.close();

    // the committee's ledger list names the district, not its id
    const committee = await signedIn(e2e, 'committee', { viewport: DESKTOP });
    await committee.page.goto(`${e2e.url}/#/ledger-imports/${staged.batchId}`);
    await committee.page.locator('h1', { hasText: '堆龙德庆区项目办' }).waitFor(WAIT);
    await committee.context.close();
  }, 120_000);
});

describe('collection list (催收)', () => {
  it('shows per village what is due this month and overdue, and prints it', async () => {
    // prepare: in Niangre, one loan past due (one-month term, paid out 40 days ago) and one due today
    const roundId = await openRound({ termMonths: 1, evaluationMonths: [] });
    const late = { name: uniqueName('拉姆'), residentId: residentId() };
    const due = { name: uniqueName('曲珍'), residentId: residentId() };
    const lateId = await paidOutLoan(roundId, late, MINZU, daysAgo(40), 800_000);
    const dueId = await paidOutLoan(roundId, due, ZHAXI, addMonths(today(), -1), 600_000);
    // and one in the demo township's Zhiba, past due, for the township's own list
    const own = { name: uniqueName('卓嘎'), residentId: residentId() };
    const ownId = await paidOutLoan(roundId, own, ZHIBA, daysAgo(40), 500_000);
    await ok('district', `/loans/${lateId}/repayments`, { paidOn: daysAgo(3), amountFen: 100_000, receiptNo: `CL-${randomInt(1e9)}` });
    const report = (await as('district').get(`/reports/collection?townshipId=${NIANGRE}`)).body as {
      villages: { officeId: string; loans: { loanId: string; state: string; balanceFen: number }[] }[];
    };
    const lines = report.villages.flatMap((v) => v.loans);
    const lateLine = lines.find((l) => l.loanId === lateId)!;
    expect(lateLine).toMatchObject({ state: 'overdue', balanceFen: 700_000 });
    const dueLine = lines.find((l) => l.loanId === dueId)!;
    const toCollect = lines.reduce((s, l) => s + l.balanceFen, 0);

    // act: the district clerk opens 催收 from the menu and chooses Niangre
    const { context, page } = await signedIn(e2e, 'district', { viewport: DESKTOP });
    await page.locator('.topbar nav a', { hasText: '催收' }).click();
    await page.locator('h1', { hasText: '催收清单' }).waitFor(WAIT);
    await page.getByLabel('乡（街道）').selectOption(NIANGRE);

    // assert: each loan under its village, with balance and state; the totals of the township
    const minzu = page.locator('section', { has: page.locator('h2', { hasText: '民族村' }) });
    const lateRow = minzu.locator(`tr[data-id="${lateId}"]`);
    await lateRow.waitFor(WAIT);
    expect(await lateRow.innerText()).toContain(late.name);
    expect(await lateRow.innerText()).toContain('¥7,000');
    expect(await lateRow.innerText()).toContain('逾期');
    const zhaxi = page.locator('section', { has: page.locator('h2', { hasText: '扎西村' }) });
    const dueRow = zhaxi.locator(`tr[data-id="${dueId}"]`);
    expect(await dueRow.innerText()).toContain('¥6,000');
    expect(await dueRow.innerText()).toContain(dueLine.state === 'overdue' ? '逾期' : '本月到期');
    await expect.poll(() => page.getByTestId('to-collect').innerText(), WAIT).toBe(yuan(toCollect));
    await settled(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'find-collection-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'find-collection-phone');

    // the print link opens the printed list of that township and day
    await page.locator('a', { hasText: '打印催收清单' }).click();
    await expect.poll(() => page.evaluate(() => location.hash), WAIT).toBe(`#/collection?townshipId=${NIANGRE}&asOf=${today()}`);
    const printed = page.locator(`article.pr-collection-page[data-village="${MINZU}"]`);
    await printed.waitFor(WAIT);
    expect(await printed.innerText()).toContain(late.name);
    await context.close();

    // the township (蔡公堂乡) sees its own list without choosing: its Zhiba loan, none of Niangre's
    const township = await signedIn(e2e, 'township', { viewport: DESKTOP });
    await township.page.locator('.topbar nav a', { hasText: '催收' }).click();
    await township.page.locator('h1', { hasText: '催收清单' }).waitFor(WAIT);
    await township.page
      .locator('section', { has: township.page.locator('h2', { hasText: '支巴村' }) })
      .locator(`tr[data-id="${ownId}"]`)
      .waitFor(WAIT);
    expect(await township.page.getByLabel('乡（街道）').count()).toBe(0);
    expect(await township.page.locator(`tr[data-id="${lateId}"]`).count()).toBe(0);
    expect(await township.page.locator(`tr[data-id="${dueId}"]`).count()).toBe(0);
    await township.context.close();
  }, 150_000);
});
