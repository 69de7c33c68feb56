/**
 * A mother's requests about her personal data, as her district office does them in the browser:
 * from her application, the copy of everything held about her (printed to an A4 PDF, Tibetan
 * above Chinese), and a correction of her details — a refused one (household size, once her loan
 * is paid out) shown on its field's form, then her phone corrected, shown before → after.
 * Screenshots on a phone (390 px) and a desktop in 中文, བོད་ཡིག and English.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boPersonalData } from '../../web/src/i18n/bo.personal-data.ts';
import { enPersonalData } from '../../web/src/i18n/en.personal-data.ts';
import { zhCNPersonalData } from '../../web/src/i18n/zh-CN.personal-data.ts';
import { as } from '../support/api.ts';
import { activeLoan, openRound, residentId } from '../support/fixtures.ts';
import { DESKTOP, PHONE, SCREENSHOTS, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';
import { latinWords, seriousAxeViolations } from './support/checks.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(async () => e2e?.close());

const WAIT = { timeout: 15_000, interval: 100 };
const LANGS = [
  { lang: 'zh', button: '中文', words: zhCNPersonalData },
  { lang: 'bo', button: 'བོད་ཡིག', words: boPersonalData },
  { lang: 'en', button: 'English', words: enPersonalData },
] as const;

/** Screenshots of what `page` shows, on a phone and a desktop, in each language, back in Chinese at the end. */
async function inEveryLanguage(page: Page, name: string): Promise<void> {
  for (const { lang, button, words } of LANGS) {
    await page.getByRole('button', { name: button, exact: true }).first().click();
    await page.getByRole('heading', { name: words.pd_correct_title }).first().waitFor(WAIT);
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.evaluate(async () => {
        await document.fonts.load('16px "Noto Serif Tibetan"', 'བོད་ཡིག');
        await document.fonts.ready;
      });
      await screenshot(page, `${name}-${lang}-${size}`);
    }
  }
  await page.getByRole('button', { name: '中文', exact: true }).first().click();
}

describe('her personal data: the copy and the correction', () => {
  it('the district office prints her copy with her loan and repayments, is refused a household-size correction after payout, and corrects her phone', async () => {
    // prepare: a mother whose loan is paid out, with a phone on file
    const roundId = await openRound();
    const name = '白玛央宗';
    const oldPhone = `139${String(process.pid % 10000).padStart(4, '0')}0001`;
    const newPhone = `139${String(process.pid % 10000).padStart(4, '0')}0002`;
    const loanId = await activeLoan(roundId, 1_000_000, { mother: { name, residentId: residentId(), phone: oldPhone } });
    const loan = await as('district').get(`/loans/${loanId}`);
    const appId = loan.body.applicationId as string;

    const { context, page } = await signedIn(e2e, 'district', { viewport: DESKTOP });
    try {
      // from her application to her personal data
      await page.goto(`${e2e.url}/#/applications/${appId}`);
      await page.getByRole('link', { name: zhCNPersonalData.pd_open }).click();
      await page.getByRole('heading', { name: zhCNPersonalData.pd_correct_title }).waitFor(WAIT);

      // the copy: asked today, with a note; everything held shows, Tibetan above Chinese
      const copyForm = page.getByRole('form', { name: zhCNPersonalData.pd_title });
      await copyForm.getByLabel(zhCNPersonalData.pd_note).fill('本人到乡政府申请');
      await copyForm.getByRole('button', { name: zhCNPersonalData.pd_make_copy }).click();
      const doc = page.locator('article.pr-pd');
      await doc.waitFor(WAIT);
      await expect.poll(() => doc.textContent(), WAIT).toContain(name);
      const text = (await doc.textContent()) ?? '';
      expect(text).toContain(oldPhone);
      expect(text).toContain('本人个人信息副本');
      expect(text).toContain('ཁོ་མོའི་མི་སྒེར་ཆ་འཕྲིན་གྱི་འདྲ་བཤུས།');
      expect(text).toContain('¥10,000'); // her loan's principal
      expect(text).toContain('འཇལ་བཞིན་པ།还款中'); // its state, Tibetan above Chinese
      // the copy she was given is in her history, with the note
      const history = (await as('district').get(`/applications/${appId}`)).body.history as { action: string; text: string }[];
      expect(history.filter((h) => h.action === 'personal_data_copy_given').map((h) => h.text)).toEqual([expect.stringContaining('本人到乡政府申请')]);
      await page.evaluate(async () => {
        await document.fonts.load('16px "Noto Serif Tibetan"', 'བོད་ཡིག');
        await document.fonts.ready;
      });
      const pdf = await page.pdf({ path: join(SCREENSHOTS, 'print-personal-data-copy.pdf'), format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      // the forms never reach paper
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('form', { name: zhCNPersonalData.pd_correct_title }).isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });

      // a household-size correction after payout: refused, in words, nothing changed
      const correct = page.getByRole('form', { name: zhCNPersonalData.pd_correct_title });
      await correct.getByLabel(zhCNPersonalData.pd_household_size).fill('6');
      await correct.getByLabel(zhCNPersonalData.pd_reason).fill('户口本上是六口人');
      await correct.getByRole('button', { name: zhCNPersonalData.pd_correct_submit }).click();
      await expect.poll(() => correct.textContent(), WAIT).toContain('家庭人口已计入统计报表');
      expect(await page.getByRole('status', { name: zhCNPersonalData.pd_corrected }).count()).toBe(0);

      // her phone: corrected, before → after from her history
      await correct.getByLabel(zhCNPersonalData.pd_household_size).fill('');
      await correct.getByLabel(zhCNPersonalData.pd_phone).fill(newPhone);
      await correct.getByLabel(zhCNPersonalData.pd_reason).fill('她换了手机号');
      await correct.getByRole('button', { name: zhCNPersonalData.pd_correct_submit }).click();
      const done = page.getByRole('status', { name: zhCNPersonalData.pd_corrected });
      await done.waitFor(WAIT);
      const row = done.getByRole('row', { name: new RegExp(zhCNPersonalData.pd_phone) });
      expect(await row.textContent()).toBe(`${zhCNPersonalData.pd_phone}${oldPhone}${newPhone}`);
      const after = await as('district').get(`/applications/${appId}`);
      expect(after.body.mother.phone).toBe(newPhone);

      // in Chinese: no serious accessibility problem, no Latin-script word (state codes, field names)
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await latinWords(page)).toEqual([]);

      await page.evaluate(() => window.scrollTo(0, 0));
      await inEveryLanguage(page, 'personal-data-district');
    } finally {
      await context.close();
    }
  }, 180_000);
});
