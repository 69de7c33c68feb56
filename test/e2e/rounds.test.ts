/**
 * Rounds in the browser, as the committee and a district office do them: the committee opens
 * a round with two grants by source and sees it listed with its capital; the district asks
 * for a new round while the first is still out; the committee approves (the round opens with
 * its grants) and rejects another; the committee closes a round, and a refusal is shown in
 * Chinese. Each test district is new, so no other test's requests or rounds get in the way.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, call, tokens } from '../support/api.ts';
import { daysAgo, openRound, today } from '../support/fixtures.ts';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';
import { latinWords, seriousAxeViolations } from './support/checks.ts';
import type { Page } from 'playwright-core';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

const tag = randomInt(1e6);
const districtId = `lhasa.rounds-${tag}`;
const districtName = `轮次测试区${tag}`;
const clerk = `rounds-clerk-${tag}`;

/** A district office of its own, and its clerk in the staff directory. */
async function prepareDistrict(): Promise<string> {
  expect((await as('committee').post('/offices', { id: districtId, name: districtName })).status).toBe(201);
  return tokens.sign({ username: clerk, role: 'district', officeId: districtId });
}

/** No serious accessibility problem, no English on the Chinese page. */
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

describe('rounds', () => {
  let clerkToken: string;
  let firstRoundId: string;

  beforeAll(async () => {
    clerkToken = await prepareDistrict();
  });

  it('the committee opens a round with two grants and sees it listed with its capital', async () => {
    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/rounds`);
    await page.locator('h1', { hasText: '轮次' }).waitFor();
    await page.locator('a', { hasText: '开启新轮次' }).click();
    await page.locator('h1', { hasText: '开启新轮次' }).waitFor();

    await page.getByLabel('区', { exact: true }).selectOption(districtId);
    await page.getByLabel('轮次名称').fill('第一轮（测试）');
    await page.getByLabel('开始日期').fill(daysAgo(5));
    const rows = page.locator('fieldset.r-grant-row');
    await rows.nth(0).getByLabel('拨款来源').fill('中国人口福利基金会');
    await rows.nth(0).getByLabel('拨款金额（元）').fill('20,000');
    await page.locator('button', { hasText: '添加一笔拨款' }).click();
    await rows.nth(1).getByLabel('拨款来源').fill('市组委会自筹');
    await rows.nth(1).getByLabel('拨款金额（元）').fill('10000');
    await expect.poll(() => page.locator('.r-capital-total').textContent()).toBe('¥30,000');
    await check(page, 'open a round');
    await bothSizes(page, 'rounds-open');

    // confirmed first: the total granted in Chinese capitals
    await page.locator('button', { hasText: '开启轮次…' }).click();
    const dialog = page.locator('.dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.d-big-amount').textContent()).toBe('¥30,000');
    expect(await dialog.locator('.r-capitals').textContent()).toBe('叁万元整');
    expect(await dialog.textContent()).toContain(districtName);
    await dialog.locator('button', { hasText: '确认' }).click();

    // the round's page, then the list with its capital
    await page.locator('h1', { hasText: '第一轮（测试）' }).waitFor();
    firstRoundId = /#\/rounds\/([0-9A-Z]{26})/.exec(page.url())![1]!;
    expect(await page.locator('.r-grants li').allTextContents()).toEqual(['中国人口福利基金会¥20,000', '市组委会自筹¥10,000']);
    await check(page, 'a round');
    await bothSizes(page, 'rounds-round');

    await page.goto(`${e2e.url}/#/rounds`);
    await page.getByLabel('区', { exact: true }).selectOption(districtId);
    const row = page.locator(`tr[data-round="${firstRoundId}"]`);
    await row.waitFor();
    expect(await row.locator('td[data-label="本轮资金"]').textContent()).toBe('¥30,000');
    expect(await row.locator('td[data-label="新拨资金"]').textContent()).toBe('¥30,000');
    expect(await row.locator('td[data-label="可批余额"]').textContent()).toBe('¥30,000');
    await check(page, 'rounds');
    await context.close();

    // what the committee did, through the API
    const round = (await as('committee').get(`/rounds/${firstRoundId}`)).body;
    expect(round).toMatchObject({
      districtId,
      name: '第一轮（测试）',
      openedOn: daysAgo(5),
      capitalFen: 3_000_000,
      grantFen: 3_000_000,
      grants: [
        { source: '中国人口福利基金会', amountFen: 2_000_000 },
        { source: '市组委会自筹', amountFen: 1_000_000 },
      ],
      status: 'open',
    });
  }, 120_000);

  it('the district asks for a new round while the first is still out, and sees its request pending', async () => {
    const { context, page } = await signedIn(e2e, clerk);
    await page.goto(`${e2e.url}/#/rounds`);
    await page.locator('#fund .r-figures').waitFor();
    expect(await page.locator('#fund').textContent()).toContain('组委会累计拨款¥30,000');
    await page.locator(`tr[data-round="${firstRoundId}"]`).waitFor();

    const form = page.locator('form[aria-label="申请新一轮"]');
    await form.getByLabel('新轮次名称').fill('第二轮（测试）');
    await form.getByLabel('申请资金（元）').fill('25000');
    await form.getByLabel('申请理由').fill('第一轮仍在还款，另有 3 户等待借款');
    await check(page, 'district rounds');
    await form.locator('button', { hasText: '提交申请' }).click();
    await page.locator('.notice-ok', { hasText: '本区已有一份申请在等待组委会决定' }).waitFor();
    await page.locator('.r-requests li', { hasText: '第二轮（测试）' }).locator('.badge', { hasText: '待决定' }).waitFor();
    await bothSizes(page, 'rounds-district');
    await context.close();

    const listed = (await as('committee').get('/round-requests', { query: { districtId } })).body.items;
    expect(listed).toEqual([
      expect.objectContaining({
        name: '第二轮（测试）',
        capitalFen: 2_500_000,
        status: 'pending',
        fundPosition: expect.objectContaining({ grantedFen: 3_000_000, roundsNotRecovered: [expect.objectContaining({ roundId: firstRoundId, status: 'open' })] }),
      }),
    ]);
  }, 120_000);

  it('the committee approves the request with a grant: the round opens with it', async () => {
    const request = (await as('committee').get('/round-requests', { query: { districtId, status: 'pending' } })).body.items[0];
    expect(request).toBeDefined();
    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/round-requests`);
    const item = page.locator(`li[data-request="${request.id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('尚未全部收回的轮次');
    // the district's name once the offices are loaded (its id until then)
    await expect.poll(() => item.locator('h3').textContent()).toBe(`${districtName} · 第二轮（测试）`);
    // the fund has nothing free to re-lend: the whole capital asked is one grant, its source to fill in
    await item.locator('fieldset.r-grant-row').first().getByLabel('拨款来源').fill('某公司捐款');
    await expect.poll(() => item.locator('.r-capital-total').textContent()).toBe('¥25,000');
    await check(page, 'round requests');
    await bothSizes(page, 'rounds-requests');

    await item.locator('button', { hasText: '批准…' }).click();
    const dialog = page.locator('.dialog');
    expect(await dialog.locator('.r-capitals').textContent()).toBe('贰万伍仟元整');
    await dialog.locator('button', { hasText: '确认' }).click();
    await page.locator('.r-requests li', { hasText: '第二轮（测试）' }).locator('.badge', { hasText: '已批准' }).waitFor();
    await context.close();

    const decided = (await as('committee').get('/round-requests', { query: { districtId } })).body.items.find((r: { id: string }) => r.id === request.id);
    expect(decided).toMatchObject({ status: 'approved', decision: { decision: 'approve', capitalFen: 2_500_000, grantFen: 2_500_000 } });
    const round = (await as('committee').get(`/rounds/${decided.roundId}`)).body;
    expect(round).toMatchObject({ districtId, name: '第二轮（测试）', capitalFen: 2_500_000, grants: [{ source: '某公司捐款', amountFen: 2_500_000 }], status: 'open' });
  }, 120_000);

  it('the committee rejects another request with a reason', async () => {
    const asked = await call(null, 'POST', '/round-requests', { name: '第三轮（测试）', requestedOn: today(), capitalFen: 1_000_000, reason: '还有农户等待' }, { token: clerkToken });
    expect(asked.status).toBe(201);
    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/round-requests`);
    const item = page.locator(`li[data-request="${asked.body.id}"]`);
    await item.waitFor();
    await item.locator('[role="tab"]', { hasText: '不批准' }).click();
    await item.getByLabel('不批准的理由').fill('前两轮尚未收回，待收回后再议');
    await item.locator('button', { hasText: '不批准…' }).click();
    const dialog = page.locator('.dialog');
    expect(await dialog.textContent()).toContain('申请资金 ¥10,000');
    await dialog.locator('button', { hasText: '确认' }).click();
    await page.locator('.r-requests li', { hasText: '第三轮（测试）' }).locator('.badge', { hasText: '未批准' }).waitFor();
    await context.close();

    const rejected = (await as('committee').get('/round-requests', { query: { districtId, status: 'rejected' } })).body.items;
    expect(rejected).toEqual([expect.objectContaining({ id: asked.body.id, decision: expect.objectContaining({ decision: 'reject', reason: '前两轮尚未收回，待收回后再议' }) })]);
    expect((await as('committee').get('/rounds', { query: { districtId } })).body.items).toHaveLength(2);
  }, 120_000);

  it('the committee closes a round: a date before it opened is refused in Chinese, then it closes and its capital returns to the fund', async () => {
    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/rounds/${firstRoundId}`);
    const close = page.locator('form[aria-label="结束本轮"]');
    await close.waitFor();

    await close.getByLabel('结束日期').fill(daysAgo(10));
    await close.locator('button', { hasText: '结束本轮…' }).click();
    await page.locator('.dialog button', { hasText: '确认' }).click();
    await close.locator('.field-error', { hasText: '结束日期不能早于本轮开始日期' }).waitFor();
    expect((await as('committee').get(`/rounds/${firstRoundId}`)).body.status).toBe('open');

    await close.getByLabel('结束日期').fill(today());
    await close.locator('button', { hasText: '结束本轮…' }).click();
    const dialog = page.locator('.dialog');
    expect(await dialog.textContent()).toContain('不再受理新的借款申请');
    expect(await dialog.locator('.r-capitals').textContent()).toBe('叁万元整');
    await dialog.locator('button', { hasText: '确认' }).click();
    await page.locator('.badge', { hasText: '已结束' }).first().waitFor();
    expect(await close.count()).toBe(0);

    // the district's rounds as the committee lists them: the first closed, the second open
    await page.goto(`${e2e.url}/#/rounds`);
    await page.getByLabel('区', { exact: true }).selectOption(districtId);
    await page.locator(`tr[data-round="${firstRoundId}"] .badge`, { hasText: '已结束' }).waitFor();
    expect(await page.locator('tr[data-round]').count()).toBe(2);
    await bothSizes(page, 'rounds-list');
    await context.close();

    const round = (await as('committee').get(`/rounds/${firstRoundId}`)).body;
    expect(round).toMatchObject({ status: 'closed', closedOn: today() });
    const fund = (await as('committee').get('/reports/fund', { query: { districtId } })).body.rows[0];
    expect(fund.availableToRelendFen).toBe(3_000_000);
  }, 120_000);

  it('a round someone else closed meanwhile: the refusal is shown in Chinese and nothing changes', async () => {
    const opened = await as('committee').post('/rounds', { districtId, name: '第四轮（测试）', openedOn: daysAgo(1), capitalFen: 2_000_000, grantFen: 0 });
    expect(opened.status).toBe(201);
    const { context, page } = await signedIn(e2e, 'committee');
    await page.goto(`${e2e.url}/#/rounds/${opened.body.id}`);
    const close = page.locator('form[aria-label="结束本轮"]');
    await close.waitFor();
    expect((await call(null, 'POST', `/rounds/${opened.body.id}/close`, { closedOn: today() }, { token: clerkToken })).status).toBe(200);

    await close.locator('button', { hasText: '结束本轮…' }).click();
    await page.locator('.dialog button', { hasText: '确认' }).click();
    await close.locator('.error', { hasText: '已结束' }).waitFor();
    expect(await latinWords(page)).toEqual([]);
    await context.close();
  }, 120_000);
  it('a township sees its district’s rounds read-only: no opening, no closing', async () => {
    const open = { id: await openRound() };
    expect((await as('township').get(`/rounds/${open.id}`)).status).toBe(200);
    const { context, page } = await signedIn(e2e, 'township');
    await page.goto(`${e2e.url}/#/rounds`);
    await page.locator('table.r-table tr[data-round]').first().waitFor();
    expect(await page.locator('a', { hasText: '开启新轮次' }).count()).toBe(0);
    await page.goto(`${e2e.url}/#/rounds/${open.id}`);
    await page.locator('#capital .r-figures').waitFor();
    expect(await page.locator('form[aria-label="结束本轮"]').count()).toBe(0);
    await context.close();
  }, 120_000);
});
