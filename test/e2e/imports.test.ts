/**
 * A township imports its list of applications in the browser: it checks a file first (a row
 * with a bad amount is reported in Chinese, naming the row and the column, and nothing is
 * written), then imports a good file after confirming the number of applications; the
 * applications exist, as the API shows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_KEYS, COLUMNS, type ColumnKey } from '../../shared/domain/import-schemas.ts';
import { as } from '../support/api.ts';
import { daysAgo, openRound, residentId } from '../support/fixtures.ts';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';
import { latinWords, seriousAxeViolations } from './support/checks.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

/** One mother's row as a township clerk fills the template in. */
const mother = (name: string, overrides: Partial<Record<ColumnKey, string>> = {}): Record<ColumnKey, string> => ({
  name,
  residentId: residentId('540121'),
  villageId: '支巴村',
  householdSize: '5',
  householdAnnualIncomeYuan: '12,000',
  villagePerCapitaIncomeYuan: '4000',
  familyPlanning: '双女户',
  projectType: '养殖',
  projectDescription: '养殖牦牛十头，出售酥油和奶渣',
  expectedAnnualReturnYuan: '8000',
  amountRequestedYuan: '10000',
  submittedOn: daysAgo(10).replaceAll('-', '/'),
  consentOn: daysAgo(10).replaceAll('-', '/'),
  consentTakenBy: '格桑',
  phone: '',
  ...overrides,
});

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The rows as a CSV file saved by Excel (UTF-8 with BOM), with the template's Chinese headers; its path. */
function csvFile(dir: string, name: string, rows: Record<ColumnKey, string>[]): string {
  const lines = [COLUMN_KEYS.map((k) => COLUMNS[k].zh), ...rows.map((r) => COLUMN_KEYS.map((k) => r[k]))];
  const path = join(dir, name);
  writeFileSync(path, `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`);
  return path;
}

describe('importing a list of applications', () => {
  it('the township checks a file (the bad row is reported in Chinese), then imports a good one after confirming', async () => {
    const roundId = await openRound({ name: `导入测试轮次 ${Date.now() % 1_000_000}` });
    const dir = mkdtempSync(join(tmpdir(), 'imports-e2e-'));
    const good = [mother('次仁卓玛'), mother('央金', { projectType: '小卖部', projectDescription: '开小卖部，卖日用品', amountRequestedYuan: '8,000.50' })];
    const withBadRow = csvFile(dir, '蔡公堂乡申请名单.csv', [good[0]!, mother('拉姆', { amountRequestedYuan: '10,000.123' }), good[1]!]);

    const { context, page } = await signedIn(e2e, 'township');
    await page.locator('.topbar nav a', { hasText: '导入申请' }).click();
    await page.locator('h1', { hasText: '导入申请名单' }).waitFor();
    // the columns of the file are described from the import schema
    expect(await page.locator('.i-columns tbody tr').count()).toBe(COLUMN_KEYS.length);
    expect(await page.locator('.i-columns').textContent()).toContain('申请金额(元)');

    // check first: the bad row is reported by its line, column and a Chinese message; nothing is written
    await page.getByLabel('轮次').selectOption(roundId);
    await page.locator('input[type=file][name=file]').setInputFiles(withBadRow);
    await page.locator('button', { hasText: '检查（不写入）' }).click();
    await page.locator('.i-report h2', { hasText: '检查结果' }).waitFor();
    expect(await page.locator('.i-counts').textContent()).toContain('可导入 2 行');
    expect(await page.locator('.i-counts').textContent()).toContain('有问题 1 行');
    expect(await page.locator('.i-rows tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/^3\s+申请金额\(元\)\s+申请金额\(元\)最多两位小数（1 分 = 0\.01 元）$/)]);
    expect((await as('township').get('/applications', { query: { roundId } })).body.items).toEqual([]);
    // the report is accessible and all Chinese
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await latinWords(page)).toEqual([]);
    await page.locator('.i-report').scrollIntoViewIfNeeded();
    await screenshot(page, 'imports-report-desktop');
    await page.setViewportSize(PHONE);
    await page.locator('.i-report').scrollIntoViewIfNeeded();
    await screenshot(page, 'imports-report-phone');
    await page.setViewportSize(DESKTOP);

    // the corrected file: every row passes; import after confirming the number of applications
    await page.locator('input[type=file][name=file]').setInputFiles(csvFile(dir, '蔡公堂乡申请名单-改正.csv', good));
    await page.locator('button', { hasText: '检查（不写入）' }).click();
    await page.locator('.notice-ok', { hasText: '每一行都可以导入' }).waitFor();
    await page.locator('button', { hasText: /^导入$/ }).click();
    const dialog = page.locator('.dialog');
    expect(await dialog.textContent()).toContain('2 份申请');
    expect(await dialog.textContent()).toContain('将为 2 位母亲导入申请');
    await dialog.locator('button', { hasText: '确认' }).click();
    await page.locator('.i-report h2', { hasText: '导入结果' }).waitFor();
    expect(await page.locator('.i-counts').textContent()).toContain('已导入 2 份');
    // the links name the row and the mother
    await page.locator('.i-links a', { hasText: '央金' }).waitFor();
    expect(await page.locator('.i-links a').allInnerTexts()).toEqual(['第 2 行 · 次仁卓玛', '第 3 行 · 央金']);
    const links = await page.locator('.i-links a').evaluateAll((as_) => as_.map((a) => a.getAttribute('href') ?? ''));
    await screenshot(page, 'imports-result-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await latinWords(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'imports-result-phone');
    await page.setViewportSize(DESKTOP);

    // the applications exist, submitted by the township, with what the file said
    const ids = links.map((href) => href.replace('#/applications/', ''));
    const apps = await Promise.all(ids.map(async (id) => (await as('township').get(`/applications/${id}`)).body));
    expect(apps.map((a) => [a.roundId, a.status, a.mother.name, a.amountRequestedFen, a.submittedBy.username])).toEqual([
      [roundId, 'submitted', '次仁卓玛', 1_000_000, 'township'],
      [roundId, 'submitted', '央金', 800_050, 'township'],
    ]);

    // a link opens the application
    await page.locator('.i-links a').first().click();
    await page.locator('main h1', { hasText: '次仁卓玛' }).waitFor();
    await context.close();
  }, 120_000);

  it('in English, the same row is reported in English (the page asks the API in the UI language)', async () => {
    const roundId = await openRound({ name: `导入测试轮次 ${Date.now() % 1_000_000}` });
    const dir = mkdtempSync(join(tmpdir(), 'imports-e2e-'));
    const file = csvFile(dir, 'list.csv', [mother('次仁卓玛'), mother('拉姆', { amountRequestedYuan: '10,000.123' })]);
    const { context, page } = await signedIn(e2e, 'township', { lang: 'en' });
    await page.goto(`${e2e.url}/#/import`);
    await page.locator('h1', { hasText: 'Import a list of applications' }).waitFor();
    await page.getByLabel('Round').selectOption(roundId);
    await page.locator('input[type=file][name=file]').setInputFiles(file);
    await page.locator('button', { hasText: 'Check (writes nothing)' }).click();
    await page.locator('.i-report h2', { hasText: 'Check result' }).waitFor();
    expect(await page.locator('.i-rows tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/^3\s+申请金额\(元\)\s+申请金额\(元\) must have at most 2 decimal places \(1 fen = 0\.01 yuan\)$/)]);
    await context.close();
  }, 60_000);
});
