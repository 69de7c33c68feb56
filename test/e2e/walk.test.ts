/**
 * Every page of every role, in 中文, བོད་ཡིག and English, at 390 px and 1280 px: axe-core finds
 * no serious or critical violation, no page shows an error instead of its content, and in 中文
 * no Latin-script word shows outside ids, numbers and listed proper names; in བོད་ཡིག and English no
 * Chinese UI phrase shows, only data (`support/chinese-phrases.ts`: what the API answered, names
 * marked translate="no", bilingual paper with each Chinese line's Tibetan pair). The printed pages are
 * walked too (the district's, the documents are the same for every role).
 *
 * One browser for the file; each role and language signs in once and every page is loaded once
 * and checked at both widths (the window is resized, not reloaded). The records walked are the
 * file's own, in a district of its own (offices and clerks made here), so no page depends on
 * what other test files wrote. Its tests take 5–7 minutes on two cores shared with a load of ~25.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bo } from '../../web/src/i18n/bo.ts';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { as, call, tokens, type Answer } from '../support/api.ts';
import { agreementInput, applicationInput, daysAgo, evaluationInput, openRound, readyApplication, residentId, roundInput, today, visitInput } from '../support/fixtures.ts';
import { generateLedger, ledgerBody } from '../support/ledger-fixture.ts';
import { DESKTOP, PHONE, screenshot, signedIn, signInThroughProvider, startE2E, type E2E } from './support/browser.ts';
import { latinWords, seriousAxeViolations } from './support/checks.ts';
import { type AnsweredData, answeredData, chineseCatalogue, chinesePhrases } from './support/chinese-phrases.ts';

type Lang = 'zh' | 'bo' | 'en';
const LANGS: Lang[] = ['zh', 'bo', 'en'];
const WIDTHS = [PHONE, DESKTOP];
const LOADING: Record<Lang, string> = { zh: zhCN.loading, bo: bo.loading, en: en.loading };

// the walk's own district, township and village, and its clerks
const tag = randomUUID().slice(0, 6);
const districtId = `lhasa.walk-${tag}`;
const townshipId = `${districtId}.jiama`;
const villageId = `${townshipId}.chikang`;

/** A clerk of the walk's offices, in the staff directory as the browser signs in. */
function clerk(role: 'district' | 'township' | 'field', officeId: string, who: string) {
  const username = `walk-${who}-${tag}`;
  let token: Promise<string> | undefined;
  const signed = () => (token ??= tokens.sign({ username, role, officeId }));
  return {
    username,
    post: async (path: string, body: unknown) => call(null, 'POST', path, body, { token: await signed() }),
  };
}
const district = clerk('district', districtId, 'district');
const approver = clerk('district', districtId, 'district2');
const township = clerk('township', townshipId, 'township');
const field = clerk('field', districtId, 'field');
const USERS = { committee: 'committee', district: district.username, township: township.username, field: field.username } as const;
type Role = keyof typeof USERS;

