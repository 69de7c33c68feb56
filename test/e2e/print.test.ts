/**
 * The printed pages in the browser: the public notice printed per posting (each posting with its
 * own dates and applicants, an unposted application on none), Tibetan above Chinese, and the
 * agreement's guarantor titles following the kind of office (rural 乡 / 村, urban 街道 / 居委会).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type UserName } from '../support/api.ts';
import { agreementInput, applicationInput, daysAgo, openRound, residentId, visitInput, ZHIBA } from '../support/fixtures.ts';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

const LUGU = 'lhasa.chengguan.jibenggang.lugu';
const WAIT = { timeout: 15_000, interval: 100 };
const zhDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

async function ok(user: UserName, path: string, body: unknown) {
  const r = await as(user).post(path, body);
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** An application of `name`, posted on `postedOn` (or not posted). */
async function applied(user: UserName, roundId: string, name: string, villageId: string, postedOn?: string, place?: string): Promise<string> {
  const app = await ok(user, '/applications', applicationInput(roundId, { mother: { name, residentId: residentId() }, villageId }));
  if (postedOn) await ok(user, `/applications/${app.id}/notice`, { postedOn, ...(place ? { place } : {}) });
  return app.id as string;
}

/** A loan with its agreement signed, from an application the district office files itself. */
async function agreedLoan(roundId: string, villageId: string): Promise<string> {
  const appId = await applied('district', roundId, '格桑卓嘎', villageId, daysAgo(55));
  for (const visitedOn of [daysAgo(45), daysAgo(35)]) await ok('field', `/applications/${appId}/visits`, visitInput({ visitedOn }));
  // four eyes: the clerk who filed it does not approve it
  const decision = await ok('district-2', `/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 });
  await ok('district', `/loans/${decision.loanId}/agreement`, agreementInput(daysAgo(29)));
  return decision.loanId as string;
}

async function open(path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await signedIn(e2e, 'district', { viewport: DESKTOP });
  await page.goto(`${e2e.url}/#${path}`);
  return { page, close: () => context.close() };
}

describe('printed pages', () => {
  it('prints the public notice per posting, each with its own dates and applicants', async () => {
    // prepare: two postings in one village, and an application not posted yet
    const roundId = await openRound();
    const early = daysAgo(40);
    const late = daysAgo(2);
    await applied('township', roundId, '早公示', ZHIBA, early, '村委会公示栏');
    const lateId = await applied('township', roundId, '晚公示', ZHIBA, late, '村委会公示栏');
    await applied('township', roundId, '未公示', ZHIBA);

    // act
    const { page, close } = await open(`/notice?roundId=${roundId}&villageId=${ZHIBA}`);
    const notices = page.locator('article.pr-notice');
    await expect.poll(() => notices.count(), WAIT).toBe(2);

    // assert: each posting lists only its own applicant under its own dates
    const [first, second] = [await notices.nth(0).innerText(), await notices.nth(1).innerText()];
    expect(first).toContain('早公示');
    expect(first).toContain(zhDate(early));
    expect(first).not.toContain('晚公示');
    expect(second).toContain('晚公示');
    expect(second).toContain(zhDate(late));
    expect(second).not.toContain('早公示');
    expect(second).not.toContain(zhDate(early));
    expect(`${first}${second}`).not.toContain('未公示');

    // the Tibetan title stands above the Chinese one
    const bo = await notices.nth(0).locator('h1 [lang="bo"]').boundingBox();
    const zh = await notices.nth(0).locator('h1 [lang="zh-CN"]').boundingBox();
    expect(await notices.nth(0).locator('h1 [lang="bo"]').innerText()).toContain('གསལ་བསྒྲགས');
    expect(bo!.y + bo!.height).toBeLessThanOrEqual(zh!.y + 1);
    await close();

    // one posting alone, named by the posting query parameter
    const notice = (await as('district').get(`/applications/${lateId}`)).body.notice;
    const key = [ZHIBA, notice.postedOn, notice.endsOn, notice.place].join('|');
    const one = await open(`/notice?roundId=${roundId}&villageId=${ZHIBA}&posting=${encodeURIComponent(key)}`);
    await one.page.locator('article.pr-notice').first().waitFor({ timeout: 15_000 });
    expect(await one.page.locator('article.pr-notice').count()).toBe(1);
    expect(await one.page.locator('article.pr-notice').innerText()).toContain('晚公示');
    await one.close();
  }, 120_000);

  it('titles the guarantors by the kind of office: 乡长 and 村委会主任 in a village, 街道办事处主任 and 居委会主任 in town', async () => {
    const roundId = await openRound();
    const rural = await agreedLoan(roundId, ZHIBA);
    const urban = await agreedLoan(roundId, LUGU);

    for (const [loanId, expected, wrong] of [
      [rural, ['乡长', '村委会主任'], ['街道办事处主任', '居委会主任']],
      [urban, ['街道办事处主任', '居委会主任'], ['乡长', '村委会主任', '街道长', '村长']],
    ] as const) {
      const { page, close } = await open(`/loans/${loanId}/agreement`);
      const doc = page.locator('article.pr-agreement');
      await doc.waitFor({ timeout: 15_000 });
      await expect.poll(() => doc.innerText(), WAIT).toContain(expected[0]);
      const titles = await doc.locator('.pr-zh').allInnerTexts();
      for (const t of expected) expect(titles).toContain(t);
      for (const t of wrong) expect(titles).not.toContain(t);
      expect(await doc.innerText()).toContain('壹万元整');
      await close();
    }
  }, 120_000);

  it('prints the consent form a mother signs before her data is recorded: blank from the new-application form, with her name from her application; Tibetan above Chinese', async () => {
    const blank = await open('/consent');
    const doc = blank.page.locator('article.pr-consent');
    await doc.waitFor({ timeout: 15_000 });
    expect(await doc.locator('h1 .pr-zh').innerText()).toBe('个人信息处理同意书');
    expect(await doc.locator('h1 .pr-bo').getAttribute('lang')).toBe('bo');
    expect(await doc.locator('h1 .pr-bo').innerText()).toMatch(/^[\u0F00-\u0FFF\s]+$/);
    // what is collected, what for, who sees it, how long, her rights, her agreement: each in both languages
    expect(await doc.locator('.pr-para .pr-zh').allInnerTexts()).toEqual([
      expect.stringContaining('身份证号码属于敏感个人信息'),
      expect.stringContaining('不公布身份证号码'),
      expect.stringContaining('遮盖'),
      expect.stringContaining('保存期限'),
      expect.stringContaining('撤回同意'),
      // her choice about text messages, with boxes to tick (agree, language) and a line for the number
      expect.stringContaining('随时要求停止'),
      // and her agreement to all of it, kept on one page with the signatures
      expect.stringContaining('我同意'),
    ]);
    expect(await doc.locator('.pr-para .pr-bo').count()).toBe(7);
    const sms = (await doc.locator('.pr-consent-sms .pr-zh').allInnerTexts()).join('|');
    expect(sms).toMatch(/☐ 同意\s+☐ 不同意/);
    expect(sms).toMatch(/☐ 藏文\s+☐ 中文/);
    expect(await doc.locator('.pr-sign').count()).toBe(2);
    await screenshot(blank.page, 'print-consent-desktop');
    await blank.page.setViewportSize(PHONE);
    await screenshot(blank.page, 'print-consent-phone');
    await blank.close();

    const roundId = await openRound();
    const appId = await applied('township', roundId, '拉姆央宗', ZHIBA);
    const named = await open(`/consent?applicationId=${appId}`);
    const filled = named.page.locator('article.pr-consent');
    await expect
      .poll(
        () =>
          filled
            .locator('.pr-person')
            .first()
            .innerText()
            .catch(() => ''),
        WAIT,
      )
      .toBe('拉姆央宗');
    expect(await filled.innerText()).toContain('支巴');
    await named.close();
  }, 120_000);
});
