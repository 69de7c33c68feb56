/**
 * Text messages and paper anyone can verify, in the browser: a township clerk sees a mother's
 * choice and the messages sent to her on her loan file and stops them for her; the developers'
 * inbox page (linked from the dev sign-in page) shows her Tibetan confirmation as a phone would;
 * the committee sees the month's count and cost and changes the settings; a township sends the
 * collection-day notice; the printed receipt and repayment card carry a QR code whose link,
 * opened without sign-in, says "genuine" with the right amount (and "not genuine" when altered),
 * never her name, ID number or phone. Screenshots on a phone (390 px) and a desktop, in 中文,
 * བོད་ཡིག and English; the receipt with its QR code as an A4 PDF.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAt } from '../../shared/clock.ts';
import { todayInChina } from '../../shared/domain/dates.ts';
import { sendableAt } from '../../shared/domain/sms.ts';
import { localInbox } from '../../shared/sms/local.ts';
import { sendDueMessages } from '../../shared/usecases/sms.ts';
import { boSms } from '../../web/src/i18n/bo.sms.ts';
import { enSms } from '../../web/src/i18n/en.sms.ts';
import { zhCNSms } from '../../web/src/i18n/zh-CN.sms.ts';
import { qrPath } from '../../web/src/print/QrCode.tsx';
import { as } from '../support/api.ts';
import { activeLoan, openRound, residentId } from '../support/fixtures.ts';
import { DESKTOP, PHONE, SCREENSHOTS, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

const WAIT = { timeout: 15_000, interval: 100 };
const LANGS = [
  { lang: 'zh', button: '中文', words: { ...zhCNSms, nav_sms: '短信' } },
  { lang: 'bo', button: 'བོད་ཡིག', words: boSms },
  { lang: 'en', button: 'English', words: enSms },
] as const;
type Words = (typeof LANGS)[number]['words'];

let phones = 0;
/** A phone number of this run's own (the local inboxes live in this process). */
const newPhone = () => `138${String(process.pid % 10000).padStart(4, '0')}${String(++phones).padStart(4, '0')}`;
/** A moment just ahead, outside quiet hours (the next 08:00 China time when it is night now). */
const noon = () => sendableAt(new Date(Date.now() + 60_000));

/** A paid-out loan of a mother who agreed to Tibetan messages, with one repayment of 3,800 yuan, its confirmation sent. */
async function repaidLoan(phone: string, receiptNo: string): Promise<{ loanId: string; repaymentId: string }> {
  const roundId = await openRound();
  const loanId = await activeLoan(roundId, 1_000_000, { mother: { name: '央金卓玛', residentId: residentId(), phone }, sms: { optIn: true, lang: 'bo' } });
  const paid = await runAt(noon(), () => as('township').post(`/loans/${loanId}/repayments`, { paidOn: todayInChina(noon()), amountFen: 380_000, receiptNo }));
  if (paid.status !== 201) throw new Error(`repayment: ${paid.status} ${JSON.stringify(paid.body)}`);
  await sendDueMessages(noon());
  return { loanId, repaymentId: paid.body.id as string };
}

/** Screenshots of what `page` shows, on a phone and a desktop, in each language (switched with the page's own language buttons), back in Chinese at the end. */
async function inEveryLanguage(page: Page, name: string, marker: (words: Words) => Locator): Promise<void> {
  for (const { lang, button, words } of LANGS) {
    await page.getByRole('button', { name: button, exact: true }).first().click();
    await marker(words).first().waitFor(WAIT);
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      // the Tibetan subset loads when Tibetan text first shows (the language button has some on every page)
      await page.evaluate(async () => {
        await document.fonts.load('16px "Noto Serif Tibetan"', 'བོད་ཡིག');
        await document.fonts.ready;
      });
      await screenshot(page, `${name}-${lang}-${size}`);
    }
  }
  await page.getByRole('button', { name: '中文', exact: true }).first().click();
}

