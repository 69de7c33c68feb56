/**
 * Field staff on a phone in a village: an evaluation entered without a network waits on the
 * device (and survives a reload), is sent when the network returns, and is recorded exactly
 * once even when an earlier attempt reached the server and only its answer was lost.
 * "My work" lists the households to visit and the loans to evaluate. What was sent or waits is
 * shown with its state, never offered again as a form; household visits are filed offline the
 * same way; after one visit the app starts without a network (its service worker, and the
 * officer's last session kept on the phone).
 */
import { randomInt } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { activeLoan, agreementInput, confirmLoans, applicationInput, daysAgo, openRound, residentId, visitInput } from '../support/fixtures.ts';
import { DESKTOP, PHONE, screenshot as fullPage, signedIn, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

/** A full-page picture from the top (the offline banner sticks to the top of the view while scrolled). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPage(page, name);
}

const uniqueName = (base: string) => `${base}${randomInt(1000, 9999)}`;

/**
 * Waits until the outbox entry of this subject (the newest one) shows the state: pending, sending,
 * sent or failed. Playwright waits on the page itself (no clock of the test's own), so a slow
 * machine only makes it later, never wrong.
 */
const entryShows = (page: Page, subjectId: string, state: 'pending' | 'sending' | 'sent' | 'failed') =>
  page.locator(`li.f-entry[data-subject="${subjectId}"]`).first().locator(`.f-entry-badge[data-state="${state}"]`).waitFor();

/** Waits until the element shows the text (a part of it), then gives its whole text. */
async function shows(locator: import('playwright-core').Locator, text: string): Promise<string> {
  await locator.filter({ hasText: text }).first().waitFor();
  return (await locator.filter({ hasText: text }).first().textContent()) ?? '';
}

/**
 * The app keeps itself on the phone (web/src/api/device.ts registers web/public/sw.js
 * once the work list has loaded; localhost is a secure context): wait until the service worker,
 * with every built file in its cache, controls the page.
 */
async function appKeptOnPhone(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function fillMidterm(page: Page) {
  await page.locator('input[name="kind"][value="midterm"]').check();
  await fillEvaluation(page);
}

/** The evaluation's texts and figures, whatever its kind. */
async function fillEvaluation(page: Page) {
  await page.locator('textarea[name="fundUse"]').fill('购买牦牛八头，修缮牛圈');
  await page.locator('textarea[name="progress"]').fill('按计划进行，已产小牛两头');
  await page.locator('textarea[name="operatingState"]').fill('经营良好，酥油每周卖到镇上');
  await page.locator('input[name="incomeToDateFen"]').fill('3,000.50');
  await page.locator('input[name="forecastFen"]').fill('9000');
  await page.locator('input[name="methods"][value="talk"]').check();
  await page.locator('input[name="methods"][value="look"]').check();
  await page.locator('textarea[name="problems"]').fill('冬季饲草不足');
}

/** A loan disbursed long ago whose mid-term evaluation (month 1) is overdue. */
async function loanWithOverdueEvaluation(roundId: string, mother: string): Promise<string> {
  const app = await as('township').post('/applications', applicationInput(roundId, { submittedOn: daysAgo(200), mother: { name: mother, residentId: residentId() } }));
  const id = app.body.id as string;
  for (const [user, path, body] of [
    ['township', `/applications/${id}/notice`, { postedOn: daysAgo(195) }],
    ['field', `/applications/${id}/visits`, visitInput({ visitedOn: daysAgo(185) })],
    ['field', `/applications/${id}/visits`, visitInput({ visitedOn: daysAgo(180) })],
  ] as const) {
    const r = await as(user).post(path, body);
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const decision = await as('district-2').post(`/applications/${id}/decision`, { decision: 'approve', decidedOn: daysAgo(170), amountFen: 1_000_000 });
  const loanId = decision.body.loanId as string;
  await confirmLoans([loanId], { on: daysAgo(170) });
  await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(169)));
  const paid = await as('district').post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(168), amountFen: 1_000_000, motherPresent: true, idChecked: true });
  if (paid.status !== 200) throw new Error(`disburse: ${paid.status} ${JSON.stringify(paid.body)}`);
  return loanId;
}

