/**
 * Every printed document as Chromium prints it to A4, with the UI in 中文, བོད་ཡིག and English:
 * the same number of pages whatever the UI language (the documents are the same paper), and
 * nothing cut by a page end — no table row, field, bilingual pair, list item or signature box
 * split across pages, no line of text (a Tibetan stack with its vowel signs) reaching past the
 * top or the bottom of its page, every signature block on the page where the text it signs ends,
 * every heading on the page of what follows it. The agreement is two pages.
 *
 * Where paper breaks is measured from box positions (`support/print-layout.ts`: the documents laid
 * out in page-sized columns under print media), and that measure's page count must equal the
 * pages of the PDF Chromium prints, so it cannot drift from the printer; every page of the PDF is on
 * the paper measured (portrait, the collection list landscape), and no table footer is on a named page
 * (Chromium 143 does not repeat it on each page there, 156 does). With PRINT_SHOTS=1 the pages are also
 * saved side by side as pictures, with the PDFs and the page's HTML (test-results/print-pages/), to look at.
 *
 * Deterministic: each document is measured and printed only once it is on the page and every font
 * it uses has loaded, never after a fixed wait; the collection list (a whole township's loans, which
 * other test files add to) is printed in the three languages from one answer of the API.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/routes.ts';
import { draftedReport, evaluatedRound, oldLoan } from '../support/evaluation-reports.ts';
import { as, type UserName } from '../support/api.ts';
import { agreementInput, applicationInput, confirmLoans, daysAgo, openRound, readyApplication, residentId, today, visitInput, ZHIBA } from '../support/fixtures.ts';
import { publishedReport } from '../support/outreach-fixture.ts';
import { wideDonorReport } from '../support/wide-donor-report.ts';
import { DESKTOP, signedIn, startE2E, type E2E } from './support/browser.ts';
import { A4_DONOR_REPORT, A4_LANDSCAPE, A4_PORTRAIT, fontsLoaded, type PageBox, pdfPages, pdfPaper, printLayout } from './support/print-layout.ts';

let e2e: E2E;
type Lang = 'zh' | 'bo' | 'en';
const LANGS: Lang[] = ['zh', 'bo', 'en'];
const WAIT = { timeout: 20_000 };
const SHOTS = process.env.PRINT_SHOTS === '1' ? resolve(import.meta.dirname, '..', '..', 'test-results', 'print-pages') : undefined;
const CAIGONGTANG = 'lhasa.chengguan.caigongtang';

async function ok(user: UserName, path: string, body: unknown) {
  const r = await as(user).post(path, body, { idempotencyKey: `e2e-${randomUUID()}` });
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** What each document needs, made once for the whole file (its own round, mothers and loans). */
interface Made {
  roundId: string;
  appId: string;
  agreedLoanId: string;
  paidLoanId: string;
  repaymentId: string;
  listId: string;
  reportId: string;
  pdAppId: string;
  donorReportId: string;
}
let made: Made;
/** this file's own overdue loan: the template of every line of the collection list */
let overdueLoanId = '';
/** One signed-in district clerk per UI language. */
const clerks = {} as Record<Lang, { context: BrowserContext; page: Page }>;
/** API answers recorded on a document's first print and replayed for the other languages (by document). */
const answers = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();

/**
 * On `page`, the first answer of the API to requests matching `url` is recorded under `key`
 * (its body changed by `change`, if given) and given again to every later one.
 */
async function replay(page: Page, key: string, url: RegExp, change?: (body: Buffer) => Buffer): Promise<void> {
  await page.route(url, async (route) => {
    let answer = answers.get(key);
    if (!answer) {
      const res = await route.fetch();
      const body = await res.body();
      answer = { status: res.status(), headers: res.headers(), body: change ? change(body) : body };
      answers.set(key, answer);
    }
    await route.fulfill(answer);
  });
}

type CollectionAnswer = ResponseOf<'GET /reports/collection'>;
type DonorReport = ResponseOf<'GET /public/reports/{id}'>;

const DISTRICTS = ['城关区', '堆龙德庆区', '达孜区', '林周县', '当雄县', '尼木县', '曲水县', '墨竹工卡县'];
const STORY = '借到一万元以后，我买了两头奶牛，每天把牛奶卖给乡里的茶馆，一年下来多挣了六千多元。孩子们都上了学，家里也盖了新的牛圈。还款的时候我一次也没有晚过，明年想再借一次，开一个小小的甜茶馆。';