describe('text messages to the mothers', () => {
  it('shows her choice and her messages on the loan file, stops them for her, and the dev inbox shows her Tibetan confirmation', async () => {
    // prepare: a mother who agreed to Tibetan messages, paid out and with one repayment
    const phone = newPhone();
    const receiptNo = `E2E-SMS-${process.pid}-${phones}`;
    const { loanId } = await repaidLoan(phone, receiptNo);
    // sent in one pass, a few at a time: in either order
    expect(
      localInbox(phone)
        .map((m) => m.kind)
        .sort(),
    ).toEqual(['payout', 'repayment']);

    // the township clerk's loan file: her choice, her number, the two messages and their state
    const { context, page } = await signedIn(e2e, 'township', { viewport: PHONE });
    await page.goto(`${e2e.url}/#/loans/${loanId}`);
    const section = page.locator('section#sms');
    await section.getByTestId('sms-choice').filter({ hasText: '她同意接收短信（藏文）' }).waitFor(WAIT);
    await expect.poll(() => section.getByTestId('sms-choice').innerText()).toContain(phone);
    const log = section.locator('li.sms-msg');
    await expect.poll(() => log.count(), WAIT).toBe(2);
    const repayment = section.locator('li.sms-msg[data-kind="repayment"]');
    expect(await repayment.innerText()).toMatch(/还款确认[\s\S]*(已发出|已送达)/);
    expect(await repayment.locator('.sms-text').innerText()).toContain('སྒོར་ 3,800');
    await section.scrollIntoViewIfNeeded();
    await inEveryLanguage(page, 'sms-loan', (w) => section.locator('h2', { hasText: w.sms_section }));

    // she asks to stop: the clerk records it with a reason; the file says why nothing is sent
    await page.setViewportSize(PHONE);
    await section.locator('summary', { hasText: '修改她的短信选择或手机号' }).click();
    await section.getByLabel('她同意接收短信（放款、每次还款、到期前提醒）').uncheck();
    await section.getByLabel('理由（如：本人要求停止、换了号码）').fill('本人要求停止短信');
    await section.getByRole('button', { name: '保存' }).click();
    await section.getByTestId('sms-why').filter({ hasText: '不发短信：她要求停止。' }).waitFor(WAIT);
    expect(await section.getByTestId('sms-choice').innerText()).toContain('她已停止接收短信');
    expect(await section.innerText()).toContain('本人要求停止短信');
    await screenshot(page, 'sms-loan-stopped-zh-phone');
    // and nothing more reaches her phone
    await runAt(noon(), () => as('township').post(`/loans/${loanId}/repayments`, { paidOn: todayInChina(noon()), amountFen: 100_000, receiptNo: `${receiptNo}-2` }));
    await sendDueMessages(noon());
    expect(localInbox(phone)).toHaveLength(2);
    await context.close();

    // the developers' inbox, from the dev sign-in page, without signing in: a phone-looking list
    const visitor = await e2e.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const dev = await visitor.newPage();
    await dev.goto(e2e.url);
    await dev.locator('button.sign-in').click();
    await dev.waitForURL(/\/oidc\/interaction\//);
    await dev.getByRole('link', { name: /本机短信收件箱/ }).click();
    await dev.locator('.sms-phones a', { hasText: phone }).click();
    const bubbles = dev.locator('.sms-bubble');
    await expect.poll(() => bubbles.count(), WAIT).toBe(2);
    const confirmation = await dev.locator('.sms-bubble[data-kind="repayment"] p').innerText();
    expect(confirmation).toMatch(/[\u0F00-\u0FFF]/);
    expect(confirmation).toContain('སྒོར་ 3,800');
    expect(confirmation).toContain('སྒོར་ 6,200');
    expect(confirmation).toContain(receiptNo);
    await inEveryLanguage(dev, 'sms-inbox', (w) => dev.locator('h1', { hasText: w.sms_inbox_title }));
    await visitor.close();
  }, 180_000);

  it('prints the receipt and the card with a QR code whose link shows the receipt genuine without sign-in, and an altered one not genuine', async () => {
    const phone = newPhone();
    const receiptNo = `E2E-QR-${process.pid}-${phones}`;
    const { loanId, repaymentId } = await repaidLoan(phone, receiptNo);

    // the printed receipt: the QR code draws exactly the link it names
    const { context, page } = await signedIn(e2e, 'district', { viewport: DESKTOP });
    await page.goto(`${e2e.url}/#/receipt?loanId=${loanId}&repaymentId=${repaymentId}`);
    const qr = page.locator('article.pr-receipt .pr-qr svg[data-url]');
    await expect.poll(() => qr.count(), WAIT).toBe(2);
    const url = (await qr.first().getAttribute('data-url'))!;
    expect(url).toMatch(new RegExp(`^${e2e.url}/#/verify/${loanId}/${repaymentId}\\?t=[A-Za-z0-9_-]{22}$`));
    expect(url).not.toMatch(/央金|\d{17}[\dX]|138\d{8}/);
    expect(await qr.first().locator('path').getAttribute('d')).toBe(qrPath(encode(url, { ecc: 'M', border: 2 }).data));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(SCREENSHOTS, 'receipt-qr-a4.pdf'), format: 'A4', printBackground: true });
    await screenshot(page, 'receipt-qr-print');
    await page.emulateMedia({ media: 'screen' });
    // the repayment card checks her latest repayment
    await page.goto(`${e2e.url}/#/loans/${loanId}/card`);
    await page.locator('article.pr-card .pr-qr svg[data-url]').waitFor(WAIT);
    expect(await page.locator('article.pr-card .pr-qr svg').getAttribute('data-url')).toBe(url);
    await screenshot(page, 'card-qr-desktop');
    await context.close();

    // anyone scanning it: no sign-in, no token sent, genuine with the right amount, no personal data
    const visitor = await e2e.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const pub = await visitor.newPage();
    const authorized: string[] = [];
    pub.on('request', (r) => {
      if (r.headers().authorization) authorized.push(r.url());
    });
    await pub.goto(url);
    await pub.locator('[data-genuine="true"]').waitFor(WAIT);
    expect(await pub.locator('header.topbar').count()).toBe(0);
    expect(await pub.getByTestId('vr-amount').innerText()).toBe('¥3,800');
    const shown = await pub.locator('body').innerText();
    expect(shown).toContain(receiptNo);
    expect(shown).toContain('¥6,200');
    expect(shown).toContain('央*');
    expect(shown).not.toMatch(/央金卓玛|\d{17}[\dXx]|138\d{8}/);
    expect(authorized).toEqual([]);
    await inEveryLanguage(pub, 'verify-genuine', (w) => pub.locator('.vr-verdict', { hasText: w.vr_genuine }));

    // a copied slip with an altered signature
    const token = new URL(url.replace('#/', '')).searchParams.get('t')!;
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    await pub.goto(url.replace(token, altered));
    await pub.locator('[data-genuine="false"]').waitFor(WAIT);
    expect(await pub.locator('body').innerText()).not.toContain('¥3,800');
    await inEveryLanguage(pub, 'verify-not-genuine', (w) => pub.locator('.vr-verdict', { hasText: w.vr_not_genuine }));
    await visitor.close();
  }, 180_000);

  it('the committee sees the month’s messages and cost and changes the settings; a township sends the collection-day notice', async () => {
    await repaidLoan(newPhone(), `E2E-MONTH-${process.pid}-${phones}`);
    const month = (await as('committee').get('/sms/month')).body as { sent: number; costFen: number; settings: { monthlyCap: number } };
    const { context, page } = await signedIn(e2e, 'committee', { viewport: DESKTOP });
    await page.locator('.topbar nav a', { hasText: '短信' }).click();
    await page.getByTestId('sms-sent').waitFor(WAIT);
    expect(Number((await page.getByTestId('sms-sent').innerText()).replace(/,/g, ''))).toBeGreaterThanOrEqual(month.sent);
    await inEveryLanguage(page, 'sms-month', (w) => page.locator('h1', { hasText: w.sms_month_title }));

    // a refused change says why, on the page
    const form = page.getByRole('form', { name: '修改短信设置' });
    await form.getByLabel('到期前几天提醒').fill('30, 7, 3, 2, 1');
    await form.getByRole('button', { name: '保存设置' }).click();
    await form.getByRole('alert').filter({ hasText: '请填写 1 到 4 个天数' }).waitFor(WAIT);
    // a new cap is saved and shown (then the one before is put back: other tests read it)
    const cap = month.settings.monthlyCap + 1;
    await form.getByLabel('到期前几天提醒').fill('30, 7');
    await form.getByLabel('每月最多条数').fill(String(cap));
    await form.getByRole('button', { name: '保存设置' }).click();
    await form.getByRole('status').filter({ hasText: '已保存' }).waitFor(WAIT);
    await page.locator('[data-setting="monthlyCap"] dd', { hasText: cap.toLocaleString('en-US') }).waitFor(WAIT);
    expect((await as('committee').get('/sms/month')).body.settings.monthlyCap).toBe(cap);
    await as('committee').post('/sms/settings', { monthlyCap: month.settings.monthlyCap });
    await context.close();

    // the township's collection day: the notice is queued for the mothers on its list
    const township = await signedIn(e2e, 'township', { viewport: PHONE });
    const tp = township.page;
    await tp.locator('.topbar nav a', { hasText: '催收' }).click();
    const notice = tp.locator('section#collection-notice');
    await notice.getByLabel('地点（如：乡政府院内）').fill('乡政府院内');
    await notice.getByRole('button', { name: '发送通知' }).click();
    await tp.getByRole('dialog').getByText('乡政府院内').waitFor(WAIT);
    await tp.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await notice
      .getByRole('status')
      .filter({ hasText: /名单上 \d+ 笔贷款：已安排 \d+ 条短信/ })
      .waitFor(WAIT);
    await notice.scrollIntoViewIfNeeded();
    await inEveryLanguage(tp, 'sms-collection-notice', (w) => notice.locator('h2', { hasText: w.sms_notice_title }));
    await township.context.close();
  }, 180_000);
});
