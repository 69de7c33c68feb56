/**
 * Issue 21's rough edges, as a user meets them: every open evaluation of a loan is reachable
 * (from the loan page and from the work list, not yet due ones marked); a household's visit count
 * includes what waits in the phone's outbox and what was sent since the list was read; a
 * written-off loan says so with its amount, never "¥0"; words that misled (the notice page,
 * the dashboard's repaid column, a round without loans, the add-staff hints); wide tables are
 * reachable by keyboard (axe on every page at 390 px and 1280 px in 中文, བོད་ཡིག and English:
 * walk.test.ts). Pictures of the changed screens in the three languages.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates.ts';
import { bo } from '../../web/src/i18n/bo.ts';
import { en } from '../../web/src/i18n/en.ts';
import { yuan } from '../../web/src/i18n/format.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { as } from '../support/api.ts';
import { activeLoan, applicationInput, openRound, residentId, today } from '../support/fixtures.ts';
import { DESKTOP, PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

type Lang = 'zh' | 'bo' | 'en';
const LANGS: Lang[] = ['zh', 'bo', 'en'];
const LOADING: Record<Lang, string> = { zh: zhCN.loading, bo: bo.loading, en: en.loading };
const unique = (base: string) => `${base}${randomInt(1000, 9999)}`;

/** The page's content is there (a heading, no loading line left). */
async function loaded(page: Page, lang: Lang = 'zh') {
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('main p.muted[role="status"]', { hasText: LOADING[lang] }).count(), { timeout: 20_000 }).toBe(0);
}

/** Loans in two rounds (once for the file), so the dashboard by round has a table of its groups. */
let portfolio: Promise<void> | undefined;
const loansInTwoRounds = () => {
  portfolio ??= (async () => {
    for (let i = 0; i < 2; i++) await activeLoan(await openRound(), 1_000_000, { mother: { name: unique('卓嘎'), residentId: residentId() } });
  })();
  return portfolio;
};

/** The work list with every item shown (other test files add to the same district). */
async function workList(page: Page) {
  await page.goto(`${e2e.url}/#/my-work`);
  await page.locator('.f-my-work .f-visits').waitFor();
  for (const more of await page.locator('button.f-show-all').all()) await more.click();
}

describe('a loan’s open evaluations', () => {
  it('are linked from the loan page, also when not yet due, and listed on the work list marked not yet due', async () => {
    const roundId = await openRound();
    const mother = unique('次仁');
    const loanId = await activeLoan(roundId, 1_000_000, { mother: { name: mother, residentId: residentId() } });
    const loan = (await as('district').get(`/loans/${loanId}`)).body as { evaluationSchedule: { kind: string; dueOn: string }[] };
    // precondition: its mid-term falls due in about five months, outside the 30 days of "due"
    expect(loan.evaluationSchedule[0]).toMatchObject({ kind: 'midterm' });
    expect(loan.evaluationSchedule[0]!.dueOn > addDays(today(), 30)).toBe(true);

    const { context, page } = await signedIn(e2e, 'field', { viewport: PHONE });
    try {
      // the work list: the loan is there, marked not yet due, with its due date and the form's link
      await workList(page);
      const item = page.locator(`.f-evals li[data-loan="${loanId}"]`);
      await item.waitFor();
      expect(await item.getAttribute('class')).toContain('f-upcoming');
      expect(await item.locator('.f-not-yet-due').textContent()).toBe('未到期');
      expect(await item.textContent()).toContain('中期评估');
      expect(await item.locator('a.button').getAttribute('href')).toBe(`#/evaluate/${loanId}?kind=midterm`);

      // the loan page: each open kind links to its form; the mid-term one opens it with the kind chosen
      await page.goto(`${e2e.url}/#/loans/${loanId}`);
      await loaded(page);
      const links = page.locator('a.d-evaluate');
      expect(await links.evaluateAll((as_) => as_.map((a) => a.getAttribute('href')))).toEqual([
        `#/evaluate/${loanId}?kind=midterm`,
        `#/evaluate/${loanId}?kind=yearend`,
        `#/evaluate/${loanId}?kind=final`,
      ]);
      await links.first().click();
      await page.locator('form.f-form').waitFor();
      expect(await page.locator('input[name="kind"][value="midterm"]').isChecked()).toBe(true);
    } finally {
      await context.close();
    }

    // a township clerk reads the loan but does not evaluate: no link
    const township = await signedIn(e2e, 'township', { viewport: DESKTOP });
    try {
      await township.page.goto(`${e2e.url}/#/loans/${loanId}`);
      await loaded(township.page);
      await township.page.locator('[data-testid="balance"]').waitFor();
      expect(await township.page.locator('a.d-evaluate').count()).toBe(0);
    } finally {
      await township.context.close();
    }
  }, 120_000);
});