/** A donor report as a whole region's would be: eight districts (the last of them merged), four mothers' stories. */
function fullDonorReport(body: Buffer): Buffer {
  const report = JSON.parse(body.toString('utf8')) as DonorReport;
  const one = report.districts[0];
  if (!one) throw new Error(`donor report without districts: ${body.toString('utf8').slice(0, 300)}`);
  report.districts = DISTRICTS.map((label, i) => ({ ...one, label, merged: i === DISTRICTS.length - 1, mothers: one.mothers + 7 * i, lentFen: one.lentFen + 1_234_500 * i }));
  report.suppressedDistricts = 2;
  report.stories = ['次仁拉姆', '德吉央宗', '白玛卓玛', '拉姆卓玛'].map((name, i) => ({ name, district: DISTRICTS[i]!, story: STORY }));
  return Buffer.from(JSON.stringify(report));
}

/**
 * A collection list long enough to run over several landscape pages, the same whatever other test
 * files wrote to the township: three villages of 40 lines each, made from this file's own overdue
 * loan, with fixed names, numbers, amounts and states (one line in four overdue), totals summed again.
 */
function longCollection(body: Buffer): Buffer {
  const list = JSON.parse(body.toString('utf8')) as CollectionAnswer;
  const village = list.villages.find((v) => v.loans.some((l) => l.loanId === overdueLoanId));
  const template = village?.loans.find((l) => l.loanId === overdueLoanId);
  if (!village || !template) throw new Error(`collection list without this file's overdue loan ${overdueLoanId}: ${body.toString('utf8').slice(0, 300)}`);
  const names = ['次仁拉姆', '德吉央宗', '白玛卓玛', '格桑曲珍', '尼玛普赤'];
  list.villages = ['吉巴村', '蔡公堂村', '白定村'].map((name, v) => {
    const loans = Array.from({ length: 40 }, (_, i) => {
      const overdue = i % 4 === 3;
      return {
        ...template,
        state: overdue ? ('overdue' as const) : ('due_this_month' as const),
        loanId: `${template.loanId.slice(0, 23)}${v}${String(i).padStart(2, '0')}`,
        agreementNo: `城关-2026-05-${String(v * 40 + i + 1).padStart(3, '0')}`,
        motherName: names[i % names.length]!,
        principalFen: 800_000,
        balanceFen: overdue ? 600_000 : 33_400,
        daysPastDue: overdue ? 55 : 0,
      };
    });
    return {
      ...village,
      officeId: `${village.officeId}${v}`,
      name,
      loans,
      totals: {
        dueFen: loans.filter((l) => l.state !== 'overdue').reduce((a, l) => a + l.balanceFen, 0),
        overdueFen: loans.filter((l) => l.state === 'overdue').reduce((a, l) => a + l.balanceFen, 0),
      },
    };
  });
  return Buffer.from(JSON.stringify(list));
}

/** A donor report over 32 districts of the file's own (and any other): made after the other records, while the other documents print; awaited by its test only. */
let wideReport: Promise<{ id: string; labels: string[] }>;
let wide: { id: string; labels: string[] } | undefined;