async function ok(res: Promise<Answer>, status: number, what: string) {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

interface Records {
  roundId: string;
  /** waiting for the district's decision */
  applicationId: string;
  /** paid out, evaluated at mid-term, one repayment handed to the district */
  loanId: string;
  loanApplicationId: string;
  repaymentId: string;
  remittanceId: string;
  confirmationId: string;
  reportId: string;
  /** staged for the committee; rejected after the walk */
  ledgerBatchId: string;
}

/** The records the walk opens, each of every kind a page shows. */
async function prepare(): Promise<Records> {
  for (const [id, name] of [
    [districtId, '巡检测试区'],
    [townshipId, '甲玛乡'],
    [villageId, '赤康村'],
  ] as const)
    await ok(as('committee').post('/offices', { id, name }), 201, `office ${id}`);
  const roundId = (await ok(as('committee').post('/rounds', roundInput({ districtId, capitalFen: 10_000_000 })), 201, 'round')).id as string;
  const apply = async (name: string) => {
    const app = await ok(district.post('/applications', applicationInput(roundId, { villageId, mother: { name, residentId: residentId() } })), 201, 'submit');
    await ok(township.post(`/applications/${app.id}/notice`, { postedOn: daysAgo(55) }), 200, 'notice');
    for (const visitedOn of [daysAgo(45), daysAgo(35)]) await ok(field.post(`/applications/${app.id}/visits`, visitInput({ visitedOn })), 201, 'visit');
    return app.id as string;
  };
  const loanApplicationId = await apply('央金');
  const { loanId } = await ok(approver.post(`/applications/${loanApplicationId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 }), 200, 'approve');
  const confirmation = await ok(district.post('/confirmation-lists', { sentOn: daysAgo(30), loanIds: [loanId] }), 201, 'send for confirmation');
  await ok(as('committee').post(`/confirmation-lists/${confirmation.id}/decision`, { decidedOn: daysAgo(30) }), 200, 'confirm');
  await ok(district.post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29))), 200, 'agreement');
  await ok(district.post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true }), 200, 'disburse');
  const repayment = await ok(township.post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(5), amountFen: 150_000, receiptNo: String(randomInt(1e9)).padStart(9, '0') }), 201, 'repay');
  const remittance = await ok(
    township.post('/remittances', {
      level: 'township_to_district',
      fromOfficeId: townshipId,
      handedOverOn: daysAgo(2),
      amountFen: 150_000,
      repaymentRefs: [{ id: repayment.id, loanId }],
      handedOverBy: '格桑',
      receivedBy: '王丽',
    }),
    201,
    'hand over',
  );
  // what the officer writes: not a word of the UI's (正常 is one: a Chinese UI phrase is never taken for data)
  await ok(field.post(`/loans/${loanId}/evaluations`, evaluationInput('midterm', { progress: '按计划养牛' })), 201, 'evaluate');
  const report = await ok(district.post('/evaluation-reports', { roundId, point: 0 }), 201, 'draft report');
  const applicationId = await apply('德吉');
  const g = generateLedger({ villages: [villageId], rounds: 1, loans: 2, repayments: 4, roundName: `巡检台账${randomInt(1e6)}` });
  const staged = await ok(district.post('/ledger-imports', ledgerBody(districtId, g, { dryRun: false })), 200, 'stage ledger');
  return {
    roundId,
    applicationId,
    loanId,
    loanApplicationId,
    repaymentId: repayment.id,
    remittanceId: remittance.id,
    confirmationId: confirmation.id,
    reportId: report.id,
    ledgerBatchId: staged.batchId,
  };
}

/** The pages of a role beyond its menu: a record of each kind it opens, and the printed pages (district). */
function recordPages(role: Role, r: Records): string[] {
  const printed = [
    `#/loans/${r.loanId}/agreement`,
    `#/loans/${r.loanId}/card`,
    `#/receipt?loanId=${r.loanId}&repaymentId=${r.repaymentId}`,
    `#/collection?townshipId=${townshipId}&asOf=${today()}`,
    `#/consent?applicationId=${r.applicationId}`,
    `#/notice?roundId=${r.roundId}&villageId=${villageId}`,
    `#/confirmations/${r.confirmationId}/print`,
    `#/evaluation-reports/${r.reportId}/print`,
  ];
  return {
    committee: [
      `#/rounds/${r.roundId}`,
      '#/round-open',
      '#/round-requests',
      `#/loans/${r.loanId}`,
      `#/remittances/${r.remittanceId}`,
      `#/confirmations/${r.confirmationId}`,
      `#/evaluation-reports/${r.reportId}`,
      `#/ledger-imports/${r.ledgerBatchId}`,
    ],
    district: [
      `#/applications/${r.applicationId}`,
      `#/applications/${r.loanApplicationId}`,
      `#/personal-data/${r.loanApplicationId}`,
      `#/loans/${r.loanId}`,
      `#/rounds/${r.roundId}`,
      '#/round-requests',
      `#/remittances/${r.remittanceId}`,
      `#/confirmations/${r.confirmationId}`,
      `#/evaluation-reports/${r.reportId}`,
      ...printed,
    ],
    township: [`#/applications/${r.applicationId}`, `#/loans/${r.loanId}`, `#/rounds/${r.roundId}`, `#/remittances/${r.remittanceId}`],
    field: [`#/applications/${r.applicationId}`, `#/loans/${r.loanId}`, `#/evaluate/${r.loanId}`],
  }[role];
}

let e2e: E2E;
let records: Promise<Records>;
beforeAll(async () => {
  records = prepare();
  // a failure to prepare is reported by the tests that need the records
  records.catch(() => undefined);
  e2e = await startE2E();
  catalogue = await chineseCatalogue();
}, 60_000);
afterAll(async () => {
  const batchId = await records.then((r) => r.ledgerBatchId).catch(() => undefined);
  if (batchId) await as('committee').post(`/ledger-imports/${batchId}/approval`, { decision: 'reject', reason: '页面巡检用的批次' });
  await e2e?.close();
});

/** Waits for the page's content: a heading or a printed document, no loading line left. */
async function loaded(page: Page, lang: Lang) {
  await page.locator('main h1, main h2, .login h1, article.pr-doc').first().waitFor();
  await expect.poll(() => page.locator('[role="status"]', { hasText: LOADING[lang] }).count(), { timeout: 20_000 }).toBe(0);
}

/** Resized windows are laid out before the next frame is drawn: wait for two. */
const painted = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

type Walked = Window & { walked?: Promise<void> };
/**
 * Opens a page of the app by its address's hash (the same document): returns once the app has
 * seen the new address and drawn it, so the previous page's heading is never taken for this one's.
 */
async function go(page: Page, href: string) {
  const here = await page.evaluate((hash) => {
    if (location.hash === hash) return true;
    (window as Walked).walked = new Promise<void>((r) => addEventListener('hashchange', () => r(), { once: true }));
    return false;
  }, href);
  if (here) return;
  await page.goto(`${e2e.url}/${href}`);
  await page.evaluate(() => (window as Walked).walked);
  await painted(page);
}

/**
 * The Latin words left once the page has its names: an office is named by its id until the
 * offices are read (a second request), so a word that goes away is waited out, one that stays is reported.
 */
async function settledLatinWords(page: Page): Promise<string[]> {
  let words = await latinWords(page);
  await expect
    .poll(async () => (words = await latinWords(page)), { timeout: 10_000 })
    .toEqual([])
    .catch(() => undefined);
  return words;
}

/** The Chinese phrases left on a Tibetan or English page once it has its data (the offices' names come with a second request). */
async function settledChinesePhrases(page: Page, data: AnsweredData): Promise<string[]> {
  const phrases = async () => chinesePhrases(page, await data.strings());
  let found = await phrases();
  await expect
    .poll(async () => (found = await phrases()), { timeout: 10_000 })
    .toEqual([])
    .catch(() => undefined);
  return found;
}

/** The phrases of the Chinese catalogue: never data (read before the tests). */
let catalogue = new Set<string>();
/** The data this context's pages were answered with, recorded from its first request on (`chinese-phrases.ts`). */
function recordData(): { data: () => AnsweredData; onContext: (context: BrowserContext) => void } {
  let data: AnsweredData | undefined;
  return {
    onContext: (context) => {
      data = answeredData(context, catalogue);
    },
    data: () => {
      if (!data) throw new Error('no context recorded');
      return data;
    },
  };
}

/** Checks the page at every width; the problems found, each prefixed by where. */
async function problemsOf(page: Page, where: string, lang: Lang, data?: AnsweredData): Promise<string[]> {
  const found: string[] = [];
  for (const error of await page.locator('.error[role="alert"]').allTextContents()) found.push(`${where}: shows an error: ${error}`);
  if (lang === 'zh') for (const word of await settledLatinWords(page)) found.push(`${where}: Latin word ${word}`);
  else if (data) for (const phrase of await settledChinesePhrases(page, data)) found.push(`${where}: Chinese phrase in ${lang} ${phrase}`);
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await painted(page);
    for (const v of await seriousAxeViolations(page)) found.push(`${where} at ${viewport.width} px: ${v}`);
  }
  return found;
}

describe('every page of every role, in every language, at 390 px and 1280 px', () => {
  for (const lang of LANGS) {
    it(`sign-in, ${lang}`, async () => {
      const context = await e2e.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
      const recorded = recordData();
      recorded.onContext(context);
      try {
        const page = await context.newPage();
        await page.goto(e2e.url);
        if (lang !== 'zh') {
          await page.evaluate((l) => localStorage.setItem('lang', l), lang);
          await page.reload();
        }
        await page.locator('button.sign-in').waitFor();
        await loaded(page, lang);
        expect(await problemsOf(page, 'sign-in', lang, recorded.data())).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  for (const role of Object.keys(USERS) as Role[]) {
    for (const lang of LANGS) {
      it(`${role}, ${lang}: every page of the menu and a record of each kind`, async () => {
        const r = await records;
        const recorded = recordData();
        const { context, page } = await signedIn(e2e, USERS[role], { viewport: PHONE, lang, onContext: recorded.onContext });
        try {
          const menu = await page.locator('.topbar nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
          expect(menu.length).toBeGreaterThan(0);
          const found: string[] = [];
          for (const href of [...menu, ...recordPages(role, r)]) {
            await page.setViewportSize(PHONE);
            await go(page, href);
            await loaded(page, lang);
            found.push(...(await problemsOf(page, `${role} ${href}`, lang, recorded.data())));
          }
          expect(found).toEqual([]);
        } finally {
          await context.close();
        }
      }, 360_000);
    }
  }
});

describe('Tibetan', () => {
  it('sign-in and the field pages render in Tibetan script (phone)', async () => {
    const context = await e2e.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(e2e.url);
    await page.evaluate(() => localStorage.setItem('lang', 'bo'));
    await page.reload();
    await expect.poll(() => page.locator('.login h1').textContent()).toContain('བདེ་སྐྱིད');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('bo');
    await screenshot(page, 'login-bo-phone');
    await signInThroughProvider(page, 'field');
    await page.locator('main h1').waitFor();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('ངའི་ལས་འགན།');
    await screenshot(page, 'field-my-work-bo-phone');
    await context.close();
  }, 60_000);
});

describe('a dialog', () => {
  it('takes focus, keeps Tab inside, closes on Escape and gives focus back', async () => {
    // prepare: an application waiting for the district's decision
    const applicationId = await readyApplication(await openRound({ name: `对话框测试 ${randomInt(1e6)}` }), { mother: { name: '央金', residentId: residentId() } });
    const { context, page } = await signedIn(e2e, 'district', { viewport: DESKTOP });
    await page.goto(`${e2e.url}/#/applications/${applicationId}`);
    const ask = page.getByRole('button', { name: '批准…', exact: true });
    // act: ask to approve (the amount asked is filled in, so the form is valid and the confirmation opens)
    await ask.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // assert: focus is in the dialog, on "cancel" (nothing moves money by pressing Enter)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    expect(await seriousAxeViolations(page)).toEqual([]);
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog')), key).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('批准…');
    await context.close();
  }, 60_000);
});

describe('the check for Chinese phrases on a Tibetan or English page', () => {
  it('reports a UI phrase in Chinese by its text, and passes data, marked names and bilingual paper', async () => {
    const context = await e2e.browser.newContext();
    try {
      const page = await context.newPage();
      const phrasesOf = async (html: string, data: string[] = []) => {
        await page.setContent(`<html lang="bo"><head><title>བདེ་སྐྱིད།</title></head><body>${html}</body></html>`);
        return chinesePhrases(page, data);
      };
      // data: a mother's name and her village, as the API answered them
      expect(await phrasesOf('<p>ཨ་མ་ 央金 (赤康村) ལ་བུ་ལོན་སྤྲད།</p>', ['央金', '赤康村'])).toEqual([]);
      // a UI phrase beside the data, in the text or in an accessible name
      expect(await phrasesOf('<p>ཨ་མ་ 央金 审批</p>', ['央金'])).toEqual(['「ཨ་མ་ 央金 审批」']);
      expect(await phrasesOf('<button aria-label="删除 央金">✗</button>', ['央金'])).toEqual(['aria-label=「删除 央金」']);
      expect(await phrasesOf('<p>ཁྱིམ་བཅར།（ཐེངས་ 2）</p>')).toEqual(['「ཁྱིམ་བཅར།（ཐེངས་ 2）」']);
      // names not to translate, amounts in capitals, a printed Chinese line with its Tibetan line
      expect(await phrasesOf('<button translate="no" lang="zh-CN">中文</button><p>¥10,000 (壹万元整)</p>')).toEqual([]);
      expect(await phrasesOf('<span class="pr-bi"><span class="pr-bo">མོས་མཐུན་ཡིག་ཆ།</span><span class="pr-zh">同意书</span></span>')).toEqual([]);
      expect(await phrasesOf('<article class="pr-doc"><span class="pr-bi"><span class="pr-bo"></span><span class="pr-zh">同意书</span></span></article>')).toEqual(['unpaired 「同意书」']);
      // paper in Chinese only (no bilingual line), and a bilingual document's name in its own language
      expect(await phrasesOf('<article class="pr-doc" lang="zh-CN"><h1>报批表</h1></article>')).toEqual([]);
      expect(
        await phrasesOf('<article class="pr-doc" lang="zh-CN" aria-label="借款协议书"><span class="pr-bi"><span class="pr-bo">གྲོས་མཐུན།</span><span class="pr-zh">协议</span></span></article>'),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
