/**
 * Her choice about text messages before a loan exists, in the browser: a field officer opens a
 * mother's application (her number on file, no choice recorded), records that she agrees to
 * Tibetan messages with the reason, and the page shows it recorded with his name; the
 * application then carries it (who, when, why). Screenshots on a phone (390 px) in 中文,
 * བོད་ཡིག and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boSms } from '../../web/src/i18n/bo.sms.ts';
import { enSms } from '../../web/src/i18n/en.sms.ts';
import { zhCNSms } from '../../web/src/i18n/zh-CN.sms.ts';
import { as } from '../support/api.ts';
import { applicationInput, openRound, residentId } from '../support/fixtures.ts';
import { PHONE, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

const WAIT = { timeout: 15_000, interval: 100 };

describe('text messages on the application, before a loan exists', () => {
  it('a field officer records that she agrees to Tibetan messages; the page shows it with who recorded it', async () => {
    const phone = `136${String(process.pid % 10000).padStart(4, '0')}${String(Date.now() % 10000).padStart(4, '0')}`;
    const roundId = await openRound();
    const submitted = await as('township').post('/applications', applicationInput(roundId, { mother: { name: '次仁央宗', residentId: residentId(), phone } }));
    expect(submitted.status).toBe(201);
    const appId = submitted.body.id as string;

    const { context, page } = await signedIn(e2e, 'field', { viewport: PHONE });
    await page.goto(`${e2e.url}/#/applications/${appId}`);
    const section = page.locator('section#sms');
    await section.getByTestId('sms-choice').filter({ hasText: zhCNSms.sms_no_choice }).waitFor(WAIT);
    expect(await section.getByTestId('sms-choice').innerText()).toContain(phone);

    await section.locator('summary', { hasText: zhCNSms.sms_change }).click();
    await section.getByLabel(zhCNSms.sms_agrees).check();
    await section.getByLabel(zhCNSms.sms_language).selectOption('bo');
    await section.getByLabel(zhCNSms.sms_change_reason).fill('入户时本人同意接收藏文短信');
    await section.getByRole('button', { name: zhCNSms.sms_save }).click();
    await section.getByRole('status').filter({ hasText: zhCNSms.sms_saved }).waitFor(WAIT);
    await section.getByTestId('sms-choice').filter({ hasText: '她同意接收短信（藏文）' }).waitFor(WAIT);

    // recorded with who recorded it, as the application now holds it
    const app = (await as('district').get(`/applications/${appId}`)).body;
    expect(app.mother).toMatchObject({ phone, sms: { optIn: true, lang: 'bo', reason: '入户时本人同意接收藏文短信', changedBy: { username: 'field' } } });
    const who = app.mother.sms.changedBy.displayName as string;
    const recorded = await section.getByTestId('sms-recorded').innerText();
    expect(recorded).toContain(who);
    expect(recorded).toContain('入户时本人同意接收藏文短信');
    const history = app.history as { action: string }[];
    expect(history.map((h) => h.action)).toContain('sms_preference');

    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'sms-application-zh-phone');
    for (const [button, words, lang] of [
      ['བོད་ཡིག', boSms, 'bo'],
      ['English', enSms, 'en'],
    ] as const) {
      await page.getByRole('button', { name: button, exact: true }).first().click();
      await section.locator('h2', { hasText: words.sms_section }).waitFor(WAIT);
      await section.getByTestId('sms-choice').filter({ hasText: words.sms_lang_bo }).waitFor(WAIT);
      await page.evaluate(async () => {
        await document.fonts.load('16px "Noto Serif Tibetan"', 'བོད་ཡིག');
        await document.fonts.ready;
      });
      await screenshot(page, `sms-application-${lang}-phone`);
    }
    await page.getByRole('button', { name: '中文', exact: true }).first().click();
    await context.close();
  });
});