beforeAll(async () => {
  e2e = await startE2E();
  // a mother whose application was posted and visited, approved with her agreement signed (agreement, consent form, notice)
  const roundId = await openRound();
  const app = await ok('district', '/applications', applicationInput(roundId, { mother: { name: '格桑卓嘎', residentId: residentId() }, villageId: ZHIBA }));
  await ok('district', `/applications/${app.id}/notice`, { postedOn: daysAgo(55) });
  for (const visitedOn of [daysAgo(45), daysAgo(35)]) await ok('field', `/applications/${app.id}/visits`, visitInput({ visitedOn }));
  const decision = await ok('district-2', `/applications/${app.id}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 });
  await ok('district', `/loans/${decision.loanId}/agreement`, agreementInput(daysAgo(29)));
  // three more mothers approved and sent on one confirmation list; the first paid out, with a repayment (receipt, card, her personal data)
  const loanIds: string[] = [];
  for (const name of ['次仁拉姆', '德吉央宗', '白玛卓玛']) {
    const appId = await readyApplication(roundId, { mother: { name, residentId: residentId() }, villageId: ZHIBA, amountRequestedFen: 800_000 });
    const d = await ok('district-2', `/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 800_000 });
    loanIds.push(d.loanId as string);
  }
  const listId = await confirmLoans(loanIds, { on: daysAgo(30) });
  const paidLoanId = loanIds[0]!;
  await ok('district', `/loans/${paidLoanId}/agreement`, agreementInput(daysAgo(29)));
  await ok('district', `/loans/${paidLoanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 800_000, motherPresent: true, idChecked: true });
  // a one-year loan paid out 420 days ago, overdue now (the collection list)
  overdueLoanId = await oldLoan(await openRound({ openedOn: daysAgo(500), termMonths: 12, evaluationMonths: [6] }), '拉姆卓玛', 600_000, 420);
  const repayment = await ok('district', `/loans/${paidLoanId}/repayments`, { paidOn: daysAgo(3), amountFen: 200_000, receiptNo: `PP-${randomUUID().slice(0, 8)}` });
  const paid = await as('district').get(`/loans/${paidLoanId}`);
  // an evaluated round with its mid-term report drafted (evaluation report)
  const evaluated = await evaluatedRound(2);
  const reportId = await draftedReport(evaluated.roundId, '两户资金按计划使用，收入稳定。');
  // a published donor report (every district since 2000), printed in the reader's language
  const donorReportId = await publishedReport();
  made = {
    roundId,
    appId: app.id as string,
    agreedLoanId: decision.loanId as string,
    paidLoanId,
    repaymentId: repayment.id as string,
    listId,
    reportId,
    pdAppId: paid.body.applicationId as string,
    donorReportId,
  };
  for (const lang of LANGS) clerks[lang] = await signedIn(e2e, 'district', { viewport: DESKTOP, lang });
  wideReport = wideDonorReport(32);
  // a failure to make it is reported by the test that prints it
  wideReport.catch(() => undefined);
}, 300_000);
afterAll(async () => {
  for (const lang of LANGS) await clerks[lang]?.context.close();
  await e2e?.close();
});

interface PrintedDocument {
  name: string;
  /** the app's address of the page that prints it */
  path: () => string;
  /** the documents on that page */
  selector: string;
  box?: PageBox;
  /** it has signature blocks */
  signed: boolean;
  /** what to do on the page before it is opened */
  before?: (page: Page) => Promise<void>;
  /** what to do on the page before the document shows */
  open?: (page: Page) => Promise<void>;
  /** what to check of the document once shown */
  shows?: (page: Page) => Promise<void>;
  /** the test's time limit, if not 120 s */
  timeout?: number;
}

const DOCUMENTS: PrintedDocument[] = [
  { name: 'agreement', path: () => `/loans/${made.agreedLoanId}/agreement`, selector: 'article.pr-agreement', signed: true },
  { name: 'consent', path: () => `/consent?applicationId=${made.appId}`, selector: 'article.pr-consent', signed: true },
  { name: 'consent-blank', path: () => '/consent', selector: 'article.pr-consent', signed: true },
  { name: 'notice', path: () => `/notice?roundId=${made.roundId}&villageId=${ZHIBA}`, selector: 'article.pr-notice', signed: false },
  { name: 'receipt', path: () => `/receipt?loanId=${made.paidLoanId}&repaymentId=${made.repaymentId}`, selector: 'article.pr-receipt', signed: false },
  { name: 'card', path: () => `/loans/${made.paidLoanId}/card`, selector: 'article.pr-card', signed: false },
  {
    name: 'collection',
    path: () => `/collection?townshipId=${CAIGONGTANG}&asOf=${today()}`,
    selector: 'article.pr-collection-page',
    box: A4_LANDSCAPE,
    signed: false,
    // a whole township's loans, which other test files add to while this one runs; made long enough to need several pages
    // (the answer is replayed from before the page is opened: the page asks for it as it opens)
    before: (page) => replay(page, 'collection', /\/reports\/collection\?/, longCollection),
  },
  { name: 'confirmation-list', path: () => `/confirmations/${made.listId}/print`, selector: 'article.pr-conflist', signed: true },
  { name: 'evaluation-report', path: () => `/evaluation-reports/${made.reportId}/print`, selector: 'article.pr-evalreport', signed: true },
  {
    name: 'personal-data',
    path: () => `/personal-data/${made.pdAppId}`,
    selector: 'article.pr-pd',
    signed: false,
    open: async (page) => {
      // the copy is made on the page (its form's button), once: making it is recorded in her history, which the copy shows
      await replay(page, 'personal-data', /\/personal-data-copy$/);
      await page.locator('form').first().locator('button[type="submit"]').click(WAIT);
    },
  },
  {
    name: 'donor-report',
    path: () => `/public/${made.donorReportId}`,
    selector: 'article.dr-report',
    box: A4_DONOR_REPORT,
    // published, the report is a frozen snapshot: the same figures in the three languages
    signed: false,
  },
  {
    name: 'donor-report-full',
    path: () => `/public/${made.donorReportId}`,
    selector: 'article.dr-report',
    box: A4_DONOR_REPORT,
    signed: false,
    // the same report as a whole region's: eight districts and four stories
    before: async (page) => {
      // the app loaded afresh (the same address would not fetch the report again), its answer changed
      await page.goto('about:blank');
      await replay(page, 'donor-report-full', /\/public\/reports\/[^/?]+$/, fullDonorReport);
    },
  },
  {
    name: 'donor-report-32-districts',
    path: () => `/public/${wide?.id}`,
    selector: 'article.dr-report',
    box: A4_DONOR_REPORT,
    signed: false,
    // 32 districts and their ledgers are made while the file's other records are: up to minutes on a loaded machine
    timeout: 420_000,
    before: async (page) => {
      wide = await wideReport;
      // the app loaded afresh: the donor report printed before stays on the page until this one is read
      await page.goto('about:blank');
    },
    // a region's report as published: the file's 32 districts of five mothers each (none merged), and any other
    shows: async (page) => {
      const labels = wide?.labels ?? [];
      const found = async () => {
        const rows = await page.locator('article.dr-report tr').allTextContents();
        return labels.filter((label) => rows.some((row) => row.includes(label)));
      };
      await expect.poll(found, { timeout: 30_000 }).toEqual(labels);
      expect(labels.length).toBe(32);
    },
  },
];

/** The document on the page in the clerk's UI language, its fonts loaded: where paper cuts it, and the pages of its PDF. */
async function printed(lang: Lang, doc: PrintedDocument) {
  const { page } = clerks[lang];
  await doc.before?.(page);
  await page.goto(`${e2e.url}/#${doc.path()}`);
  await doc.open?.(page);
  await page.locator(doc.selector).first().waitFor(WAIT);
  await doc.shows?.(page);
  await fontsLoaded(page);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    // the page as measured, to lay out again without the app (its scripts left out)
    writeFileSync(join(SHOTS, `${doc.name}-${lang}.html`), await page.evaluate(() => document.documentElement.outerHTML.replace(/<script\b[\s\S]*?<\/script>/g, '')));
  }
  const layout = await printLayout(page, doc.selector, doc.box ?? A4_PORTRAIT, SHOTS ? { screenshot: join(SHOTS, `${doc.name}-${lang}.png`) } : {});
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  if (SHOTS) writeFileSync(join(SHOTS, `${doc.name}-${lang}.pdf`), pdf);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  return { layout, pdfPages: pdfPages(pdf), paper: pdfPaper(pdf) };
}