describe('field staff, offline', () => {
  it('keeps an evaluation made offline on the phone, through a reload, and sends it exactly once when back online', async () => {
    const roundId = await openRound();
    const loanId = await activeLoan(roundId);
    const { context, page } = await signedIn(e2e, 'field', { viewport: PHONE });
    await page.locator('.f-my-work .f-evals').waitFor(); // the work list, loaded and kept on the phone
    await appKeptOnPhone(page);

    // online: the form shows the mother and the schedule (and keeps them on the device)
    await page.goto(`${e2e.url}/#/evaluate/${loanId}`);
    await page.locator('.f-loan .f-mother').waitFor();
    expect(await page.locator('.f-loan .f-mother').textContent()).toBe('次仁卓玛');
    expect(await page.locator('.f-schedule li').count()).toBe(3);
    await screenshot(page, 'field-evaluation-phone');

    // the signal goes: fill in and submit the mid-term evaluation
    await context.setOffline(true);
    await page.locator('.f-banner-offline').waitFor();
    await fillMidterm(page);
    await page.locator('button.f-submit').click();
    await entryShows(page, loanId, 'pending');
    expect(await shows(page.locator('[data-testid="pending-count"]'), '1 条待发送')).toBe('1 条待发送');
    await screenshot(page, 'field-offline-pending-phone');

    // still offline, the page is reloaded (the phone killed the tab): the entry is still there
    await page.reload();
    await page.locator('header.topbar').waitFor();
    await entryShows(page, loanId, 'pending');
    // Chromium's offline emulation does not reach navigator.onLine of a page loaded while offline
    // (the send tried on load fails and waits); toggling it once re-syncs the page, still offline.
    // A send the phone starts in that instant finds no network either (as in the village).
    const noSignal = (route: import('playwright-core').Route) => route.abort('internetdisconnected');
    await context.route('**/loans/*/evaluations', noSignal);
    await context.setOffline(false);
    await context.setOffline(true);
    await page.locator('.f-banner-offline').waitFor();
    // and on the work list too, with the count, beside the lists as they were last loaded
    await page.goto(`${e2e.url}/#/my-work`);
    await shows(page.locator('.f-my-work .f-note'), '离线：显示');
    await page.locator(`.f-outbox li.f-entry[data-subject="${loanId}"] .f-entry-badge[data-state="pending"]`).waitFor();
    expect(await shows(page.locator('.f-outbox-count'), '1 条待发送')).toBe('1 条待发送');
    await page.goto(`${e2e.url}/#/evaluate/${loanId}`);
    await entryShows(page, loanId, 'pending');

    // back online, but the first answer is lost on the way back: the server recorded it, the phone never heard
    await context.unroute('**/loans/*/evaluations', noSignal);
    const keys: string[] = [];
    let lost: 'not yet' | 'on the way' | 'lost' = 'not yet';
    let answerLost = () => {};
    const lostOnTheWay = new Promise<void>((resolve) => {
      answerLost = resolve;
    });
    await context.route('**/loans/*/evaluations', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (lost === 'not yet') {
        lost = 'on the way';
        const answer = await route.fetch(); // reaches the API, which records it
        expect(answer.status()).toBe(201);
        await route.abort('connectionreset');
        lost = 'lost';
        answerLost();
        return;
      }
      return route.continue();
    });
    await context.setOffline(false);
    await lostOnTheWay; // the server recorded it and the answer was dropped
    await entryShows(page, loanId, 'pending');
    expect((await as('district').get(`/loans/${loanId}`)).body.evaluations).toHaveLength(1);

    // the signal flickers and returns: sent again with the same key, answered with the first answer
    await context.setOffline(true);
    await context.setOffline(false);
    await entryShows(page, loanId, 'sent');
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^web-/);
    expect(await page.locator('[data-testid="pending-count"]').count()).toBe(0);

    const loan = await as('district').get(`/loans/${loanId}`);
    expect(loan.status).toBe(200);
    expect(loan.body.evaluations).toHaveLength(1);
    expect(loan.body.evaluations[0]).toMatchObject({
      kind: 'midterm',
      fundUse: '购买牦牛八头，修缮牛圈',
      incomeToDateFen: 300_050,
      forecastFen: 900_000,
      methods: ['talk', 'look'],
      problems: '冬季饲草不足',
      recordedBy: { username: 'field' },
    });
    expect(loan.body.evaluationSchedule.find((s: { kind: string }) => s.kind === 'midterm').evaluationId).toBe(loan.body.evaluations[0].id);

    // a loan never opened on this phone, offline: no details to show, the form still works
    const other = await activeLoan(roundId);
    await context.setOffline(true);
    await page.goto(`${e2e.url}/#/evaluate/${other}`);
    await shows(page.locator('.f-evaluate .f-note'), '仍可填写评估');
    expect(await page.locator('button.f-submit').textContent()).toBe('保存到手机（联网后发送）');
    await context.close();
  }, 90_000);

  it('shows what the API refuses as failed, with its message, to correct and send again', async () => {
    const roundId = await openRound();
    const loanId = await activeLoan(roundId);
    const { context, page } = await signedIn(e2e, 'field', { viewport: PHONE });
    await page.goto(`${e2e.url}/#/evaluate/${loanId}`);
    await page.locator('.f-loan').waitFor();
    await fillMidterm(page);
    // the loan's schedule has no second mid-term: record one through the API first, so this one is refused
    await as('field').post(`/loans/${loanId}/evaluations`, {
      kind: 'midterm',
      evaluatedOn: daysAgo(1),
      fundUse: '买牛',
      progress: '正常',
      operatingState: '良好',
      incomeToDateFen: 1,
      forecastFen: 1,
      methods: ['talk'],
    });
    await page.locator('button.f-submit').click();
    await entryShows(page, loanId, 'failed');
    expect(await page.locator('li.f-entry .f-entry-error').textContent()).toContain('已全部登记');

    // correct it: a year-end evaluation instead, sent with a new key
    await page.locator('li.f-entry a.button').click();
    await page.locator('input[name="kind"][value="yearend"]').check();
    expect(await page.locator('input[name="incomeToDateFen"]').inputValue()).toBe('3000.50');
    await page.locator('button.f-submit').click();
    await entryShows(page, loanId, 'sent');
    const loan = await as('district').get(`/loans/${loanId}`);
    expect(loan.body.evaluations.map((e: { kind: string }) => e.kind).sort()).toEqual(['midterm', 'yearend']);
    await context.close();
  }, 60_000);
});

