/**
 * Bringing a district's ledger in, as the two people who do it: the district office checks
 * its sheets against its paper totals (a fen off is shown, round by round; a row the money
 * contradicts is refused, in Chinese) and sends the batch; the committee reviews it and
 * approves, and the batch is written.
 */
import { randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, tokens } from '../support/api.ts';
import { generateLedger } from '../support/ledger-fixture.ts';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';

/**
 * The test's own district (one batch of a district waits for the committee at a time: in the demo
 * district, other test files' batches would be in the way), with two townships of a village each.
 */
const districtId = `lhasa.ledger-e2e-${randomInt(1e9)}`;
const VILLAGES = [`${districtId}.tw1.v1`, `${districtId}.tw2.v2`];
const clerk = `ledger-e2e-${randomInt(1e9)}`;

let e2e: E2E;
beforeAll(async () => {
  for (const [id, name] of [
    [districtId, '台账巡检区'],
    [`${districtId}.tw1`, '一乡'],
    [VILLAGES[0]!, '一村'],
    [`${districtId}.tw2`, '二乡'],
    [VILLAGES[1]!, '二村'],
  ] as const) {
    const res = await as('committee').post('/offices', { id, name });
    if (res.status !== 201) throw new Error(`office ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  // the district clerk who signs in, in the staff directory
  await tokens.sign({ username: clerk, role: 'district', officeId: districtId });
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

const yuanText = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

describe('ledger import', () => {
  it('the district checks its ledger against the paper and sends it; the committee approves and it is written', async () => {
    const g = generateLedger({ villages: VILLAGES, rounds: 2, loans: 6, repayments: 18, roundName: `巡检台账${randomInt(1e6)}` });
    const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
    const paths = Object.fromEntries(Object.keys(g.files).map((kind) => [kind, join(dir, `${kind}.csv`)]));
    for (const [kind, text] of Object.entries(g.files)) writeFileSync(paths[kind]!, text);
    // a loan not repaid that the sheet calls repaid (已还清): the money contradicts it
    const k = g.loans.findIndex((l) => !l.writeOff && l.repayments.reduce((s, r) => s + r.amountFen, 0) < l.principalFen);
    const open = g.loans[k]!;
    const wrongLoans = g.files.loans.replace(new RegExp(`^(${k + 1},[^\\r\\n]*${open.residentId}[^\\r\\n]*),(在贷|逾期)(?=\\r?$)`, 'm'), '$1,已还清');
    expect(wrongLoans).not.toBe(g.files.loans);
    const wrongLoansPath = join(dir, 'loans-wrong.csv');
    writeFileSync(wrongLoansPath, wrongLoans);

    // the district office: templates, the four sheets, the paper totals (repaid one fen too much at first)
    const { context, page } = await signedIn(e2e, clerk);
    await page.goto(`${e2e.url}/#/ledger`);
    await page.locator('h1', { hasText: '导入历史台账' }).waitFor();
    const download = page.waitForEvent('download');
    await page.locator('.l-template', { hasText: '借款' }).locator('button', { hasText: 'Excel' }).click();
    expect((await download).suggestedFilename()).toBe('ledger-loans.xlsx');
    for (const kind of ['rounds', 'loans', 'repayments', 'writeOffs']) await page.locator(`input[type=file][name=${kind}]`).setInputFiles(kind === 'loans' ? wrongLoansPath : paths[kind]!);
    const totals = { ...g.declaredTotals, repaidFen: g.declaredTotals.repaidFen + 1 };
    for (const [key, fen] of Object.entries(totals)) await page.locator(`input[name=${key}]`).fill(yuanText(fen));
    await page.locator('button', { hasText: '检查（不写入）' }).click();
    await page.locator('.error', { hasText: '与纸面合计不一致' }).waitFor();
    expect(await page.locator('.l-diffs li').allTextContents()).toEqual([expect.stringContaining('相差 -¥0.01')]);
    expect(await page.locator('button', { hasText: '提交组委会审批' }).count()).toBe(0);
    // the refused loan in Chinese: the column as the template heads it, both statuses, money in yuan
    const refused = page.locator('tr', { hasText: '状态写的是' });
    expect(await refused.locator('td').allTextContents()).toEqual([
      '借款',
      String(k + 2),
      '状态',
      expect.stringMatching(/^状态写的是“已还清”，但按金额应为“在贷”：借款 [\d,]+(\.\d\d)? 元，已还 [\d,]+(\.\d\d)? 元$/),
    ]);
    // its repayments go with it
    expect(await page.locator('tr', { hasText: `所属借款（借款表第 ${k + 2} 行）未通过检查` }).count()).toBe(open.repayments.length);
    await page.locator('.l-diffs').scrollIntoViewIfNeeded();
    await screenshot(page, 'district-ledger-difference-desktop');

    // corrected: equal to the fen, every row accepted, and sent to the committee
    await page.locator('input[type=file][name=loans]').setInputFiles(paths.loans!);
    await page.locator('input[name=repaidFen]').fill(yuanText(g.declaredTotals.repaidFen));
    await page.locator('button', { hasText: '检查（不写入）' }).click();
    await page.locator('.notice-ok', { hasText: '与纸面合计一致' }).waitFor();
    const rows = 2 + 6 + g.loans.reduce((s, l) => s + l.repayments.length, 0) + g.loans.filter((l) => l.writeOff).length;
    expect(await page.locator('.l-counts').textContent()).toContain(`可导入 ${rows} 行`);
    expect(await page.locator('.l-recon tbody tr').count()).toBe(3);
    await screenshot(page, 'district-ledger-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'district-ledger-phone');
    await page.setViewportSize(DESKTOP);
    await page.locator('button', { hasText: '提交组委会审批' }).click();
    await page.locator('.dialog button', { hasText: '确认' }).click();
    const staged = await page.locator('.notice-ok', { hasText: '已提交审批' }).textContent();
    const batchId = /批次号 ([0-9A-Z]{26})/.exec(staged ?? '')?.[1];
    expect(batchId).toBeDefined();
    await page.locator(`.list li[data-batch="${batchId}"]`).locator('.badge', { hasText: '待审批' }).waitFor();
    await context.close();

    // the committee: the batch in its list, reviewed, approved, written
    const committee = await signedIn(e2e, 'committee');
    await committee.page.goto(`${e2e.url}/#/ledger-imports`);
    await committee.page
      .locator('.list li', { has: committee.page.locator(`a[href$="/ledger-imports/${batchId}"]`) })
      .filter({ hasText: '台账巡检区' })
      .waitFor();
    await committee.page.goto(`${e2e.url}/#/ledger-imports/${batchId}`);
    await committee.page.locator('.l-facts').waitFor();
    expect(await committee.page.locator('.l-facts').textContent()).toContain('2 轮 · 6 笔借款');
    await screenshot(committee.page, 'committee-ledger-desktop');
    await committee.page.setViewportSize(PHONE);
    await screenshot(committee.page, 'committee-ledger-phone');
    await committee.page.locator('button', { hasText: '批准并写入' }).click();
    await committee.page.locator('.dialog button', { hasText: '确认' }).click();
    await committee.page.locator('.badge', { hasText: '已导入' }).waitFor({ timeout: 60_000 });
    await committee.context.close();

    const batch = await as('committee').get(`/ledger-imports/${batchId}`);
    expect(batch.body).toMatchObject({ status: 'applied', progress: { loansWritten: 6 }, decision: { decidedBy: { username: 'committee' } } });
  }, 180_000);
});