describe('printed documents on A4, in every UI language', () => {
  for (const doc of DOCUMENTS)
    it(
      `${doc.name}: as many pages in zh, bo and en; no row, line or signature block cut by a page end`,
      async () => {
        const pages = {} as Record<Lang, number>;
        for (const lang of LANGS) {
          const { layout, pdfPages, paper } = await printed(lang, doc);
          const where = `${doc.name} (${lang})`;
          const box = doc.box ?? A4_PORTRAIT;
          // every page on the paper measured (the collection list's landscape stays with it: none before or after)
          expect(paper, `${where}: paper of each page`).toEqual(Array.from({ length: pdfPages }, () => (box.widthMm > box.heightMm ? 'landscape' : 'portrait')));
          expect(layout.measured.lines, `${where}: lines measured`).toBeGreaterThan(10);
          expect(layout.footersOnNamedPages, `${where}: table footers on a named page (not repeated on each page by Chromium 143)`).toEqual([]);
          expect(layout.pages, `${where}: pages measured = pages of the PDF`).toBe(pdfPages);
          expect(layout.splitBlocks, `${where}: blocks split across pages`).toEqual([]);
          expect(layout.cutLines, `${where}: lines cut by a page end`).toEqual([]);
          expect(layout.lonelySignatures, `${where}: signatures away from the text they sign`).toEqual([]);
          expect(layout.lonelyHeadings, `${where}: headings away from their text`).toEqual([]);
          if (doc.signed) expect(layout.signatureBlocks, `${where}: signature blocks`).toBeGreaterThan(0);
          pages[lang] = pdfPages;
        }
        expect(pages.bo, `${doc.name}: pages in bo and zh`).toBe(pages.zh);
        expect(pages.en, `${doc.name}: pages in en and zh`).toBe(pages.zh);
        if (doc.name === 'agreement') expect(pages).toEqual({ zh: 2, bo: 2, en: 2 });
      },
      doc.timeout ?? 120_000,
    );
});