describe('my work', () => {
  it('lists the households to visit and the loans to evaluate, mine first, overdue marked; logs a visit', async () => {
    const roundId = await openRound({ evaluationMonths: [1, 12] });
    const toVisit = uniqueName('央金');
    const visitedOnce = uniqueName('卓嘎');
    const dueSoon = uniqueName('拉姆');
    const late = uniqueName('白珍');
    const app = await as('township').post('/applications', applicationInput(roundId, { mother: { name: toVisit, residentId: residentId() } }));
    const once = await as('township').post('/applications', applicationInput(roundId, { mother: { name: visitedOnce, residentId: residentId() } }));
    await as('field').post(`/applications/${once.body.id}/visits`, visitInput({ visitedOn: daysAgo(10) }));
    const soonLoan = await activeLoan(roundId, 1_000_000, { mother: { name: dueSoon, residentId: residentId() } });
    const lateLoan = await loanWithOverdueEvaluation(roundId, late);

    const shots: [BrowserContext, Page][] = [];
    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { context, page } = await signedIn(e2e, 'field', { viewport });
      await page.goto(`${e2e.url}/#/my-work`);
      await page.locator('.f-evals').waitFor();

      // visits: both applications, with their counts (other test files add applications of the
      // same date to this district, so open the whole list first)
      await page.locator('.f-due-item').first().waitFor();
      for (const more of await page.locator('button.f-show-all').all()) await more.click();
      const visitItem = page.locator(`li[data-application="${app.body.id}"]`);
      await visitItem.waitFor();
      expect(await visitItem.textContent()).toContain(toVisit);
      expect(await visitItem.textContent()).toContain('已走访 0/2 次');
      expect(await page.locator(`li[data-application="${once.body.id}"]`).textContent()).toContain('已走访 1/2 次');

      // evaluations: both loans are mine (I visited them); the late one is first and marked overdue
      const mine = page.locator('.f-evals > ul.f-due > li');
      const soon = page.locator(`.f-evals > ul.f-due > li[data-loan="${soonLoan}"]`);
      const overdue = page.locator(`.f-evals > ul.f-due > li[data-loan="${lateLoan}"]`);
      expect(await soon.textContent()).toContain(dueSoon);
      expect(await soon.textContent()).toContain('中期评估');
      expect(await overdue.getAttribute('class')).toContain('f-overdue');
      expect(await overdue.locator('.badge-overdue').textContent()).toBe('已逾期');
      expect(await mine.first().getAttribute('class')).toContain('f-overdue');
      expect(await soon.locator('a.button').getAttribute('href')).toBe(`#/evaluate/${soonLoan}?kind=midterm`);
      await screenshot(page, `field-my-work-${name}`);
      shots.push([context, page]);
    }

    // log a visit from the phone: it is sent, and the API has exactly one more visit
    const [, page] = shots[1]!;
    const item = page.locator(`li[data-application="${app.body.id}"]`);
    await item.getByRole('button', { name: '记录走访' }).click();
    await item.locator('input[name="visitors"]').fill('达瓦、王丽');
    await item.locator('input[name="willingToWork"][value="yes"]').check();
    await item.locator('input[name="planCredible"][value="yes"]').check();
    await item.locator('textarea[name="notes"]').fill('家中有劳动力，草场条件好');
    await item.locator('button[type="submit"]').click();
    await entryShows(page, app.body.id, 'sent');
    await shows(page.locator(`li[data-application="${app.body.id}"]`), '已走访 1/2 次');
    const after = await as('district').get(`/applications/${app.body.id}`);
    expect(after.body.visitCount).toBe(1);
    expect(after.body.visits).toHaveLength(1);

    // the evaluation form of a due loan, on a desktop too
    const [, desktop] = shots[0]!;
    await desktop.goto(`${e2e.url}/#/evaluate/${soonLoan}?kind=midterm`);
    await desktop.locator('.f-loan .f-mother').waitFor();
    await screenshot(desktop, 'field-evaluation-desktop');
    for (const [c] of shots) await c.close();
  }, 90_000);
});

