/**
 * The committee reads the exceptions report in the browser, as an auditor would: in a
 * district of its own (offices and clerks made here, so the rows are exactly this test's),
 * a receipt entered 40 days after it was written, the same paper receipt refused a second
 * time, and a full resident ID shown on request. Each reads in Chinese, with the office and
 * the clerk by name; a kind can be picked; the record opens; the CSV downloads.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, call, tokens, type Answer } from '../support/api.ts';
import { agreementInput, applicationInput, daysAgo, residentId, roundInput, today, visitInput } from '../support/fixtures.ts';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';
import { latinWords, seriousAxeViolations } from './support/checks.ts';

let e2e: E2E;
const tag = randomUUID().slice(0, 6);
const districtId = `lhasa.ex-${tag}`;
const townId = `${districtId}.jiama`;
const villageId = `${townId}.chikang`;
/** the test's district, by the name the page must show */
const DISTRICT = '审计测试区';

type Post = (path: string, body: unknown) => Promise<Answer>;
/** A clerk of the test's offices: put in the staff directory with her name by who manages her (the committee a district's, the district a township's), then signed in. */
function clerk(role: 'district' | 'township', officeId: string, who: string, displayName: string, by: Post = (path, body) => as('committee').post(path, body)) {
  const username = `exc-${who}-${tag}`;
  let token: Promise<string> | undefined;
  const signed = () => (token ??= ok(by('/staff', { username, displayName, role, officeId }), 201, `staff ${username}`).then(() => tokens.sign({ username, role, officeId })));
  return { post: (async (path, body) => call(null, 'POST', path, body, { token: await signed() })) as Post };
}
const district = clerk('district', districtId, 'district', `${DISTRICT} · 白玛`);
const approver = clerk('district', districtId, 'district2', `${DISTRICT} · 次旦`);
const township = clerk('township', townId, 'township', '甲玛乡 · 卓嘎', district.post);

async function ok(res: Promise<Answer>, status: number, what: string) {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

let loanId: string;
let appId: string;
const receiptNo = String(randomInt(1e9)).padStart(9, '0');
/** how 40 days ago reads on a Chinese page */
const FORTY = daysAgo(40).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

beforeAll(async () => {
  e2e = await startE2E();
  for (const [id, name] of [
    [districtId, DISTRICT],
    [townId, '甲玛乡'],
    [villageId, '赤康村'],
  ] as const)
    await ok(as('committee').post('/offices', { id, name }), 201, `office ${id}`);
  const roundId = (await ok(as('committee').post('/rounds', roundInput({ districtId, capitalFen: 10_000_000 })), 201, 'round')).id;
  // a case from paper: every step entered today with the dates written on it (each is back-dated, as is the receipt)
  appId = (await ok(district.post('/applications', applicationInput(roundId, { villageId, submittedOn: daysAgo(70), mother: { name: '央金', residentId: residentId() } })), 201, 'submit')).id;
  await ok(township.post(`/applications/${appId}/notice`, { postedOn: daysAgo(68) }), 200, 'notice');
  await ok(district.post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(60) })), 201, 'visit');
  await ok(district.post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(58) })), 201, 'visit');
  loanId = (await ok(approver.post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(55), amountFen: 1_000_000 }), 200, 'approve')).loanId;
  const list = await ok(district.post('/confirmation-lists', { sentOn: daysAgo(55), loanIds: [loanId] }), 201, 'send for confirmation');
  await ok(as('committee').post(`/confirmation-lists/${list.id}/decision`, { decidedOn: daysAgo(54) }), 200, 'confirm');
  await ok(district.post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(52))), 200, 'agreement');
  await ok(district.post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(50), amountFen: 1_000_000, motherPresent: true, idChecked: true }), 200, 'disburse');
  await ok(township.post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(40), amountFen: 100_000, receiptNo }), 201, 'repay');
  // the same paper receipt a second time: refused, and reported
  expect((await township.post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(2), amountFen: 100_000, receiptNo })).status).toBe(409);
  // the committee asks to see her full ID number: shown, and reported
  await ok(as('committee').post(`/applications/${appId}/resident-id`, { reason: '核对重复申请' }), 200, 'reveal');
}, 120_000);
afterAll(async () => e2e?.close());

describe('the exceptions report in the browser', () => {
  it('the committee reads its district’s exceptions in Chinese, picks a kind, opens the record and downloads the CSV', async () => {
    const { context, page } = await signedIn(e2e, 'committee', { viewport: DESKTOP });
    await page.locator('.topbar nav a', { hasText: '异常情况' }).click();
    await page.locator('h1', { hasText: '异常情况' }).waitFor();
    await page.locator('select[name="districtId"]').selectOption(districtId);
    const rows = page.locator('table.x-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);

    // the counts: 8 steps entered late (application, notice, two visits, approval, agreement, payout, receipt), one refused receipt, one ID shown
    const counts = await page.locator('.x-counts li').allInnerTexts();
    // and the three clerks' accounts, created by the committee (two) and the district office (one)
    expect(counts.map((c) => c.replace(/\s+/g, ' ')).slice(0, 7)).toEqual([
      '补录（倒签） 8 条',
      '重复收据（已拒绝） 1 条',
      '跨区重复申请 0 条',
      '查看完整身份证号 1 条',
      '上缴金额不符 0 条',
      '批量核对身份证号 0 条',
      '账号开设或调动 3 条',
    ]);
    expect(await rows.filter({ hasText: '开设账号：甲玛乡 · 卓嘎（乡（街道），甲玛乡）' }).count()).toBe(1);
    const late = rows.filter({ hasText: `还款纸面日期 ${FORTY}，晚 40 天登记` });
    expect(await late.count()).toBe(1);
    expect(await late.innerText()).toContain('甲玛乡 · 卓嘎');
    expect(await late.innerText()).toContain('赤康村');
    expect(await rows.filter({ hasText: '查看了完整身份证号，理由：核对重复申请' }).count()).toBe(1);
    expect(await latinWords(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'exceptions-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'exceptions-phone');
    await page.setViewportSize(DESKTOP);

    // one kind
    await page.locator('select[name="kind"]').selectOption('duplicate_receipt');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.first().innerText()).toContain(`收据 ${receiptNo} 已用于之前的一笔还款，再次登记被拒绝`);

    // the CSV: the same rows, in Chinese, for Excel
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button', { hasText: '下载异常情况表' }).click()]);
    expect(download.suggestedFilename()).toBe(`异常情况-${today()}.csv`);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('日期,类别,区,单位,说明,操作人,记录类别,记录编号');
    expect(csv.filter((l) => l.includes(receiptNo))).toEqual([expect.stringContaining(`重复收据（已拒绝）,${DISTRICT},赤康村,收据 ${receiptNo} 已用于之前的一笔还款`)]);

    // the record opens
    await rows.first().getByRole('link', { name: '查看' }).click();
    await page.waitForURL(new RegExp(`#/loans/${loanId}$`));
    await page.locator('h1', { hasText: '央金' }).waitFor();
    await context.close();
  }, 120_000);
});