describe('visits waiting on the phone', () => {
  it('counts a visit sent since the list was read and one waiting, and offers no third', async () => {
    const roundId = await openRound();
    const mother = unique('德吉');
    const app = await as('township').post('/applications', applicationInput(roundId, { mother: { name: mother, residentId: residentId() } }));
    const appId = app.body.id as string;
    const { context, page } = await signedIn(e2e, 'field', { viewport: PHONE });
    try {
      await workList(page);
      const item = page.locator(`li[data-application="${appId}"]`);
      await expect.poll(() => item.locator('.f-visit-count').textContent()).toBe('已走访 0/2 次');

      // the network drops right after the first visit is sent: the list cannot be read again
      let reads = 0;
      await context.route(
        (url) => url.pathname.endsWith('/applications') && url.searchParams.get('status') === 'submitted',
        (route) => {
          reads++;
          return route.abort('internetdisconnected');
        },
      );
      const logVisit = async (notes: string) => {
        await item.getByRole('button', { name: '记录走访' }).click();
        await item.locator('input[name="visitors"]').fill('达瓦、王丽');
        await item.locator('input[name="willingToWork"][value="yes"]').check();
        await item.locator('input[name="planCredible"][value="yes"]').check();
        await item.locator('textarea[name="notes"]').fill(notes);
        await item.locator('button[type="submit"]').click();
      };
      await logVisit('家中有劳动力');
      await expect.poll(() => item.locator('.f-entry-badge').getAttribute('data-state')).toBe('sent');
      await expect.poll(() => reads).toBeGreaterThan(0); // the page tried to read the list again, and could not
      await expect.poll(() => page.locator('.f-my-work .f-note').first().textContent()).toContain('离线');
      // the list as last read says 0; the phone knows one more was sent
      await expect.poll(() => item.locator('.f-visit-count').textContent()).toBe('已走访 1/2 次');
      expect(await item.getByRole('button', { name: '记录走访' }).count()).toBe(1);

      // no signal now: the second visit waits on the phone
      await context.setOffline(true);
      await page.locator('.f-banner-offline').waitFor();
      await logVisit('草场条件好');
      await expect.poll(() => item.locator('.f-visit-count').textContent()).toBe('已走访 1/2 次 + 1 次待发送');
      expect(await item.getByRole('button', { name: '记录走访' }).count()).toBe(0);
      expect(await item.textContent()).toContain('两次走访都已记录');
      await screenshot(page, 'edges-visits-waiting-phone');

      // back online: the waiting one is sent; the API has both, each once
      await context.unroute((url) => url.pathname.endsWith('/applications') && url.searchParams.get('status') === 'submitted');
      await context.setOffline(false);
      await expect.poll(async () => ((await as('district').get(`/applications/${appId}`)).body as { visitCount: number }).visitCount).toBe(2);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('words that misled', () => {
  it('a written-off loan says 已核销 with the amount in the list, on its page and on her repayment card', async () => {
    const roundId = await openRound();
    const mother = unique('白珍');
    const loanId = await activeLoan(roundId, 1_200_000, { mother: { name: mother, residentId: residentId() } });
    const off = await as('committee').post(`/loans/${loanId}/write-off`, { writtenOffOn: today(), reason: '家中遭遇严重自然灾害，无力偿还' });
    expect(off.status).toBe(200);
    const words = { zh: `已核销 ${yuan(1_200_000)}`, bo: `རྩིས་མེད་བཏང་ཟིན། ${yuan(1_200_000)}`, en: `Written off: ${yuan(1_200_000)}` };
    for (const lang of LANGS) {
      const { context, page } = await signedIn(e2e, 'district', { viewport: PHONE, lang });
      try {
        await page.goto(`${e2e.url}/#/loans?roundId=${roundId}`);
        const row = page.locator(`tr[data-id="${loanId}"]`);
        await row.waitFor();
        expect(await row.locator('.d-written-off-amount').textContent()).toBe(words[lang]);
        await page.goto(`${e2e.url}/#/loans/${loanId}`);
        await loaded(page, lang);
        expect(await page.locator('[data-testid="balance"]').textContent()).toBe(words[lang]);
        await screenshot(page, `edges-written-off-loan-${lang}-phone`);
      } finally {
        await context.close();
      }
    }
    const { context, page } = await signedIn(e2e, 'district', { viewport: DESKTOP });
    try {
      await page.goto(`${e2e.url}/#/loans/${loanId}/card`);
      const written = page.locator('.pr-card .pr-written-off');
      await written.waitFor();
      expect(await written.textContent()).toContain('已核销');
      expect(await written.textContent()).toContain('རྩིས་མེད་བཏང་ཟིན།');
      expect(await written.textContent()).toContain(yuan(1_200_000));
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the notice page names the applications not yet posted and does not say there are none', async () => {
    const roundId = await openRound();
    const names = [unique('卓玛'), unique('央宗')];
    for (const name of names) await as('township').post('/applications', applicationInput(roundId, { mother: { name, residentId: residentId() } }));
    for (const lang of LANGS) {
      const { context, page } = await signedIn(e2e, 'township', { viewport: PHONE, lang });
      try {
        await page.goto(`${e2e.url}/#/notice?roundId=${roundId}&villageId=${applicationInput(roundId).villageId}`);
        const unposted = page.locator('.d-notice-unposted');
        await unposted.waitFor();
        for (const name of names) expect(await unposted.textContent()).toContain(name);
        const body = (await page.locator('main').textContent()) ?? '';
        expect(body).not.toContain({ zh: '本村在本轮次没有申请', bo: bo.d_notice_no_applicants, en: en.d_notice_no_applicants }[lang]);
        if (lang === 'zh') expect(body).toContain('都还没有公示');
        await screenshot(page, `edges-notice-unposted-${lang}-phone`);
      } finally {
        await context.close();
      }
    }
  }, 120_000);

  it('the dashboard’s repaid column is principal repaid, with the loans repaid in full counted as such; the add-staff hints speak a clerk’s words', async () => {
    await loansInTwoRounds();
    for (const [lang, viewport, size] of [
      ['zh', DESKTOP, 'desktop'],
      ['zh', PHONE, 'phone'],
      ['bo', PHONE, 'phone'],
      ['en', PHONE, 'phone'],
    ] as const) {
      const { context, page } = await signedIn(e2e, 'committee', { viewport, lang });
      try {
        await page.goto(`${e2e.url}/#/dashboard?groupBy=round`);
        const card = page.locator('[data-card="portfolio"]');
        await card.waitFor();
        const table = card.locator('table.c-table');
        // by round (two at least): the table of every group, below the chart (opened if folded)
        const details = card.locator('details.c-details');
        await details.waitFor();
        if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
        await table.waitFor();
        const headers = await table.locator('thead th').allTextContents();
        const words = { zh: { header: '已还本金', count: '已还清 ' }, bo: { header: bo.c_pf_repaid, count: 'ཆ་ཚང་འཇལ་ཟིན་ ' }, en: { header: en.c_pf_repaid, count: ' repaid in full' } }[lang];
        expect(headers).toContain(words.header);
        expect(headers).not.toContain({ zh: '已还清', bo: bo.c_pf_repaid_loans, en: en.c_pf_repaid_loans }[lang]);
        const repaidColumn = headers.indexOf(words.header);
        expect(await table.locator(`tbody tr:first-child td:nth-child(${repaidColumn + 1}) .c-count`).textContent()).toContain(words.count);
        await screenshot(page, `edges-dashboard-${lang}-${size}`);

        await page.goto(`${e2e.url}/#/staff`);
        await loaded(page, lang);
        await page.locator('.staff-page > button').click();
        const form = page.locator('form.staff-form');
        await form.waitFor();
        const text = (await form.textContent()) ?? '';
        expect(text).not.toMatch(/subject|Cognito/i);
        if (lang === 'zh') expect(text).toContain('这个人登录时输入的名字');
        await screenshot(page, `edges-add-staff-${lang}-${size}`);
      } finally {
        await context.close();
      }
    }
  }, 150_000);
});

describe('phones and keyboards', () => {
  it('the dashboard’s wide tables are named regions a keyboard reaches', async () => {
    await loansInTwoRounds();
    const { context, page } = await signedIn(e2e, 'committee', { viewport: PHONE });
    try {
      await page.goto(`${e2e.url}/#/dashboard?groupBy=round`);
      await page.locator('[data-card="portfolio"]').waitFor();
      // open every folded table (each click changes which are still closed, so always the first one left)
      const closed = page.locator('details.c-details:not([open]) > summary');
      for (let left = await closed.count(); left > 0; left = await closed.count()) await closed.first().click();
      const regions = page.locator('section.table-wrap');
      await regions.first().waitFor();
      for (const region of await regions.all()) {
        expect(await region.getAttribute('tabindex')).toBe('0');
        expect(await region.getAttribute('aria-label')).toMatch(/（可左右滚动）$/);
      }
      // Tab reaches the first one, and the arrow key scrolls it
      const first = regions.first();
      await first.focus();
      expect(await page.evaluate(() => document.activeElement?.classList.contains('table-wrap'))).toBe(true);
      const wide = await first.evaluate((el) => el.scrollWidth > el.clientWidth);
      if (wide) {
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => first.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      }
    } finally {
      await context.close();
    }
  }, 60_000);
});