describe('field staff: what was entered is not offered again; visits offline; the app starts offline', () => {
  it('shows an evaluation sent or saved offline with its state instead of the form again, so a second tap makes no second evaluation', async () => {
    const roundId = await openRound();
    const loanId = await activeLoan(roundId);
    const { context, page } = await signedIn(e2e, 'field', { viewport: PHONE });
    await page.locator('.f-my-work .f-evals').waitFor();

    // the mid-term evaluation, sent online
    await page.goto(`${e2e.url}/#/evaluate/${loanId}?kind=midterm`);
    await page.locator('.f-loan').waitFor();
    await fillMidterm(page);
    await page.locator('button.f-submit').click();
    await entryShows(page, loanId, 'sent');

    // back to the list and forward to the same form again: its state, no form ready to submit
    await page.goBack();
    await page.locator('.f-my-work').waitFor();
    await page.goForward();
    const already = page.locator('.f-already');
    await already.waitFor();
    expect(await already.getAttribute('data-kind')).toBe('midterm');
    // and the loan, read again once the evaluation arrived, shows the mid-term done
    await page.locator('.f-schedule li.done', { hasText: '中期评估' }).waitFor();
    expect(await page.locator('.f-schedule li.done').allTextContents()).toEqual([expect.stringContaining('中期评估')]);
    expect(await already.textContent()).toContain('本期中期评估已从本机发送');
    expect(await already.locator('.f-entry-badge').getAttribute('data-state')).toBe('sent');
    expect(await page.locator('form.f-form').count()).toBe(0);
    expect(await page.locator('button.f-submit').count()).toBe(0);

    // the page without a kind offers the next one only: the mid-term cannot be chosen again
    await page.goto(`${e2e.url}/#/evaluate/${loanId}`);
    await page.locator('form.f-form').waitFor();
    expect(await page.locator('input[name="kind"][value="midterm"]').isDisabled()).toBe(true);
    expect(await page.locator('input[name="kind"][value="yearend"]').isChecked()).toBe(true);
    await screenshot(page, 'field-evaluation-next-kind-phone');

    // the year-end one, saved offline: waiting, and not offered again either
    await context.setOffline(true);
    await page.locator('.f-banner-offline').waitFor();
    await fillEvaluation(page);
    await page.locator('button.f-submit').click();
    await page.locator(`li.f-entry[data-subject="${loanId}"] .f-entry-badge[data-state="pending"]`).waitFor();
    await page.goto(`${e2e.url}/#/my-work`);
    await page.locator('.f-my-work').waitFor();
    await page.goto(`${e2e.url}/#/evaluate/${loanId}?kind=yearend`);
    await already.waitFor();
    expect(await already.textContent()).toContain('本期年终评估已保存在手机上');
    expect(await already.locator('.f-entry-badge').getAttribute('data-state')).toBe('pending');
    expect(await page.locator('button.f-submit').count()).toBe(0);
    await screenshot(page, 'field-evaluation-waiting-phone');

    // online again: each evaluation is recorded once
    await context.setOffline(false);
    const sent = page.locator(`li.f-entry[data-subject="${loanId}"] .f-entry-badge[data-state="sent"]`);
    await sent.nth(1).waitFor();
    expect(await sent.count()).toBe(2);
    const loan = await as('district').get(`/loans/${loanId}`);
    expect(loan.body.evaluations.map((e: { kind: string }) => e.kind).sort()).toEqual(['midterm', 'yearend']);
    await context.close();
  }, 90_000);

  it('files household visits offline: waiting on the phone, sent once when back online, a refusal shown in Chinese', async () => {
    const roundId = await openRound();
    const toVisit = uniqueName('德吉');
    const rejected = uniqueName('曲珍');
    const app = await as('township').post('/applications', applicationInput(roundId, { mother: { name: toVisit, residentId: residentId() } }));
    const gone = await as('township').post('/applications', applicationInput(roundId, { mother: { name: rejected, residentId: residentId() } }));
    const { context, page } = await signedIn(e2e, 'field', { viewport: PHONE });
    await page.locator('.f-my-work .f-visits').waitFor();
    await page.locator('.f-due-item').first().waitFor();
    for (const more of await page.locator('button.f-show-all').all()) await more.click();
    await appKeptOnPhone(page);

    // no signal: both visits are saved on the phone
    await context.setOffline(true);
    await page.locator('.f-banner-offline').waitFor();
    for (const [id, notes] of [
      [app.body.id as string, '家中有劳动力，草场条件好'],
      [gone.body.id as string, '母亲在家，计划养鸡'],
    ] as const) {
      const item = page.locator(`li[data-application="${id}"]`);
      await item.getByRole('button', { name: '记录走访' }).click();
      await item.locator('input[name="visitors"]').fill('达瓦、王丽');
      await item.locator('input[name="willingToWork"][value="yes"]').check();
      await item.locator('input[name="planCredible"][value="yes"]').check();
      await item.locator('textarea[name="notes"]').fill(notes);
      expect(await item.locator('button[type="submit"]').textContent()).toBe('保存到手机（联网后发送）');
      await item.locator('button[type="submit"]').click();
      await page.locator(`li[data-application="${id}"] .f-entry-badge[data-state="pending"]`).waitFor();
    }
    expect(await shows(page.locator('.f-outbox-count'), '2 条待发送')).toBe('2 条待发送');
    expect(await page.locator(`.f-outbox li.f-entry[data-subject="${app.body.id}"]`).textContent()).toContain(toVisit);
    await screenshot(page, 'field-visit-queued-phone');

    // meanwhile the district office rejects the second application
    const decided = await as('district-2').post(`/applications/${gone.body.id}/decision`, { decision: 'reject', decidedOn: daysAgo(0), reason: '已迁出本村' });
    expect(decided.status).toBe(200);
    const keys: string[] = [];
    await context.route('**/applications/*/visits', (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      return route.continue();
    });

    // the signal returns: the first is sent once; the second is refused, in Chinese, and kept to decide on
    await context.setOffline(false);
    await entryShows(page, app.body.id, 'sent');
    await entryShows(page, gone.body.id, 'failed');
    expect(await page.locator(`.f-outbox li.f-entry[data-subject="${gone.body.id}"] .f-entry-error`).textContent()).toMatch(/该记录.*现在不能/);
    expect(keys.every((k) => k.startsWith('web-'))).toBe(true);
    const visited = await as('district').get(`/applications/${app.body.id}`);
    expect(visited.body.visits).toHaveLength(1);
    expect(visited.body.visits[0]).toMatchObject({ notes: '家中有劳动力，草场条件好', willingToWork: true, recordedBy: { username: 'field' } });
    expect((await as('district').get(`/applications/${gone.body.id}`)).body.visits ?? []).toHaveLength(0);
    await context.close();
  }, 90_000);

  it('starts offline after one visit: a reload or a new tab without a network shows my work from the phone', async () => {
    const { context, page } = await signedIn(e2e, 'field', { viewport: PHONE });
    await page.locator('.f-my-work .f-evals').waitFor();
    await appKeptOnPhone(page);

    await context.setOffline(true);
    await page.reload();
    await page.locator('header.topbar').waitFor();
    expect(await page.locator('.f-my-work h1').textContent()).toBe('我的任务');
    await shows(page.locator('.f-my-work .f-note'), '离线：显示');
    await page.locator('.f-my-work .f-evals').waitFor();
    expect(await page.locator('button.sign-in').count()).toBe(0);
    await screenshot(page, 'field-offline-start-phone');

    // a new tab, still without a network (the phone closed the old one): her pages, not a sign-in that cannot work
    const tab = await context.newPage();
    await tab.goto(e2e.url);
    await tab.locator('.f-my-work h1').waitFor();
    await shows(tab.locator('.f-my-work .f-note'), '离线：显示');
    expect(await tab.locator('header.topbar .who').textContent()).toContain('达瓦');
    expect(await tab.locator('button.sign-in').count()).toBe(0);

    // with a network, a tab without a sign-in asks for one (the phone's copy is for offline only)
    await context.setOffline(false);
    const online = await context.newPage();
    await online.goto(e2e.url);
    await online.locator('button.sign-in').waitFor();
    await context.close();
  }, 60_000);
});
