/**
 * Bad input on every route, generated from the route table (shared/routes.ts).
 *
 * For each route there is one real target (a record in the state where the route's valid
 * request would succeed) and one valid body / query. From them the test derives bad
 * variants — broken JSON, missing and unknown fields, wrong types, bad amounts, dates,
 * resident IDs, ids, oversized and control-character strings, bad query parameters,
 * unknown and malformed path ids, missing or malformed Idempotency-Key — and asserts that
 * every one is refused with a 4xx (never a 5xx) and the error contract
 * `{ error: { code, message, field? } }` naming the field, and that nothing was written
 * to the DynamoDB partitions the route writes. Last, each route's valid request is sent as
 * a control: it succeeds, so the refusals were about the bad input and not the target.
 *
 * The oversized variants go over the route's own body limit (64 KiB, or its maxBodyBytes: the
 * import of a file takes 5.5 MB); the query variants are generated for the parameters the
 * route's query schema declares (and a parameter it does not declare is refused). A route
 * that needs a state no demo office can have (a round request: every round of the district
 * recovered) is called with a token for a district office of the test's own.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_USERS } from '../../dev/tokens.ts';
import { residentIdCheckChar } from '../../shared/domain/resident-id.ts';
import { fieldLabel } from '../../shared/i18n/fields.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { ROUTES, splitRouteKey, type RouteKey, type RouteSpec } from '../../shared/routes.ts';
import { INDEX, motherKey } from '../../shared/store/keys.ts';
import { queryIndex, queryPartition } from '../../shared/store/records.ts';
import { getStaffById, getStaffByUsername, staffInSubtree } from '../../shared/store/staff.ts';
import { as, call, tokens, type Answer, type CallOptions, type UserName } from '../support/api.ts';
import { generateLedger, ledgerBody } from '../support/ledger-fixture.ts';
import { draftedReport, evaluatedRound } from '../support/evaluation-reports.ts';
import { consentedLoan, healthCheck, healthCheckBody, publicReportBody, publishedReport, trainingBody } from '../support/outreach-fixture.ts';
import { decideLedgerImport } from '../../shared/usecases/ledger-apply.ts';
import { contextFor } from '../../shared/usecases/context.ts';
import {
  activeLoan,
  confirmLoans,
  agreementInput,
  applicationInput,
  CHENGGUAN,
  daysAgo,
  evaluationInput,
  MINZU,
  openRound,
  readyApplication,
  residentId,
  roundInput,
  today,
  visitInput,
  ZHIBA,
  importCsv,
} from '../support/fixtures.ts';
import { noteRepayment, repaymentRefs } from '../support/repayment-refs.ts';

// ---------------------------------------------------------------- constants

const UNKNOWN_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const UNKNOWN_DISTRICT = 'lhasa.nowhere';
const UNKNOWN_VILLAGE = 'lhasa.chengguan.caigongtang.nowhere';
const CAIGONGTANG = 'lhasa.chengguan.caigongtang';
/** the default largest request body; a route may allow more (maxBodyBytes, a file upload) */
const MAX_BODY = 64 * 1024;
const bodyLimitOf = (spec: RouteSpec) => spec.maxBodyBytes ?? MAX_BODY;
const RUN = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;
/** markers carried by the valid POST /rounds and POST /offices bodies, to find what they would create */
const ROUND_MARK = `bad-input round ${RUN}`;
const ROUND_CAPITAL = 20_000_000 + randomInt(1_000_000);
const OFFICE_MARK = `bad-input office ${RUN}`;
const OFFICE_ID = `lhasa.chengguan.caigongtang.bi-${RUN}`;
/** the username of the valid POST /staff body, to find the person it would add */
const STAFF_USERNAME = `bi-staff-${RUN}`;

const tomorrow = () => daysAgo(-1);
const SETTINGS_CLERK = { username: `committee-bi-${RUN}`, role: 'committee', officeId: 'lhasa' } as const;
let SETTINGS_TOKEN = '';
const NOT_DATES = ['2026-02-30', '2026-13-01', '1800-01-01', '9999-12-31', '26-1-1', '2026/01/01', '2026-01-01T00:00:00Z'];
/** marker carried by the valid POST /remittances body (handedOverBy), to find the batch it would create */
const HANDED_BY = `格桑${RUN}`;
const cursorOf = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

function residentIdBornOn(yyyymmdd: string, region = '540102', seq = '123'): string {
  const first17 = `${region}${yyyymmdd}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

// ---------------------------------------------------------------- types

type Json = any;
type Path = (string | number)[];

interface Variant {
  label: string;
  /** replaces the target's body when the key is present (undefined: no body at all) */
  body?: unknown;
  /** raw text sent as the body instead of JSON.stringify(body) */
  rawBody?: string;
  /** replaces the target's query */
  query?: Record<string, string>;
  /** overrides path parameters */
  params?: Record<string, string>;
  idempotencyKey?: string | false;
  /** statuses expected (default: any 4xx) */
  status?: number[];
  /** error.field expected (one of, when a list) */
  field?: string | string[];
  code?: string;
  /** instead of the 4xx rule: also accept this answer (documented on the variant) */
  alsoAccept?: { what: string; test: (res: Answer) => boolean };
  /** sent as this demo user instead of the target's caller */
  user?: UserName;
}

interface Target {
  /** a user allowed to call the route (null: public) */
  user: UserName | null;
  /** a token of the same role for an office of the test's own, sent instead of the demo user's (the route needs a state no demo office has) */
  token?: string;
  /** real ids for the path parameters */
  params: Record<string, string>;
  /** a valid body (the first one is sent as the control); several for a union */
  bodies?: Record<string, Json>[];
  /** a valid query */
  query?: Record<string, string>;
  /** what the route would write, read straight from DynamoDB */
  writes?: () => Promise<unknown>;
  /** rules the generic variants cannot derive from the schema (cross-field rules, state rules) */
  extra?: Variant[];
  /** send the valid request at the end and expect this status (undefined: no control) */
  control?: number;
  /** where a generic variant does not fit a field of this route: the variant as it applies here (documented at the target) */
  adjust?: (v: Variant) => Variant;
}

interface Fixtures {
  /** a township clerk the district may rename (PATCH /staff), and the committee's own record, which it may not */
  staffId: string;
  committeeStaffId: string;
  roundId: string;
  /** an application whose mother's full ID the committee asks to see */
  appReveal: string;
  appNotice: string;
  appObjections: string;
  appResolution: string;
  objectionId: string;
  appVisits: string;
  appScreening: string;
  appDecision: string;
  decisionMother: string;
  loanAgreement: string;
  loanDisbursement: string;
  loanEvaluations: string;
  loanRepayments: string;
  newMother: string;
  /** an open round to close, and a round already closed */
  roundClose: string;
  roundClosed: string;
  /** a district office of the test's own with no rounds (so it may request one), and its district-role token */
  requestDistrict: string;
  requestToken: string;
  /** a pending round request (district of its own) to decide, and one already rejected */
  roundRequest: string;
  roundRequestDistrict: string;
  decidedRequest: string;
  /** a new mother for the import row */
  importMother: string;
  /** an active loan to write off (its mother), and an approved loan not yet disbursed */
  loanWriteOff: string;
  writeOffMother: string;
  loanNotDisbursed: string;
  /** approved and agreed, but not confirmed by the committee */
  loanUnconfirmed: string;
  /** approved loans for confirmation lists: one to send, one on a list `listToDecide` waiting for the committee */
  loanToList: string;
  listedLoan: string;
  listToDecide: string;
  /** repayments in caigongtang: one the township still holds, one already handed to the district (in batch `batchId`) */
  loanRemit: string;
  heldRepayment: string;
  handedRepayment: string;
  batchId: string;
  /** a repayment the niangre township holds (another township of the district) */
  loanForeign: string;
  foreignRepayment: string;
  /** ledger imports, each in a district office of the test's own (one batch of a district at a time): where to stage one
   * (its token and a valid ledger), a staged batch to decide, and an approved batch not yet applied */
  ledgerDistrict: string;
  ledgerToken: string;
  ledgerBody: Record<string, Json>;
  ledgerStaged: string;
  ledgerApplying: string;
  ledgerNotApproved: string;
  /** 三治: a loan to record a consent on; a loan whose household gave its health consent, with a campaign; two published donor reports (one to withdraw) */
  loanConsent: string;
  loanChecked: string;
  healthCheckId: string;
  publicReportId: string;
  publicReportShown: string;
  /** evaluation reports: a round evaluated at mid-term with no report yet, one with none due; drafted reports (with an assessment) to read and edit, to submit, and one submitted */
  reportRound: string;
  reportEmptyRound: string;
  reportDraft: string;
  reportToSubmit: string;
  reportSubmitted: string;
}

/** The evaluation report fixtures: four rounds evaluated at mid-term (one left without a report), and a round with nobody due. */
async function evaluationReportFixtures() {
  const [open, draft, toSubmit, submitted] = await Promise.all([evaluatedRound(), evaluatedRound(), evaluatedRound(), evaluatedRound()]);
  const submittedId = await draftedReport(submitted.roundId, '资金按计划使用');
  const sent = await as('district').post(`/evaluation-reports/${submittedId}/submit`, { reportedOn: today() });
  if (sent.status !== 200) throw new Error(`submit a report: ${describeAnswer(sent)}`);
  return {
    reportRound: open.roundId,
    reportEmptyRound: await openRound(),
    reportDraft: await draftedReport(draft.roundId, '资金按计划使用'),
    reportToSubmit: await draftedReport(toSubmit.roundId, '资金按计划使用'),
    reportSubmitted: submittedId,
  };
}

// ---------------------------------------------------------------- what a route writes

const sortItems = (items: Record<string, unknown>[]) => [...items].sort((a, b) => `${a.pk}|${a.sk}|${a.id}`.localeCompare(`${b.pk}|${b.sk}|${b.id}`));

async function partitions(...pks: string[]): Promise<Record<string, unknown>> {
  const entries = await Promise.all(pks.map(async (pk) => [pk, await queryPartition(pk)] as const));
  return Object.fromEntries(entries);
}

async function indexPartition(index: 'byRound' | 'byScope' | 'casesByRound', pk: string): Promise<Record<string, unknown>[]> {
  const [pkName, skName] = index === 'byRound' ? ['roundPk', 'roundSk'] : index === 'casesByRound' ? ['caseRoundPk', 'caseRoundSk'] : ['scopePk', 'scopeSk'];
  const page = await queryIndex<Record<string, unknown>>({ index: INDEX[index], pkName, skName, partitions: [pk], limit: 100_000 });
  return sortItems(page.items);
}

const REPORT_QUERY = { districtId: CHENGGUAN, groupBy: 'township', asOf: daysAgo(1), format: 'json' };

// ---------------------------------------------------------------- the route table, aimed at real records

const TARGETS: Record<RouteKey, (fx: Fixtures) => Target> = {
  'GET /health': () => ({ user: null, params: {}, control: 200 }),
  'GET /openapi.json': () => ({ user: null, params: {}, control: 200 }),
  'GET /offices': () => ({ user: 'district', params: {}, control: 200 }),
  'POST /offices': () => ({
    user: 'district',
    params: {},
    bodies: [{ id: OFFICE_ID, name: OFFICE_MARK, nameEn: 'Bad input test village' }],
    writes: async () => (await queryPartition('OFFICES')).filter((o) => String(o.sk).includes(RUN) || String(o.name).includes(RUN) || String(o.nameEn).includes(RUN)),
    extra: [
      { label: 'id whose parent does not exist', body: { id: `lhasa.chengguan.nowhere.bi-${RUN}`, name: OFFICE_MARK }, status: [422], field: 'id' },
      { label: 'id of an existing office', body: { id: 'lhasa.chengguan.caigongtang.zhiba', name: OFFICE_MARK }, status: [409] },
      { label: 'id of the committee itself (no parent)', body: { id: 'lhasa', name: OFFICE_MARK }, status: [403, 422] },
      { label: 'id deeper than a village', body: { id: `lhasa.chengguan.caigongtang.zhiba.bi-${RUN}`, name: OFFICE_MARK }, status: [400, 422], field: 'id' },
      { label: 'id with upper case and spaces', body: { id: 'Lhasa Chengguan', name: OFFICE_MARK }, status: [400], field: 'id' },
    ],
    // no control: a created office would stay in the shared office tree of the other test files
  }),

  'POST /staff': () => ({
    user: 'district',
    params: {},
    bodies: [{ username: STAFF_USERNAME, displayName: `坏输入测试 ${RUN}`, role: 'township', officeId: 'lhasa.chengguan.caigongtang' }],
    writes: async () => (await staffInSubtree('lhasa.chengguan')).filter((p) => p.username.includes(RUN) || p.displayName.includes(RUN)),
    extra: [
      { label: 'a role the district may not hand out', body: { username: STAFF_USERNAME, displayName: '某人', role: 'district', officeId: 'lhasa.chengguan' }, status: [403], code: 'forbidden' },
      {
        label: 'an office outside the caller’s subtree',
        body: { username: STAFF_USERNAME, displayName: '某人', role: 'township', officeId: 'lhasa.duilongdeqing.naiqiong' },
        status: [403],
        code: 'forbidden',
      },
      {
        label: 'a village office for a township clerk',
        body: { username: STAFF_USERNAME, displayName: '某人', role: 'township', officeId: 'lhasa.chengguan.caigongtang.zhiba' },
        status: [422],
        field: 'officeId',
      },
      { label: 'an office that does not exist', body: { username: STAFF_USERNAME, displayName: '某人', role: 'township', officeId: 'lhasa.chengguan.nowhere' }, status: [422], field: 'officeId' },
      {
        label: 'a username already in the directory',
        body: { username: 'township', displayName: '某人', role: 'township', officeId: 'lhasa.chengguan.caigongtang' },
        status: [422],
        field: 'username',
      },
      { label: 'a username with spaces', body: { username: 'ge sang', displayName: '某人', role: 'township', officeId: 'lhasa.chengguan.caigongtang' }, status: [400], field: 'username' },
    ],
    control: 201,
  }),
  'GET /staff': () => ({ user: 'district', params: {}, control: 200 }),
  'GET /me': () => ({ user: 'township', params: {}, control: 200 }),
  'PATCH /staff/{id}': (fx) => ({
    user: 'district',
    params: { id: fx.staffId },
    bodies: [{ displayName: `改名 ${RUN}` }],
    writes: async () => getStaffById(fx.staffId),
    // every field is optional, so an empty object names no missing field: the rule is about the whole body
    adjust: (v) => (v.label === 'an empty object' ? { ...v, field: 'body' } : v),
    extra: [
      { label: 'a move outside the caller’s subtree', body: { officeId: 'lhasa.duilongdeqing.naiqiong' }, status: [403], code: 'forbidden' },
      { label: 'a role the district may not hand out', body: { role: 'district', officeId: 'lhasa.chengguan' }, status: [403], code: 'forbidden' },
      { label: 'a move to a village', body: { officeId: 'lhasa.chengguan.caigongtang.zhiba' }, status: [422], field: 'officeId' },
      { label: 'active as text', body: { active: 'no' }, status: [400], field: 'active' },
      { label: 'someone the caller may not manage (the committee)', params: { id: fx.committeeStaffId }, body: { displayName: '改名' }, status: [403], code: 'forbidden' },
    ],
    control: 200,
  }),

  'POST /rounds': () => ({
    user: 'committee',
    params: {},
    bodies: [roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, minLoanFen: 500_000, maxLoanFen: 1_500_000, termMonths: 24, evaluationMonths: [6, 12], noticeDays: 7 })],
    writes: async () => {
      const rounds = [...(await indexPartition('byScope', `ROUND#${CHENGGUAN}`)), ...(await indexPartition('byScope', `ROUND#${UNKNOWN_DISTRICT}`))];
      return rounds.filter((r) => String(r.name).includes(RUN) || r.capitalFen === ROUND_CAPITAL);
    },
    extra: [
      { label: 'minLoanFen above maxLoanFen', body: roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, minLoanFen: 1_600_000, maxLoanFen: 1_500_000 }), status: [400], field: 'minLoanFen' },
      { label: 'maxLoanFen above capitalFen', body: roundInput({ name: ROUND_MARK, capitalFen: 1_000_000, minLoanFen: 500_000, maxLoanFen: 1_500_000 }), status: [400], field: 'maxLoanFen' },
      { label: 'evaluationMonths not increasing', body: roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, evaluationMonths: [12, 6] }), status: [400], field: 'evaluationMonths.1' },
      {
        label: 'evaluationMonths at the end of the term',
        body: roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, termMonths: 12, evaluationMonths: [6, 12] }),
        status: [400],
        field: 'evaluationMonths.1',
      },
      {
        label: 'evaluationMonths with 13 entries',
        body: roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, termMonths: 120, evaluationMonths: Array.from({ length: 13 }, (_, i) => i + 1) }),
        status: [400],
        field: 'evaluationMonths',
      },
      { label: 'districtId of a township', body: roundInput({ name: ROUND_MARK, capitalFen: ROUND_CAPITAL, districtId: 'lhasa.chengguan.caigongtang' }), status: [422], field: 'districtId' },
    ],
    control: 201,
  }),
  'GET /settings': () => ({ user: 'district', params: {}, control: 200 }),
  'POST /settings': () => ({
    // a committee clerk of the test's own, so its history entries are told apart from other test files' (which set the same defaults)
    user: 'committee',
    token: SETTINGS_TOKEN,
    params: {},
    // a tightening (longer than the default 90 days): in force at once, harmless to the files beside it
    bodies: [{ accountOwnerDays: 100, reason: '坏输入测试：延长账号归属天数' }],
    writes: async () => (await queryPartition('SETTINGS')).filter((e) => (e.actor as { username?: string } | undefined)?.username === SETTINGS_CLERK.username),
    extra: [
      { label: 'no setting at all', body: { reason: '坏输入测试：什么也不改' }, status: [400] },
      { label: 'no reason', body: { separationOfDuties: true }, status: [400], field: 'reason' },
      { label: 'a reason of one word', body: { separationOfDuties: true, reason: 'x' }, status: [422], field: 'reason', code: 'validation_failed' },
      { label: 'backDatedAfterDays negative', body: { backDatedAfterDays: -1, reason: '坏输入测试：负数天数' }, status: [400], field: 'backDatedAfterDays' },
    ],
    control: 200,
  }),
  // no change waits in the shared database: a valid decision is 409 no_pending_change, and writes nothing either
  'POST /settings/pending/confirm': () => ({
    user: 'committee',
    token: SETTINGS_TOKEN,
    params: {},
    bodies: [{ proposalId: UNKNOWN_ID }],
    writes: async () => (await queryPartition('SETTINGS')).filter((e) => (e.actor as { username?: string } | undefined)?.username === SETTINGS_CLERK.username),
  }),
  'POST /settings/pending/withdraw': () => ({
    user: 'committee',
    token: SETTINGS_TOKEN,
    params: {},
    bodies: [{ proposalId: UNKNOWN_ID }],
    writes: async () => (await queryPartition('SETTINGS')).filter((e) => (e.actor as { username?: string } | undefined)?.username === SETTINGS_CLERK.username),
  }),
  'GET /settings/history': () => ({ user: 'committee', params: {}, query: { limit: '10' }, control: 200 }),
  'GET /rounds': () => ({
    user: 'committee',
    params: {},
    query: { districtId: CHENGGUAN },
    control: 200,
  }),
  'GET /rounds/{id}': (fx) => ({ user: 'district', params: { id: fx.roundId }, control: 200 }),
  'POST /rounds/{id}/close': (fx) => ({
    user: 'district',
    params: { id: fx.roundClose },
    bodies: [{ closedOn: daysAgo(1) }],
    // the round item and its history; the district fund is left out (every test file opening a Chengguan round moves it)
    writes: () => partitions(`ROUND#${fx.roundClose}`, `ROUND#${fx.roundClosed}`, `ROUND#${UNKNOWN_ID}`),
    extra: [
      { label: 'closedOn before the round opened', body: { closedOn: daysAgo(401) }, status: [422], field: 'closedOn' },
      { label: 'a round already closed', params: { id: fx.roundClosed }, status: [409], code: 'wrong_state' },
    ],
    control: 200,
  }),
  'POST /round-requests': (fx) => ({
    // a district office of the test’s own: a district has one pending request at a time, so the demo districts are left alone
    user: 'district',
    token: fx.requestToken,
    params: {},
    bodies: [{ name: `bad-input request ${RUN}`, requestedOn: daysAgo(1), capitalFen: 3_000_000, reason: '上一轮已全部收回，申请新一轮' }],
    writes: async () => ({
      own: await indexPartition('byScope', `ROUNDREQ#${fx.requestDistrict}`),
      demo: (await indexPartition('byScope', `ROUNDREQ#${CHENGGUAN}`)).filter((r) => String(r.name).includes(RUN)),
    }),
    control: 201,
  }),
  'GET /round-requests': (fx) => ({ user: 'committee', params: {}, query: { districtId: fx.roundRequestDistrict, status: 'pending' }, control: 200 }),
  'POST /round-requests/{id}/decision': (fx) => {
    const approve = { decision: 'approve', openedOn: today(), capitalFen: 2_000_000 };
    return {
      user: 'committee',
      params: { id: fx.roundRequest },
      bodies: [
        { ...approve, grantFen: 2_000_000, minLoanFen: 500_000, maxLoanFen: 1_500_000, termMonths: 24, noticeDays: 7 },
        { decision: 'reject', reason: '本年度资金不足，明年再议' },
      ],
      writes: async () => ({
        ...(await partitions(`ROUNDREQ#${fx.roundRequest}`, `ROUNDREQ#${fx.decidedRequest}`, `ROUNDREQ#${UNKNOWN_ID}`, `FUND#${fx.roundRequestDistrict}`)),
        rounds: await indexPartition('byScope', `ROUND#${fx.roundRequestDistrict}`),
      }),
      extra: [
        { label: 'decision neither approve nor reject', body: { decision: 'maybe', reason: '再议' }, status: [400], field: 'decision' },
        { label: 'approve with the reject field reason', body: { ...approve, reason: '混合' }, status: [400], field: 'reason' },
        { label: 'reject with the approve field capitalFen', body: { decision: 'reject', reason: '不符合', capitalFen: 2_000_000 }, status: [400], field: 'capitalFen' },
        { label: 'minLoanFen above maxLoanFen', body: { ...approve, minLoanFen: 1_600_000, maxLoanFen: 1_500_000 }, status: [400, 422], field: 'minLoanFen' },
        { label: 'maxLoanFen above capitalFen', body: { ...approve, capitalFen: 1_000_000, minLoanFen: 500_000, maxLoanFen: 1_500_000 }, status: [400, 422], field: 'maxLoanFen' },
        { label: 'grantFen above capitalFen', body: { ...approve, grantFen: 2_000_001 }, status: [400, 422], field: 'grantFen' },
        { label: 'grantFen 0 while the district’s fund holds nothing', body: { ...approve, grantFen: 0 }, status: [409], code: 'fund_insufficient' },
        { label: 'a request already decided', params: { id: fx.decidedRequest }, status: [409], code: 'wrong_state' },
      ],
      control: 200,
    };
  },
  'POST /rounds/{id}/imports': (fx) => {
    const file = (villageId = ZHIBA, residentId = fx.importMother) => importCsv(residentId, villageId);
    const refusedRow = (field: string) => ({
      what: `200 with its one row refused (${field}) and nothing written`,
      test: (res: Answer) => res.status === 200 && res.body?.accepted === 0 && res.body?.refused === 1 && res.body?.rows?.[0]?.errors?.[0]?.field === field,
    });
    return {
      user: 'township',
      params: { id: fx.roundId },
      bodies: [{ format: 'csv', content: file(), dryRun: false }],
      writes: async () => ({
        round: await indexPartition('casesByRound', `APP#${fx.roundId}`),
        closedRound: await indexPartition('casesByRound', `APP#${fx.roundClosed}`),
        unknownRound: await indexPartition('casesByRound', `APP#${UNKNOWN_ID}`),
        mother: await queryPartition(motherKey(fx.importMother)),
      }),
      // content is a file, answered row by row: a blank file cannot be read (4xx naming content); a control character or a lone
      // surrogate is put into a cell of the row (the mother's name) rather than anywhere in the text, and must refuse the file or
      // that row — never be written (a junk line elsewhere in a file is simply a refused row of its own)
      adjust: (v) => {
        const noneAccepted = { what: '200 with the row refused (nothing written)', test: (res: Answer) => res.status === 200 && res.body?.accepted === 0 && res.body?.refused === 1 };
        if (v.label === 'content = "   " (blank)') return { ...v, status: [400, 422], field: 'content' };
        const bad = ({ 'content = text with \\u0000': '\u0000', 'content = text with \\u0007': '\u0007', 'content = text with a lone surrogate \\uD800': '\uD800' } as Record<string, string>)[v.label];
        if (bad === undefined) return v;
        return {
          label: `${v.label} (in the mother's name cell)`,
          body: { format: 'csv', content: file().replace('次仁卓玛', `次仁${bad}卓玛`), dryRun: false },
          status: [400, 422],
          field: 'content',
          alsoAccept: noneAccepted,
        };
      },
      extra: [
        { label: 'format neither csv nor xlsx', body: { format: 'pdf', content: file() }, status: [400], field: 'format' },
        { label: 'format xlsx with CSV text', body: { format: 'xlsx', content: file() }, status: [422], field: 'content' },
        { label: 'content not a table', body: { format: 'csv', content: 'just some text, not a list of applications' }, status: [422], field: 'content' },
        { label: 'content without the required columns', body: { format: 'csv', content: `name,residentId\r\n次仁卓玛,${fx.importMother}\r\n` }, status: [422], field: 'content' },
        { label: 'a row of another township’s village', body: { format: 'csv', content: file(MINZU) }, alsoAccept: refusedRow('villageId') },
        {
          label: 'a row with a resident ID whose check character is wrong',
          body: { format: 'csv', content: file(ZHIBA, fx.importMother.slice(0, 17) + (fx.importMother[17] === '0' ? '1' : '0')) },
          alsoAccept: refusedRow('residentId'),
        },
        {
          label: 'dryRun true (the valid file)',
          body: { format: 'csv', content: file(), dryRun: true },
          alsoAccept: { what: '200 reporting the row as accepted, nothing written', test: (res) => res.status === 200 && res.body?.dryRun === true && res.body?.accepted === 1 },
        },
        { label: 'a round already closed', params: { id: fx.roundClosed }, status: [409], code: 'round_closed' },
      ],
      control: 200,
    };
  },

  'POST /applications': (fx) => ({
    user: 'township',
    params: {},
    bodies: [applicationInput(fx.roundId, { mother: { name: '次仁卓玛', residentId: fx.newMother, phone: '13800138000' } })],
    writes: async () => ({
      round: await indexPartition('casesByRound', `APP#${fx.roundId}`),
      unknownRound: await indexPartition('casesByRound', `APP#${UNKNOWN_ID}`),
      mother: await queryPartition(motherKey(fx.newMother)),
    }),
    extra: [
      {
        label: 'villageId of a township',
        body: applicationInput(fx.roundId, { villageId: 'lhasa.chengguan.caigongtang', mother: { name: '次仁卓玛', residentId: fx.newMother } }),
        status: [422],
        field: 'villageId',
      },
      {
        label: 'submittedOn before the round opened',
        body: applicationInput(fx.roundId, { submittedOn: daysAgo(401), mother: { name: '次仁卓玛', residentId: fx.newMother } }),
        status: [422],
        field: 'submittedOn',
      },
      {
        label: 'mother.phone not a mobile number',
        body: applicationInput(fx.roundId, { mother: { name: '次仁卓玛', residentId: fx.newMother, phone: '12345' } }),
        status: [400],
        field: 'mother.phone',
      },
    ],
    control: 201,
  }),
  'GET /applications': (fx) => ({ user: 'district', params: {}, query: { roundId: fx.roundId }, control: 200 }),
  'GET /applications/{id}': (fx) => ({ user: 'district', params: { id: fx.appDecision }, control: 200 }),
  'POST /applications/{id}/notice': (fx) => ({
    user: 'township',
    params: { id: fx.appNotice },
    bodies: [{ postedOn: daysAgo(55), days: 7, place: '村委会公示栏' }],
    writes: () => partitions(`APP#${fx.appNotice}`, `APP#${UNKNOWN_ID}`),
    extra: [
      { label: 'days shorter than the round’s notice period', body: { postedOn: daysAgo(55), days: 3 }, status: [422], field: 'days' },
      { label: 'postedOn before the application date', body: { postedOn: daysAgo(61) }, status: [422], field: 'postedOn' },
    ],
    control: 200,
  }),
  'POST /applications/{id}/objections': (fx) => ({
    user: 'township',
    params: { id: fx.appObjections },
    bodies: [{ raisedOn: daysAgo(50), raisedBy: '村民', content: '家里有拖拉机' }],
    writes: () => partitions(`APP#${fx.appObjections}`, `APP#${UNKNOWN_ID}`),
    extra: [{ label: 'raisedOn before the notice', body: { raisedOn: daysAgo(56), content: '家里有拖拉机' }, status: [422], field: 'raisedOn' }],
    control: 201,
  }),
  'POST /applications/{id}/objections/{objectionId}/resolution': (fx) => ({
    user: 'district',
    params: { id: fx.appResolution, objectionId: fx.objectionId },
    bodies: [{ resolvedOn: daysAgo(50), outcome: 'dismissed', note: '拖拉机已报废，经核实' }],
    writes: () => partitions(`APP#${fx.appResolution}`, `APP#${UNKNOWN_ID}`),
    extra: [
      { label: 'outcome not dismissed or upheld', body: { resolvedOn: daysAgo(50), outcome: 'maybe', note: '经核实' }, status: [400], field: 'outcome' },
      { label: 'resolvedOn before the objection was raised', body: { resolvedOn: daysAgo(54), outcome: 'dismissed', note: '经核实' }, status: [422], field: 'resolvedOn' },
    ],
    control: 200,
  }),
  'POST /applications/{id}/resident-id': (fx) => ({
    user: 'committee',
    params: { id: fx.appReveal },
    bodies: [{ reason: '核对重复申请' }],
    writes: () => partitions(`APP#${fx.appReveal}`, `APP#${UNKNOWN_ID}`),
    control: 200,
  }),
  'POST /applications/{id}/personal-data-copy': (fx) => ({
    user: 'district',
    params: { id: fx.appReveal },
    bodies: [{ askedOn: daysAgo(1), note: '本人到区项目办申请' }],
    extra: [{ label: 'askedOn in the future', body: { askedOn: daysAgo(-1) }, status: [422], field: 'askedOn' }],
    writes: () => partitions(`APP#${fx.appReveal}`, `APP#${UNKNOWN_ID}`),
    control: 200,
  }),
  'POST /applications/{id}/personal-data-correction': (fx) => ({
    user: 'district',
    params: { id: fx.appNotice },
    bodies: [{ phone: `139${String(randomInt(1e8)).padStart(8, '0')}`, reason: '本人换了手机号码' }],
    writes: () => partitions(`APP#${fx.appNotice}`, `APP#${UNKNOWN_ID}`),
    extra: [
      { label: 'nothing to correct', body: { reason: '本人换了手机号码' }, status: [400], field: 'name' },
      { label: 'a reason too short', body: { phone: '13900000000', reason: '改' }, status: [422], field: 'reason' },
    ],
    control: 200,
  }),
  'POST /applications/{id}/visits': (fx) => ({
    user: 'field',
    params: { id: fx.appVisits },
    bodies: [visitInput({ visitedOn: daysAgo(30) })],
    writes: () => partitions(`APP#${fx.appVisits}`, `APP#${UNKNOWN_ID}`),
    extra: [
      { label: 'no visitors', body: visitInput({ visitedOn: daysAgo(30), visitors: [] }), status: [400], field: 'visitors' },
      { label: '11 visitors', body: visitInput({ visitedOn: daysAgo(30), visitors: Array.from({ length: 11 }, (_, i) => `访客${i}`) }), status: [400], field: 'visitors' },
      { label: 'visitedOn before the application date', body: visitInput({ visitedOn: daysAgo(61) }), status: [422], field: 'visitedOn' },
    ],
    control: 201,
  }),

  'POST /applications/{id}/screening': (fx) => ({
    user: 'district',
    params: { id: fx.appScreening },
    writes: () => partitions(`APP#${fx.appScreening}`, `APP#${UNKNOWN_ID}`),
    control: 200,
  }),
  'POST /applications/{id}/decision': (fx) => ({
    user: 'district',
    params: { id: fx.appDecision },
    bodies: [
      { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000, note: '同意' },
      { decision: 'reject', decidedOn: daysAgo(30), reason: '收入高于本村平均' },
    ],
    writes: async () => ({
      ...(await partitions(`APP#${fx.appDecision}`, `ROUND#${fx.roundId}`, motherKey(fx.decisionMother), `APP#${UNKNOWN_ID}`)),
      loans: await indexPartition('casesByRound', `LOAN#${fx.roundId}`),
    }),
    extra: [
      { label: 'decision neither approve nor reject', body: { decision: 'maybe', decidedOn: daysAgo(30), amountFen: 1_000_000 }, status: [400], field: 'decision' },
      { label: 'approve with the reject field reason', body: { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000, reason: '混合' }, status: [400], field: 'reason' },
      { label: 'reject with the approve field amountFen', body: { decision: 'reject', decidedOn: daysAgo(30), reason: '不符合', amountFen: 1_000_000 }, status: [400], field: 'amountFen' },
      { label: 'amountFen above the round’s maxLoanFen', body: { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_500_001 } },
      { label: 'decidedOn before the application date', body: { decision: 'approve', decidedOn: daysAgo(61), amountFen: 1_000_000 }, status: [422], field: 'decidedOn' },
    ],
    control: 200,
  }),

  'POST /loans/{id}/agreement': (fx) => ({
    user: 'district',
    params: { id: fx.loanAgreement },
    bodies: [agreementInput(daysAgo(29))],
    writes: () => partitions(`LOAN#${fx.loanAgreement}`, `LOAN#${UNKNOWN_ID}`),
    extra: [
      { label: 'signatories without the mother', body: { ...agreementInput(daysAgo(29)), signatories: [{ party: 'district', name: '王丽' }] }, status: [400], field: 'signatories' },
      {
        label: '11 signatories',
        body: { ...agreementInput(daysAgo(29)), signatories: Array.from({ length: 11 }, () => ({ party: 'mother', name: '次仁卓玛' })) },
        status: [400],
        field: 'signatories',
      },
      {
        label: 'signatory party unknown',
        body: {
          ...agreementInput(daysAgo(29)),
          signatories: [
            { party: 'bank', name: '某银行' },
            { party: 'mother', name: '次仁卓玛' },
          ],
        },
        status: [400],
        field: 'signatories.0.party',
      },
      { label: 'signedOn before the approval', body: agreementInput(daysAgo(31)), status: [422], field: 'signedOn' },
    ],
    control: 200,
  }),
  'POST /loans/{id}/disbursement': (fx) => ({
    user: 'district',
    params: { id: fx.loanDisbursement },
    bodies: [{ disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true, place: '蔡公堂乡政府' }],
    writes: () => partitions(`LOAN#${fx.loanDisbursement}`, `ROUND#${fx.roundId}`, `LOAN#${UNKNOWN_ID}`),
    extra: [
      { label: 'motherPresent false', body: { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: false, idChecked: true }, status: [422], field: 'motherPresent' },
      { label: 'idChecked false', body: { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: false }, status: [422], field: 'idChecked' },
      { label: 'amountFen not the approved principal', body: { disbursedOn: daysAgo(28), amountFen: 999_999, motherPresent: true, idChecked: true }, status: [422], field: 'amountFen' },
      { label: 'disbursedOn before the agreement', body: { disbursedOn: daysAgo(30), amountFen: 1_000_000, motherPresent: true, idChecked: true }, status: [422], field: 'disbursedOn' },
      { label: 'a loan the committee has not confirmed', params: { id: fx.loanUnconfirmed }, status: [409], code: 'confirmation_missing' },
    ],
    control: 200,
  }),

  'POST /loans/{id}/evaluations': (fx) => ({
    user: 'field',
    params: { id: fx.loanEvaluations },
    bodies: [evaluationInput('midterm', { problems: '草场退化', actionsUrged: '轮牧' })],
    writes: () => partitions(`LOAN#${fx.loanEvaluations}`, `LOAN#${UNKNOWN_ID}`),
    extra: [
      { label: 'leftPoverty on a midterm evaluation', body: evaluationInput('midterm', { leftPoverty: true }), status: [400], field: 'leftPoverty' },
      { label: 'final evaluation without leftPoverty', body: evaluationInput('midterm', { kind: 'final' }), status: [400], field: 'leftPoverty' },
      { label: 'a method repeated', body: evaluationInput('midterm', { methods: ['talk', 'talk'] }), status: [400], field: 'methods' },
      { label: 'no methods', body: evaluationInput('midterm', { methods: [] }), status: [400], field: 'methods' },
      { label: 'kind unknown', body: evaluationInput('midterm', { kind: 'annual' }), status: [400], field: 'kind' },
      { label: 'evaluatedOn before the disbursement', body: evaluationInput('midterm', { evaluatedOn: daysAgo(29) }), status: [422], field: 'evaluatedOn' },
    ],
    control: 201,
  }),

  'POST /loans/{id}/repayments': (fx) => ({
    user: 'township',
    params: { id: fx.loanRepayments },
    bodies: [{ paidOn: daysAgo(5), amountFen: 100_000, receiptNo: `R-${RUN}` }],
    writes: () => partitions(`LOAN#${fx.loanRepayments}`, `ROUND#${fx.roundId}`, `LOAN#${UNKNOWN_ID}`),
    extra: [
      { label: 'amountFen above the balance', body: { paidOn: daysAgo(5), amountFen: 1_000_001, receiptNo: `R-${RUN}` } },
      { label: 'paidOn before the disbursement', body: { paidOn: daysAgo(29), amountFen: 100_000, receiptNo: `R-${RUN}` }, status: [422], field: 'paidOn' },
    ],
    control: 201,
  }),

  'POST /loans/{id}/write-off': (fx) => ({
    user: 'committee',
    params: { id: fx.loanWriteOff },
    bodies: [{ writtenOffOn: daysAgo(5), reason: '牲畜全部病死，无力偿还' }],
    writes: () => partitions(`LOAN#${fx.loanWriteOff}`, `LOAN#${fx.loanNotDisbursed}`, `ROUND#${fx.roundId}`, motherKey(fx.writeOffMother), `LOAN#${UNKNOWN_ID}`),
    extra: [
      { label: 'writtenOffOn before the disbursement', body: { writtenOffOn: daysAgo(29), reason: '无力偿还' }, status: [422], field: 'writtenOffOn' },
      { label: 'a loan not yet disbursed', params: { id: fx.loanNotDisbursed }, status: [409], code: 'wrong_state' },
    ],
    control: 200,
  }),

  'POST /remittances': (fx) => {
    const batch = {
      level: 'township_to_district',
      fromOfficeId: CAIGONGTANG,
      handedOverOn: today(),
      amountFen: 100_000,
      repaymentRefs: repaymentRefs([fx.heldRepayment]),
      handedOverBy: HANDED_BY,
      receivedBy: '王丽',
      note: '现金当面点清',
    };
    return {
      user: 'township',
      params: {},
      bodies: [batch],
      // the repayments (their hand-off state lives in their loan's partition) and any batch carrying one of them; the offices'
      // counters are left out (the other test files move Caigongtang's at the same time)
      writes: async () => {
        const ours = [fx.heldRepayment, fx.handedRepayment, fx.foreignRepayment];
        const batches = (await indexPartition('byScope', `REMITTANCE#${CHENGGUAN}`)).filter(
          (b) => b.id !== fx.batchId && (String(b.handedOverBy).includes(RUN) || ((b.repayments as { id: string }[] | undefined) ?? []).some((r) => ours.includes(r.id))),
        );
        return { loans: await partitions(`LOAN#${fx.loanRemit}`, `LOAN#${fx.loanForeign}`), batches, batch: await partitions(`REMITTANCE#${fx.batchId}`) };
      },
      extra: [
        { label: 'level neither township_to_district nor district_to_committee', body: { ...batch, level: 'village_to_township' }, status: [400], field: 'level' },
        { label: 'fromOfficeId of a district on a township_to_district batch', body: { ...batch, fromOfficeId: CHENGGUAN }, status: [422], field: 'fromOfficeId' },
        { label: 'fromOfficeId of a village', body: { ...batch, fromOfficeId: ZHIBA }, status: [422], field: 'fromOfficeId' },
        {
          label: 'fromOfficeId of a township that does not exist (as the district)',
          user: 'district',
          body: { ...batch, fromOfficeId: 'lhasa.chengguan.nowhere' },
          status: [422],
          field: 'fromOfficeId',
        },
        { label: 'fromOfficeId of another township', body: { ...batch, fromOfficeId: 'lhasa.chengguan.niangre' }, status: [403] },
        { label: 'district_to_committee by a township', body: { ...batch, level: 'district_to_committee', fromOfficeId: CHENGGUAN }, status: [403] },
        { label: 'no repaymentRefs', body: { ...batch, repaymentRefs: [] }, status: [400], field: 'repaymentRefs' },
        { label: '91 repaymentRefs', body: { ...batch, repaymentRefs: repaymentRefs(Array.from({ length: 91 }, () => fx.heldRepayment)) }, status: [400, 422], field: 'repaymentRefs' },
        { label: 'a repayment named twice', body: { ...batch, repaymentRefs: repaymentRefs([fx.heldRepayment, fx.heldRepayment]), amountFen: 200_000 }, status: [422], field: 'repaymentRefs' },
        { label: `repaymentRefs with ${UNKNOWN_ID} (no such repayment)`, body: { ...batch, repaymentRefs: repaymentRefs([fx.heldRepayment, UNKNOWN_ID]) }, status: [422], field: 'repaymentRefs' },
        {
          label: 'a repayment named with another loan than its own (no such repayment there)',
          body: { ...batch, repaymentRefs: [{ id: fx.heldRepayment, loanId: fx.loanForeign }] },
          status: [422],
          field: 'repaymentRefs',
        },
        { label: 'repaymentRefs naming a repayment without its loan', body: { ...batch, repaymentRefs: [{ id: fx.heldRepayment }] }, status: [400], field: 'repaymentRefs.0.loanId' },
        { label: 'a repayment collected by another township', body: { ...batch, repaymentRefs: repaymentRefs([fx.foreignRepayment]) }, status: [403] },
        { label: 'a repayment already handed to the district', body: { ...batch, repaymentRefs: repaymentRefs([fx.handedRepayment]) }, status: [409], code: 'already_handed_on' },
        { label: 'handedOverOn before the repayment was paid', body: { ...batch, handedOverOn: daysAgo(6) }, status: [422], field: 'handedOverOn' },
      ],
      control: 201,
    };
  },
  'GET /remittances': () => ({ user: 'district', params: {}, query: { districtId: CHENGGUAN, level: 'township_to_district' }, control: 200 }),
  'GET /remittances/waiting': () => ({ user: 'township', params: {}, query: { officeId: CAIGONGTANG, state: 'held' }, control: 200 }),
  'GET /remittances/{id}': (fx) => ({ user: 'district', params: { id: fx.batchId }, control: 200 }),

  'POST /confirmation-lists': (fx) => ({
    user: 'district',
    params: {},
    bodies: [{ sentOn: today(), loanIds: [fx.loanToList], note: '第一批' }],
    // the list and its loans are written in one transaction: nothing on the loan means no list either
    writes: () => partitions(`LOAN#${fx.loanToList}`, `LOAN#${fx.loanRepayments}`, `LOAN#${UNKNOWN_ID}`),
    extra: [
      { label: 'sentOn before the approval', body: { sentOn: daysAgo(31), loanIds: [fx.loanToList] }, status: [422], field: 'sentOn' },
      { label: 'the same loan twice', body: { sentOn: today(), loanIds: [fx.loanToList, fx.loanToList] }, status: [422], field: 'loanIds' },
      { label: 'a loan already paid out', body: { sentOn: today(), loanIds: [fx.loanToList, fx.loanRepayments] }, status: [409], code: 'list_loan_not_approved' },
      { label: 'an unknown loan', body: { sentOn: today(), loanIds: [UNKNOWN_ID] }, status: [404] },
    ],
    control: 201,
  }),
  'GET /confirmation-lists': () => ({ user: 'district', params: {}, query: { districtId: CHENGGUAN, status: 'sent' }, control: 200 }),
  'GET /confirmation-lists/{id}': (fx) => ({ user: 'district', params: { id: fx.listToDecide }, control: 200 }),
  'POST /confirmation-lists/{id}/decision': (fx) => ({
    user: 'committee',
    params: { id: fx.listToDecide },
    bodies: [{ decidedOn: today(), returns: [{ loanId: fx.listedLoan, reason: '收入证明不全，请补充后再报' }] }],
    writes: () => partitions(`CONFLIST#${fx.listToDecide}`, `LOAN#${fx.listedLoan}`),
    extra: [
      { label: 'decidedOn before the list was sent', body: { decidedOn: daysAgo(1) }, status: [422], field: 'decidedOn' },
      { label: 'returns a loan not on the list', body: { decidedOn: today(), returns: [{ loanId: fx.loanToList, reason: '不在名单' }] }, status: [422], field: 'returns.0.loanId' },
    ],
    control: 200,
  }),

  'POST /evaluation-reports': (fx) => ({
    user: 'district',
    params: {},
    bodies: [{ roundId: fx.reportRound, point: 0 }],
    writes: () => indexPartition('byRound', `EVALREPORT#${fx.reportRound}`),
    extra: [
      { label: 'a point the round’s schedule does not have', body: { roundId: fx.reportRound, point: 7 }, status: [422], field: 'point' },
      { label: 'a round with no household due yet', body: { roundId: fx.reportEmptyRound, point: 0 }, status: [409], code: 'report_nothing_due' },
    ],
    control: 201,
  }),
  'GET /evaluation-reports': () => ({ user: 'district', params: {}, query: { districtId: CHENGGUAN }, control: 200 }),
  'GET /evaluation-reports/due': () => ({ user: 'committee', params: {}, query: { districtId: CHENGGUAN, asOf: today() }, control: 200 }),
  'GET /evaluation-reports/{id}': (fx) => ({ user: 'district', params: { id: fx.reportDraft }, control: 200 }),
  'PATCH /evaluation-reports/{id}': (fx) => ({
    user: 'district',
    params: { id: fx.reportDraft },
    bodies: [{ assessment: '各户资金按计划使用，进展正常', refreshFigures: true }],
    writes: () => partitions(`EVALREPORT#${fx.reportDraft}`, `EVALREPORT#${fx.reportSubmitted}`),
    extra: [{ label: 'a submitted report', params: { id: fx.reportSubmitted }, body: { assessment: '改写' }, status: [409], code: 'report_submitted' }],
    control: 200,
  }),
  'POST /evaluation-reports/{id}/submit': (fx) => ({
    user: 'district',
    params: { id: fx.reportToSubmit },
    bodies: [{ reportedOn: today() }],
    writes: () => partitions(`EVALREPORT#${fx.reportToSubmit}`),
    extra: [{ label: 'reportedOn before the figures’ date', body: { reportedOn: daysAgo(1) }, status: [422], field: 'reportedOn' }],
    control: 200,
  }),
  'POST /evaluation-reports/{id}/review': (fx) => ({
    user: 'committee',
    params: { id: fx.reportSubmitted },
    bodies: [{ decision: 'received', reviewedOn: today(), comment: '已阅' }],
    writes: () => partitions(`EVALREPORT#${fx.reportSubmitted}`, `EVALREPORT#${fx.reportDraft}`),
    extra: [
      { label: 'a revision without a comment', body: { decision: 'revision', reviewedOn: today() }, status: [400], field: 'comment' },
      { label: 'reviewedOn before the submission', body: { decision: 'received', reviewedOn: daysAgo(1) }, status: [422], field: 'reviewedOn' },
      { label: 'a draft not yet submitted', params: { id: fx.reportDraft }, body: { decision: 'received', reviewedOn: today() }, status: [409], code: 'report_not_submitted' },
    ],
    control: 200,
  }),

  'GET /loans': (fx) => ({ user: 'district', params: {}, query: { roundId: fx.roundId }, control: 200 }),
  'GET /loans/{id}': (fx) => ({ user: 'district', params: { id: fx.loanRepayments }, control: 200 }),
  'GET /search': () => ({ user: 'district', params: {}, query: { q: '次仁' }, control: 200 }),

  'GET /reports/repayment': () => ({ user: 'committee', params: {}, query: REPORT_QUERY, control: 200 }),
  'GET /reports/collection': () => ({ user: 'district', params: {}, query: { townshipId: 'lhasa.chengguan.caigongtang' }, control: 200 }),
  'GET /reports/portfolio': () => ({ user: 'committee', params: {}, query: REPORT_QUERY, control: 200 }),
  'GET /reports/outcomes': () => ({ user: 'committee', params: {}, query: REPORT_QUERY, control: 200 }),
  'GET /reports/evaluations': () => ({ user: 'committee', params: {}, query: REPORT_QUERY, control: 200 }),
  'GET /reports/fund': () => ({ user: 'committee', params: {}, query: REPORT_QUERY, control: 200 }),
  'GET /reports/exceptions': () => ({ user: 'committee', params: {}, query: { districtId: CHENGGUAN, asOf: daysAgo(1), format: 'json' }, control: 200 }),
  'GET /reports/remittances': () => ({ user: 'committee', params: {}, query: REPORT_QUERY, control: 200 }),

  'POST /loans/{id}/consents': (fx) => ({
    user: 'district',
    params: { id: fx.loanConsent },
    bodies: [{ kind: 'publicity', givenOn: daysAgo(2), takenBy: '王丽', publicName: `卓玛${RUN}`, story: '开了一家甜茶馆，孩子上了学。' }],
    writes: async () => (await queryPartition(`CONSENTS#${CHENGGUAN}`)).filter((c) => String(c.sk).endsWith(fx.loanConsent)),
    extra: [
      { label: 'a publicity consent without the story', body: { kind: 'publicity', givenOn: daysAgo(2), takenBy: '王丽', publicName: '卓玛' }, status: [422], field: 'story' },
      { label: 'a health consent with a story', body: { kind: 'health', givenOn: daysAgo(2), takenBy: '王丽', story: '故事' }, status: [422], field: 'story' },
      { label: 'givenOn tomorrow', body: { kind: 'health', givenOn: tomorrow(), takenBy: '王丽' }, status: [422], field: 'givenOn' },
    ],
    control: 201,
  }),
  'POST /health-checks': (fx) => ({
    user: 'district',
    params: {},
    bodies: [{ ...healthCheckBody(fx.loanChecked), place: `bad-input ${RUN}` }],
    writes: async () => (await queryPartition(`HEALTHCHECKS#${CHENGGUAN}`)).filter((c) => String(c.place).includes(RUN)),
    extra: [
      {
        label: 'a woman whose household gave no health consent',
        body: { ...healthCheckBody(fx.loanWriteOff), place: `bad-input ${RUN}` },
        status: [409],
        code: 'health_consent_missing',
        field: 'women.0.loanId',
      },
      {
        label: 'a household woman without a name',
        body: { ...healthCheckBody(fx.loanChecked), place: `bad-input ${RUN}`, women: [{ loanId: fx.loanChecked, relation: 'household', findings: [] }] },
        status: [422],
        field: 'women.0.name',
      },
      {
        label: 'the same woman twice',
        body: {
          ...healthCheckBody(fx.loanChecked),
          place: `bad-input ${RUN}`,
          women: [
            { loanId: fx.loanChecked, relation: 'mother' },
            { loanId: fx.loanChecked, relation: 'mother' },
          ],
        },
        status: [422],
        field: 'women.1',
      },
      { label: 'a loan of another district', body: { ...healthCheckBody(fx.loanChecked), place: `bad-input ${RUN}`, districtId: 'lhasa.duilongdeqing' }, status: [403] },
      { label: 'heldOn tomorrow', body: { ...healthCheckBody(fx.loanChecked, tomorrow()), place: `bad-input ${RUN}` }, status: [422], field: 'heldOn' },
    ],
    control: 201,
  }),
  'GET /health-checks': () => ({ user: 'committee', params: {}, query: { districtId: CHENGGUAN }, control: 200 }),
  'GET /health-checks/{id}/findings': (fx) => ({ user: 'district', params: { id: fx.healthCheckId }, control: 200 }),
  'POST /health-checks/{id}/follow-up': (fx) => ({
    user: 'district',
    params: { id: fx.healthCheckId },
    bodies: [{ followedUpOn: daysAgo(1), cured: [{ womanId: 'w1', category: 'vaginitis' }] }],
    writes: () => partitions(`HEALTHCHECK#${fx.healthCheckId}`),
    extra: [
      { label: 'a finding that was not found', body: { followedUpOn: daysAgo(1), cured: [{ womanId: 'w2', category: 'vaginitis' }] }, status: [422], field: 'cured.0' },
      { label: 'followedUpOn before the check', body: { followedUpOn: daysAgo(30), cured: [{ womanId: 'w1', category: 'vaginitis' }] }, status: [422], field: 'followedUpOn' },
    ],
    control: 200,
  }),
  'POST /training-sessions': (fx) => ({
    user: 'district',
    params: {},
    bodies: [{ ...trainingBody(fx.loanChecked), place: `bad-input ${RUN}` }],
    writes: async () => (await queryPartition(`TRAINING#${CHENGGUAN}`)).filter((c) => String(c.place).includes(RUN)),
    extra: [
      { label: 'a mother twice', body: { ...trainingBody(fx.loanChecked), place: `bad-input ${RUN}`, attendees: [fx.loanChecked, fx.loanChecked] }, status: [422], field: 'attendees' },
      { label: 'a loan that does not exist', body: { ...trainingBody(fx.loanChecked), place: `bad-input ${RUN}`, attendees: [UNKNOWN_ID] }, status: [422], field: 'attendees.0' },
      { label: 'a township of another district', body: { ...trainingBody(fx.loanChecked), place: `bad-input ${RUN}`, townshipId: 'lhasa.duilongdeqing.naiqiong' }, status: [422], field: 'townshipId' },
    ],
    control: 201,
  }),
  'GET /training-sessions': () => ({ user: 'committee', params: {}, query: { districtId: CHENGGUAN }, control: 200 }),
  'POST /public-reports/preview': () => ({
    user: 'committee',
    params: {},
    bodies: [{ ...publicReportBody(), title: { ...publicReportBody().title, en: `bad-input preview ${RUN}` } }],
    // a preview stores nothing, valid or not
    writes: async () => (await queryPartition('PUBLICREPORTS')).filter((c) => JSON.stringify(c.title).includes(`preview ${RUN}`)),
    extra: [
      { label: 'to tomorrow', body: { ...publicReportBody(), to: tomorrow() }, status: [422], field: 'to' },
      { label: 'from after to', body: { ...publicReportBody(), from: today(), to: daysAgo(1) }, status: [422], field: 'from' },
    ],
    // no control here: a valid preview writes nothing either, so the snapshot could not show it (the valid preview is answered 200 in outreach.test.ts and the access matrix)
  }),
  'POST /public-reports': () => ({
    user: 'committee',
    params: {},
    bodies: [{ ...publicReportBody(), title: { ...publicReportBody().title, en: `bad-input ${RUN}` } }],
    writes: async () => (await queryPartition('PUBLICREPORTS')).filter((c) => JSON.stringify(c.title).includes(RUN)),
    extra: [{ label: 'to tomorrow', body: { ...publicReportBody(), to: tomorrow() }, status: [422], field: 'to' }],
    control: 201,
  }),
  'POST /public-reports/{id}/withdrawal': (fx) => ({ user: 'committee', params: { id: fx.publicReportId }, writes: () => partitions(`PUBLICREPORT#${fx.publicReportId}`), control: 200 }),
  'GET /public/reports': () => ({ user: null, params: {}, control: 200 }),
  'GET /public/reports/{id}': (fx) => ({ user: null, params: { id: fx.publicReportShown }, control: 200 }),
  'POST /loans/{id}/sms-preference': (fx) => ({
    user: 'township',
    params: { id: fx.loanRepayments },
    bodies: [{ optIn: true, lang: 'bo', phone: '13800138000', reason: '本人同意接收短信' }],
    writes: () => partitions(`LOAN#${fx.loanRepayments}`, `LOAN#${UNKNOWN_ID}`),
    extra: [{ label: 'a number that is not a mobile number', body: { optIn: true, lang: 'bo', phone: '0891-1234567', reason: '换号' }, status: [400], field: 'phone' }],
    control: 200,
  }),
  'POST /applications/{id}/sms-preference': (fx) => ({
    user: 'township',
    params: { id: fx.appNotice },
    bodies: [{ optIn: false, lang: 'zh-CN', reason: '本人要求停止短信' }],
    writes: () => partitions(`APP#${fx.appNotice}`, `APP#${UNKNOWN_ID}`),
    control: 200,
  }),
  'GET /loans/{id}/messages': (fx) => ({ user: 'district', params: { id: fx.loanRepayments }, control: 200 }),
  'POST /collection-notices': () => ({
    user: 'township',
    params: {},
    bodies: [{ townshipId: 'lhasa.chengguan.caigongtang', on: daysAgo(-3), place: `乡政府院内 ${RUN}`, villageIds: ['lhasa.chengguan.caigongtang.nowhere'] }],
    // the township's record of the notice (a village with no loans: no message is queued)
    writes: async () => (await queryPartition('COLLECTIONNOTICE#lhasa.chengguan.caigongtang')).filter((n) => String(n.place).includes(RUN)),
    extra: [{ label: 'a village instead of a township', body: { townshipId: 'lhasa.chengguan.caigongtang.zhiba', on: daysAgo(-3), place: '乡政府院内' }, status: [422], field: 'townshipId' }],
    control: 200,
  }),
  'GET /sms/month': () => ({ user: 'committee', params: {}, control: 200 }),
  'POST /sms/settings': () => ({
    user: 'committee',
    params: {},
    bodies: [{ reminderDaysBefore: [30, 7], overdueDaysAfter: [1, 30], monthlyCap: 4321 }],
    // every field is optional, so an empty object names no missing field: the rule is about the whole body
    adjust: (v) => (v.label === 'an empty object' ? { ...v, field: 'body' } : v),
    // the settings' values and when they changed (the access matrix may have set the defaults before: the cap here is its own)
    writes: async () => (await queryPartition('SETTINGS')).filter((i) => i.sk === 'SMS').map((i) => [i.reminderDaysBefore, i.overdueDaysAfter, i.monthlyCap, i.costPerMessageFen, i.updatedAt]),
    extra: [{ label: 'a negative cap', body: { monthlyCap: -1 }, status: [400], field: 'monthlyCap' }],
    control: 200,
  }),
  'GET /public/receipts/{loanId}/{repaymentId}': (fx) => ({
    user: null,
    params: { loanId: fx.loanRepayments, repaymentId: UNKNOWN_ID },
    query: { t: 'AAAAAAAAAAAAAAAAAAAAAA' },
    // a public check tells nobody which records exist: an id it cannot vouch for is "not genuine", never a 404
    adjust: (v) => (v.label.includes('(unknown)') ? { ...v, alsoAccept: { what: '200 not genuine', test: (res: Answer) => res.status === 200 && res.body?.genuine === false } } : v),
    control: 200,
  }),

  'GET /ledger-imports/templates': () => ({ user: 'district', params: {}, query: { kind: 'loans', format: 'xlsx' }, control: 200 }),
  'POST /ledger-imports': (fx) => ({
    user: 'district',
    token: fx.ledgerToken,
    params: {},
    bodies: [{ ...fx.ledgerBody, dryRun: false }],
    writes: async () => ({ batches: await indexPartition('byScope', `LEDGER#${fx.ledgerDistrict}`), lock: await queryPartition(`LEDGERLOCK#${fx.ledgerDistrict}`) }),
    // a sheet is a file, answered row by row: a blank or junk one cannot be read (422 naming the sheet), a junk character makes its
    // header unknown (422) or its row refused (409 ledger_rows_refused: nothing staged); a district not the caller's own is 403
    adjust: (v) => {
      const sheet = /^(rounds|loans|repayments|writeOffs) = /.exec(v.label)?.[1];
      if (v.label.startsWith('districtId = lhasa.nowhere')) return { ...v, status: [403] };
      if (!sheet || !/blank|\\u0000|\\u0007|surrogate/.test(v.label)) return v;
      return {
        ...v,
        status: [400, 422],
        field: sheet,
        alsoAccept: { what: '409 ledger_rows_refused, nothing staged', test: (res: Answer) => res.status === 409 && res.body?.error?.code === 'ledger_rows_refused' },
      };
    },
    // the totals must match to the fen
    extra: [
      {
        label: 'declared repaid total one fen more than the rows',
        body: {
          ...fx.ledgerBody,
          dryRun: false,
          declaredTotals: { ...(fx.ledgerBody.declaredTotals as Record<string, number>), repaidFen: (fx.ledgerBody.declaredTotals as Record<string, number>).repaidFen! + 1 },
        },
        status: [409],
        code: 'ledger_not_reconciled',
      },
      { label: 'a loans sheet without its header', body: { ...fx.ledgerBody, dryRun: false, loans: '甲,乙,丙\r\n1,2,3\r\n' }, status: [422], field: 'loans' },
      { label: 'districtId of another district', body: { ...fx.ledgerBody, dryRun: false, districtId: CHENGGUAN }, status: [403] },
      { label: 'districtId of a township', body: { ...fx.ledgerBody, dryRun: false, districtId: CAIGONGTANG }, status: [422], field: 'districtId' },
    ],
    control: 200,
  }),
  'GET /ledger-imports': (fx) => ({ user: 'committee', params: {}, query: { districtId: fx.ledgerDistrict, status: 'staged' }, control: 200 }),
  'GET /ledger-imports/{id}': (fx) => ({ user: 'committee', params: { id: fx.ledgerStaged }, control: 200 }),
  'POST /ledger-imports/{id}/approval': (fx) => ({
    user: 'committee',
    params: { id: fx.ledgerStaged },
    bodies: [{ decision: 'approve' }, { decision: 'reject', reason: '台账缺少签字' }],
    writes: () => partitions(`LEDGER#${fx.ledgerStaged}`, `LEDGER#${UNKNOWN_ID}`),
    extra: [
      { label: 'reject without a reason', body: { decision: 'reject' }, status: [400], field: 'reason' },
      { label: 'a batch already approved', params: { id: fx.ledgerApplying }, body: { decision: 'approve' }, status: [409], code: 'wrong_state' },
    ],
    control: 200,
  }),
  'POST /ledger-imports/{id}/apply': (fx) => ({
    user: 'committee',
    params: { id: fx.ledgerApplying },
    writes: () => partitions(`LEDGER#${fx.ledgerApplying}`, `LEDGER#${fx.ledgerNotApproved}`, `LEDGER#${UNKNOWN_ID}`),
    extra: [{ label: 'a batch not approved', params: { id: fx.ledgerNotApproved }, status: [409], code: 'wrong_state' }],
    control: 200,
  }),
};

// ---------------------------------------------------------------- variant generation

const clone = <T>(v: T): T => structuredClone(v);
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fieldOf = (path: Path) => path.join('.');
const short = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v.length > 24 ? `${v.slice(0, 12)}…(${v.length} chars)` : v) : JSON.stringify(v);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes
  return s.replace(/[\u0000-\u001f\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
};

function setAt(body: Json, path: Path, value: unknown): Json {
  const copy = clone(body);
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p];
  node[path[path.length - 1]!] = value;
  return copy;
}

function removeAt(body: Json, path: Path): Json {
  const copy = clone(body);
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p];
  delete node[path[path.length - 1]!];
  return copy;
}

/** The JSON schema of the body (input side); for a union, the member the valid body belongs to. */
function jsonSchemaOf(schema: z.core.$ZodType, body: Json): Json {
  const js: Json = z.toJSONSchema(schema, { io: 'input' });
  const members: Json[] | undefined = js.oneOf ?? js.anyOf;
  if (!members) return js;
  const fits = (m: Json) => Object.entries(m.properties ?? {}).every(([k, p]: [string, Json]) => p.const === undefined || p.const === body[k]);
  const member = members.find(fits);
  if (!member) throw new Error(`no member of the union fits ${JSON.stringify(body)}`);
  return member;
}

/** A value of the wrong JSON type for the one given. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'number') return '12';
  if (typeof value === 'string') return 12;
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return {};
  return [];
}

function bodyVariants(body: Json, js: Json, tag: string, limit: number): Variant[] {
  const out: Variant[] = [];
  const add = (path: Path, label: string, value: unknown, status: number[] = [400], field: string | string[] = fieldOf(path)) =>
    out.push({ label: `${tag}${fieldOf(path)} = ${label}`, body: setAt(body, path, value), status, field });
  const raw = (label: string, rawBody: string, status: number[], field: string | string[]) => out.push({ label: `${tag}${label}`, rawBody, status, field });

  // the body as a whole
  raw('malformed JSON {"a":', '{"a":', [400], 'body');
  raw('malformed JSON (trailing comma)', `${JSON.stringify(body).slice(0, -1)},}`, [400], 'body');
  raw('empty body', '', [400], 'body');
  raw('whitespace body', '  \n ', [400], 'body');
  out.push({ label: `${tag}no body at all`, body: undefined, status: [400], field: 'body' });
  raw('a JSON array', JSON.stringify([body]), [400], 'body');
  raw('a JSON string', JSON.stringify(JSON.stringify(body)), [400], 'body');
  raw('a JSON number', '42', [400], 'body');
  raw('JSON null', 'null', [400], 'body');
  raw('an empty object', '{}', [400], Object.keys(js.properties ?? {}));
  raw('__proto__ as an extra field', `{"__proto__":{"polluted":true},${JSON.stringify(body).slice(1)}`, [400], '__proto__');
  const first = Object.keys(body)[0]!;
  raw(`${first} = JSON nested 20,000 levels deep`, JSON.stringify(setAt(body, [first], '@@RAW@@')).replace('"@@RAW@@"', `${'['.repeat(20_000)}${']'.repeat(20_000)}`), [400], first);
  out.push({ label: `${tag}unknown top-level field`, body: { ...body, unexpectedField: 1 }, status: [400], field: 'unexpectedField' });
  const padded = JSON.stringify(body, null, 1);
  raw(`the valid body padded with spaces to ${limit + 1} bytes`, padded + ' '.repeat(limit + 1 - Buffer.byteLength(padded)), [413], 'body');
  // 3 bytes each in UTF-8: over the limit in bytes, not in characters
  const cjk = Math.max(22_000, Math.ceil((limit + 1) / 3) + 1_000);
  raw(
    `a body of ${cjk.toLocaleString('en')} CJK characters (${Math.round((cjk * 3) / 1000)} KB > ${limit === MAX_BODY ? '64 KiB' : `${limit} bytes`})`,
    JSON.stringify({ ...body, padding: '中'.repeat(cjk) }),
    [413],
    'body',
  );
  /** a string that alone takes the body over its limit */
  const huge = Math.max(100_000, limit + 1);

  // every field, also nested; arrays through their first element
  const walk = (value: Json, path: Path, schema: Json) => {
    const key = path[path.length - 1];
    if (path.length) {
      add(path, `${short(wrongType(value))} (wrong type)`, wrongType(value));
    }
    if (isObject(value)) {
      for (const req of (schema?.required ?? []) as string[])
        out.push({ label: `${tag}${fieldOf([...path, req])} missing`, body: removeAt(body, [...path, req]), status: [400], field: fieldOf([...path, req]) });
      if (path.length) {
        out.push({
          label: `${tag}${fieldOf(path)} with an unknown field`,
          body: setAt(body, [...path, 'unexpectedField'], 1),
          status: [400],
          field: [fieldOf(path), fieldOf([...path, 'unexpectedField'])],
        });
      }
      for (const [k, child] of Object.entries(value)) walk(child, [...path, k], schema?.properties?.[k]);
      return;
    }
    if (Array.isArray(value)) {
      if (value.length) walk(value[0], [...path, 0], schema?.items);
      return;
    }
    if (typeof value === 'string') {
      add(path, `a string of ${huge.toLocaleString('en')} characters`, 'x'.repeat(huge), [413], 'body');
      const over = typeof schema?.maxLength === 'number' ? schema.maxLength + 1 : 50_000;
      add(path, `a string of ${over} characters (over its limit)`, 'x'.repeat(over));
      add(path, '"" (empty)', '');
      add(path, '"   " (blank)', '   ');
      add(path, 'text with \\u0000', `${value.slice(0, 1)}\u0000${value.slice(1)}`);
      add(path, 'text with \\u0007', `${value.slice(0, 1)}\u0007${value.slice(1)}`);
      add(path, 'text with a lone surrogate \\uD800', `${value}\uD800`);
      if (typeof key === 'string' && key.endsWith('On')) {
        for (const d of NOT_DATES) add(path, `${short(d)} (not a date)`, d);
        // a round may be opened for a date ahead; every other date records something that already happened
        if (key !== 'openedOn') add(path, `${tomorrow()} (tomorrow)`, tomorrow(), [422]);
      }
      if (key === 'residentId') {
        const valid = String(value);
        const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
        add(path, `${wrongCheck} (wrong check character)`, wrongCheck);
        add(path, `${valid.slice(0, 17)} (17 characters)`, valid.slice(0, 17));
        add(path, '"ABCDEFGHIJKLMNOPQR" (letters)', 'ABCDEFGHIJKLMNOPQR');
        const future = residentIdBornOn(`${Number(today().slice(0, 4)) + 1}0101`);
        add(path, `${future} (born next year)`, future);
        const feb30 = residentIdBornOn('19900230');
        add(path, `${feb30} (born on 30 February)`, feb30);
      }
      if (key === 'roundId') add(path, `${UNKNOWN_ID} (unknown round)`, UNKNOWN_ID, [404, 422]);
      if (key === 'villageId') add(path, `${UNKNOWN_VILLAGE} (unknown village)`, UNKNOWN_VILLAGE, [404, 422]);
      if (key === 'districtId') add(path, `${UNKNOWN_DISTRICT} (unknown district)`, UNKNOWN_DISTRICT, [404, 422]);
      return;
    }
    if (typeof value === 'number') {
      if (typeof key === 'string' && key.endsWith('Fen')) {
        add(path, '-1', -1);
        if ((schema?.minimum ?? 0) >= 1) add(path, '0 (must be at least 1)', 0);
        add(path, '0.5 (not whole fen)', 0.5);
        add(path, '1e15 (too large)', 1e15);
        add(path, '"100" (a string)', '100');
        add(path, '"NaN"', 'NaN');
        out.push({
          label: `${tag}${fieldOf(path)} = 1e400 (Infinity after parsing)`,
          rawBody: JSON.stringify(setAt(body, path, '@@RAW@@')).replace('"@@RAW@@"', '1e400'),
          status: [400],
          field: fieldOf(path),
        });
      } else {
        if (typeof schema?.minimum === 'number') add(path, `${schema.minimum - 1} (below minimum)`, schema.minimum - 1);
        if (typeof schema?.maximum === 'number') add(path, `${schema.maximum + 1} (above maximum)`, schema.maximum + 1);
        if (schema?.type === 'integer') add(path, `${value + 0.5} (not whole)`, value + 0.5);
      }
    }
  };
  walk(body, [], js);
  return out;
}

function queryVariants(query: Record<string, string>, key: RouteKey, schema: z.core.$ZodType): Variant[] {
  const q = (label: string, extra: Record<string, string>, field: string, status?: number[], more: Partial<Variant> = {}): Variant => ({
    label: `query ${label}`,
    query: { ...query, ...extra },
    field,
    ...(status ? { status } : {}),
    ...more,
  });
  /** the parameters the route's query schema declares: the variants of each are generated only where it is one */
  const params = Object.keys((z.toJSONSchema(schema, { io: 'input' }) as Json).properties ?? {});
  const has = (name: string) => params.includes(name);
  const out: Variant[] = [];
  if (has('limit')) {
    out.push(
      q('limit=0', { limit: '0' }, 'limit', [400]),
      q('limit=-1', { limit: '-1' }, 'limit', [400]),
      q('limit=1000', { limit: '1000' }, 'limit', [400]),
      q('limit=1.5', { limit: '1.5' }, 'limit', [400]),
      q('limit=abc', { limit: 'abc' }, 'limit', [400]),
      q('limit= (empty)', { limit: '' }, 'limit', [400]),
    );
  } else out.push(q('limit=10 (not a parameter of this route)', { limit: '10' }, 'limit', [400]));
  if (has('cursor')) {
    out.push(
      q('cursor=garbage', { cursor: 'garbage' }, 'cursor'),
      q('cursor with a forged key', { cursor: cursorOf({ p: 0, k: { pk: 'APP#x' } }) }, 'cursor'),
      q('cursor with a partition out of range', { cursor: cursorOf({ p: 9 }) }, 'cursor'),
      q('cursor of 2001 characters', { cursor: 'a'.repeat(2001) }, 'cursor', [400]),
    );
  }
  if (has('status')) out.push(q('status=bogus', { status: 'bogus' }, 'status'));
  out.push(q('unknown parameter foo=bar', { foo: 'bar' }, 'foo', [400]));
  out.push(q(has('roundId') ? 'roundId=garbage' : 'roundId=garbage (not a parameter of this route)', { roundId: 'garbage' }, 'roundId', [400]));
  if (has('districtId')) {
    // districtId alone: with roundId the round decides the district
    const { roundId: _roundId, ...withoutRound } = query;
    out.push(
      { label: 'query districtId=Lhasa! (not an office id)', query: { ...withoutRound, districtId: 'Lhasa!' }, field: 'districtId', status: [400] },
      { label: 'query districtId of a township', query: { ...withoutRound, districtId: 'lhasa.chengguan.caigongtang' }, field: 'districtId' },
    );
  }
  if (key === 'GET /rounds') {
    // GET /rounds accepts roundId (shared ListQuery): it must either refuse it or honour it
    out.push(
      q(`roundId=${UNKNOWN_ID} (unknown round)`, { roundId: UNKNOWN_ID }, 'roundId', undefined, {
        field: undefined,
        alsoAccept: { what: '200 with the filter honoured (no items)', test: (res) => res.status === 200 && Array.isArray(res.body?.items) && res.body.items.length === 0 },
      }),
    );
  } else if (has('roundId')) {
    out.push(q(`roundId=${UNKNOWN_ID} (unknown round)`, { roundId: UNKNOWN_ID }, 'roundId', [404, 422], { field: undefined }));
  }
  if (has('level')) out.push(q('level=bogus', { level: 'bogus' }, 'level', [400]));
  if (has('state')) out.push(q('state=bogus', { state: 'bogus' }, 'state', [400]));
  if (has('officeId')) {
    out.push(
      q('officeId=Lhasa! (not an office id)', { officeId: 'Lhasa!' }, 'officeId', [400]),
      q('officeId of a village', { officeId: 'lhasa.chengguan.caigongtang.zhiba' }, 'officeId', [422]),
      q('officeId of the committee', { officeId: 'lhasa' }, 'officeId', [422]),
      // asked by the district office, in whose subtree that township would lie (for a township it is simply outside: 403)
      q('officeId=lhasa.chengguan.nowhere (no such township, asked by the district)', { officeId: 'lhasa.chengguan.nowhere' }, 'officeId', [404, 422], {
        user: 'district',
        alsoAccept: { what: '200 with the filter honoured (no items)', test: (res) => res.status === 200 && Array.isArray(res.body?.items) && res.body.items.length === 0 },
      }),
    );
  }
  if (has('asOf')) {
    for (const d of NOT_DATES) out.push(q(`asOf=${d} (not a date)`, { asOf: d }, 'asOf', [400]));
    out.push(q(`asOf=${tomorrow()} (tomorrow)`, { asOf: tomorrow() }, 'asOf', [422]));
  }
  if (has('groupBy')) out.push(q('groupBy=bogus', { groupBy: 'bogus' }, 'groupBy', [400]), q('groupBy= (empty)', { groupBy: '' }, 'groupBy', [400]));
  if (has('format')) out.push(q('format=pdf', { format: 'pdf' }, 'format', [400]), q('format=CSV (upper case)', { format: 'CSV' }, 'format', [400]));
  return out;
}

const MALFORMED_IDS: [string, string][] = [
  ['../etc', '../etc'],
  ['x × 300', 'x'.repeat(300)],
  ['x × 3000', 'x'.repeat(3000)],
  ['lower-case ULID', UNKNOWN_ID.toLowerCase()],
  ['a NUL character', '\u0000'],
  ['a quote and spaces', "' OR 1=1 --"],
];

function pathVariants(key: RouteKey): Variant[] {
  const names = [...splitRouteKey(key).path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return names.flatMap((name) => [
    { label: `path ${name} = ${UNKNOWN_ID} (unknown)`, params: { [name]: UNKNOWN_ID }, status: [404], code: 'not_found' },
    ...MALFORMED_IDS.map(([label, id]): Variant => ({ label: `path ${name} = ${label} (malformed)`, params: { [name]: id }, status: [400, 404] })),
  ]);
}

function headerVariants(spec: RouteSpec): Variant[] {
  if (!spec.idempotencyKey) return [];
  const malformed = (label: string, key: string): Variant => ({ label: `Idempotency-Key ${label}`, idempotencyKey: key, status: [400], field: 'Idempotency-Key' });
  return [
    ...(spec.idempotencyKey === 'required' ? [{ label: 'Idempotency-Key missing', idempotencyKey: false as const, status: [400], field: 'Idempotency-Key', code: 'idempotency_key_required' }] : []),
    malformed('"short"', 'short'),
    malformed('with spaces', 'has spaces in it'),
    malformed('of 129 characters', 'k'.repeat(129)),
    malformed('with / and !', 'bad/key!value'),
  ];
}

function variantsOf(key: RouteKey, target: Target): Variant[] {
  const spec: RouteSpec = ROUTES[key];
  const out: Variant[] = [];
  if (spec.body) {
    for (const [i, body] of target.bodies!.entries())
      out.push(...bodyVariants(body, jsonSchemaOf(spec.body!, body), target.bodies!.length > 1 ? `[${String(body.decision ?? i)}] ` : '', bodyLimitOf(spec)));
  }
  if (spec.query) out.push(...queryVariants(target.query ?? {}, key, spec.query));
  out.push(...pathVariants(key), ...headerVariants(spec));
  return [...out.map((v) => target.adjust?.(v) ?? v), ...(target.extra ?? [])];
}

// ---------------------------------------------------------------- sending and checking

let requests = 0;

function send(key: RouteKey, target: Target, v: Partial<Variant> = {}): Promise<Answer> {
  const { method, path } = splitRouteKey(key);
  const params = { ...target.params, ...v.params };
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
  const opts: CallOptions = {};
  if (v.rawBody !== undefined) opts.rawBody = v.rawBody;
  if (v.idempotencyKey !== undefined) opts.idempotencyKey = v.idempotencyKey;
  const query = v.query ?? target.query;
  if (query) opts.query = query;
  const body = 'body' in v ? v.body : target.bodies?.[0];
  if (!v.user && target.token) opts.token = target.token;
  requests++;
  return call(v.user ?? target.user, method, url, method === 'GET' ? undefined : body, opts);
}

const describeAnswer = (res: Answer) => {
  const text = JSON.stringify(res.body) ?? '';
  return `${res.status} ${text.length > 400 ? `${text.slice(0, 400)}…` : text}`;
};

/** The answer is a 4xx (or what the variant also accepts) in the error contract, naming the field. */
function checkRefused(key: RouteKey, v: Variant, res: Answer): void {
  const where = `${key} — ${v.label}: got ${describeAnswer(res)}`;
  if (v.alsoAccept?.test(res)) return;
  expect.soft(res.status, `${where}\n  expected a 4xx${v.alsoAccept ? ` or ${v.alsoAccept.what}` : ''}`).toBeGreaterThanOrEqual(400);
  expect.soft(res.status, `${where}\n  expected a 4xx, never a 5xx`).toBeLessThan(500);
  if (res.status < 400 || res.status >= 500) return;
  if (v.status) expect.soft(v.status, `${where}\n  expected status ${v.status.join(' or ')}`).toContain(res.status);
  expect.soft(res.headers['content-type'] ?? '', `${where}\n  expected a JSON answer`).toMatch(/^application\/json/);
  const error = res.body?.error;
  expect.soft(Object.keys(res.body ?? {}), `${where}\n  expected { error: … }`).toEqual(['error']);
  expect.soft(typeof error?.code === 'string' && error.code.length > 0, `${where}\n  expected error.code to be a non-empty string`).toBe(true);
  expect.soft(typeof error?.message === 'string' && error.message.length > 0, `${where}\n  expected error.message to be a non-empty string`).toBe(true);
  expect
    .soft(
      Object.keys(error ?? {}).filter((k) => !['code', 'rule', 'message', 'field', 'params', 'details'].includes(k)),
      `${where}\n  unexpected keys in error`,
    )
    .toEqual([]);
  expect.soft(typeof error?.params === 'object' && error.params !== null, `${where}\n  expected error.params, the message's structured parameters`).toBe(true);
  if (error?.field !== undefined) {
    expect.soft(typeof error.field, `${where}\n  expected error.field to be a string`).toBe('string');
    // in English as in Chinese, by the label of its form ("Amount requested"), or by its name where it has none
    expect.soft(String(error.message), `${where}\n  expected the message to name the field`).toContain(fieldLabel(String(error.field), 'en'));
  }
  if (v.field !== undefined) {
    const fields = Array.isArray(v.field) ? v.field : [v.field];
    expect.soft(fields, `${where}\n  expected error.field ${fields.join(' or ')}`).toContain(error?.field);
  }
  if (v.code !== undefined) expect.soft(error?.code, `${where}\n  expected error.code ${v.code}`).toBe(v.code);
}

// ---------------------------------------------------------------- the tests

const routeKeys = Object.keys(ROUTES) as RouteKey[];
const roleOf = (user: UserName): Role => DEMO_USERS.find((u) => u.username === user)!.role;
let fx: Fixtures;

beforeAll(async () => {
  SETTINGS_TOKEN = await tokens.sign(SETTINGS_CLERK);
  const roundId = await openRound({ capitalFen: 100_000_000 });
  const submitted = await as('township').post('/applications', applicationInput(roundId));
  if (submitted.status !== 201) throw new Error(`submit: ${describeAnswer(submitted)}`);
  const forReveal = await as('township').post('/applications', applicationInput(roundId));
  if (forReveal.status !== 201) throw new Error(`submit: ${describeAnswer(forReveal)}`);

  const appResolution = await readyApplication(roundId);
  const objection = await as('township').post(`/applications/${appResolution}/objections`, { raisedOn: daysAgo(53), raisedBy: '村民', content: '家里有拖拉机' });
  if (objection.status !== 201) throw new Error(`objection: ${describeAnswer(objection)}`);

  const decisionMother = residentId();
  const approvedLoan = async (agreed: boolean, confirmed = agreed) => {
    const appId = await readyApplication(roundId);
    // four eyes: a second district clerk approves, so the first may record the disbursement
    const decision = await as('district-2').post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 });
    if (decision.status !== 200) throw new Error(`approve: ${describeAnswer(decision)}`);
    if (confirmed) await confirmLoans([decision.body.loanId]);
    if (agreed) {
      const agreement = await as('district').post(`/loans/${decision.body.loanId}/agreement`, agreementInput(daysAgo(29)));
      if (agreement.status !== 200) throw new Error(`agreement: ${describeAnswer(agreement)}`);
    }
    return decision.body.loanId as string;
  };

  // ---- a confirmation list waiting for the committee
  const listedLoan = await approvedLoan(false);
  const listed = await as('district').post('/confirmation-lists', { sentOn: today(), loanIds: [listedLoan] });
  if (listed.status !== 201) throw new Error(`send list: ${describeAnswer(listed)}`);
  const listToDecide = listed.body.id as string;

  // ---- the rounds to close and the round requests, in district offices of the test's own (a demo district never has every round recovered)
  const roundClose = await openRound();
  const roundClosed = await openRound();
  const closed = await as('district').post(`/rounds/${roundClosed}/close`, { closedOn: daysAgo(1) });
  if (closed.status !== 200) throw new Error(`close: ${describeAnswer(closed)}`);
  const ownDistrict = async () => {
    const id = `lhasa.bi-${randomUUID().slice(0, 8)}`;
    const office = await as('committee').post('/offices', { id, name: '错误输入测试区' });
    if (office.status !== 201) throw new Error(`office ${id}: ${describeAnswer(office)}`);
    return { id, token: await tokens.sign({ username: `clerk-${id.split('.')[1]}`, role: 'district', officeId: id }) };
  };
  const requestIn = async (d: { id: string; token: string }) => {
    const res = await call(null, 'POST', '/round-requests', { name: '新一轮', requestedOn: daysAgo(1), capitalFen: 2_000_000, reason: '上一轮已全部收回' }, { token: d.token });
    if (res.status !== 201) throw new Error(`round request: ${describeAnswer(res)}`);
    return res.body.id as string;
  };
  const [requester, deciding, decided] = await Promise.all([ownDistrict(), ownDistrict(), ownDistrict()]);
  const roundRequest = await requestIn(deciding);
  const decidedRequest = await requestIn(decided);
  const rejected = await as('committee').post(`/round-requests/${decidedRequest}/decision`, { decision: 'reject', reason: '资金不足' });
  if (rejected.status !== 200) throw new Error(`reject: ${describeAnswer(rejected)}`);

  // ---- repayments for the hand-offs: held and handed over in Caigongtang, held in Niangre (the district office makes that loan)
  const repay = async (loanId: string, user: UserName) => {
    const res = await as(user).post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(5), amountFen: 100_000, receiptNo: `R-${randomInt(1e9)}` });
    if (res.status !== 201) throw new Error(`repay: ${describeAnswer(res)}`);
    return noteRepayment(res.body.id as string, loanId);
  };
  const loanRemit = await activeLoan(roundId);
  const heldRepayment = await repay(loanRemit, 'township');
  const handedRepayment = await repay(loanRemit, 'township');
  const batch = await as('township').post('/remittances', {
    level: 'township_to_district',
    fromOfficeId: CAIGONGTANG,
    handedOverOn: today(),
    amountFen: 100_000,
    repaymentRefs: repaymentRefs([handedRepayment]),
    handedOverBy: '格桑',
    receivedBy: '王丽',
  });
  if (batch.status !== 201) throw new Error(`batch: ${describeAnswer(batch)}`);
  const foreignApp = await as('district').post('/applications', applicationInput(roundId, { villageId: MINZU }));
  if (foreignApp.status !== 201) throw new Error(`submit in minzu: ${describeAnswer(foreignApp)}`);
  for (const [path, body] of [
    [`/applications/${foreignApp.body.id}/notice`, { postedOn: daysAgo(55) }],
    [`/applications/${foreignApp.body.id}/visits`, visitInput({ visitedOn: daysAgo(45) })],
    [`/applications/${foreignApp.body.id}/visits`, visitInput({ visitedOn: daysAgo(35) })],
  ] as const) {
    const r = await as('district').post(path, body);
    if (r.status >= 300) throw new Error(`${path}: ${describeAnswer(r)}`);
  }
  // four eyes: the second district clerk approves what the first submitted and visited
  const foreignDecision = await as('district-2').post(`/applications/${foreignApp.body.id}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 });
  if (foreignDecision.status !== 200) throw new Error(`approve in minzu: ${describeAnswer(foreignDecision)}`);
  const loanForeign = foreignDecision.body.loanId as string;
  await confirmLoans([loanForeign], { on: daysAgo(30) });
  for (const [path, body] of [
    [`/loans/${loanForeign}/agreement`, agreementInput(daysAgo(29))],
    [`/loans/${loanForeign}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true }],
  ] as const) {
    const r = await as('district').post(path, body);
    if (r.status !== 200) throw new Error(`${path}: ${describeAnswer(r)}`);
  }

  // ---- ledger imports: districts of the test's own with a township and a village, a valid ledger each
  const ledgerIn = async () => {
    const d = await ownDistrict();
    for (const [id, name] of [
      [`${d.id}.tw`, '错误输入测试乡'],
      [`${d.id}.tw.v1`, '错误输入测试村'],
    ] as const) {
      const office = await as('committee').post('/offices', { id, name });
      if (office.status !== 201) throw new Error(`office ${id}: ${describeAnswer(office)}`);
    }
    const body = ledgerBody(d.id, generateLedger({ villages: [`${d.id}.tw.v1`], rounds: 1, loans: 2, repayments: 4 }));
    return { ...d, body };
  };
  const [ledgerOwn, ledgerDecide, ledgerApply, ledgerWaiting] = await Promise.all([ledgerIn(), ledgerIn(), ledgerIn(), ledgerIn()]);
  const stage = async (d: { token: string; body: Record<string, unknown> }) => {
    const res = await call(null, 'POST', '/ledger-imports', { ...d.body, dryRun: false }, { token: d.token });
    if (res.status !== 200) throw new Error(`stage a ledger: ${describeAnswer(res)}`);
    return res.body.batchId as string;
  };
  const ledgerStaged = await stage(ledgerDecide);
  const ledgerApplying = await stage(ledgerApply);
  const ledgerNotApproved = await stage(ledgerWaiting);
  // approved by a request whose time was up: approved, its records not yet written
  await decideLedgerImport(contextFor({ userId: 'local-committee', username: 'committee', role: 'committee', officeId: 'lhasa' }, new Date(Date.now() - 60_000)), ledgerApplying, {
    decision: 'approve',
  });

  const loanChecked = await consentedLoan(roundId);
  const writeOffMother = residentId();
  const clerk = await as('district').post('/staff', { username: `bi-clerk-${RUN}`, displayName: '坏输入测试 · 卓玛', role: 'township', officeId: 'lhasa.chengguan.caigongtang' });
  if (clerk.status !== 201) throw new Error(`add a clerk: ${describeAnswer(clerk)}`);
  fx = {
    ledgerDistrict: ledgerOwn.id,
    ledgerToken: ledgerOwn.token,
    ledgerBody: ledgerOwn.body as Record<string, Json>,
    ledgerStaged,
    ledgerApplying,
    ledgerNotApproved,
    staffId: clerk.body.id,
    committeeStaffId: (await getStaffByUsername('committee'))!.id,
    roundId,
    appReveal: forReveal.body.id,
    roundClose,
    roundClosed,
    requestDistrict: requester.id,
    requestToken: requester.token,
    roundRequest,
    roundRequestDistrict: deciding.id,
    decidedRequest,
    importMother: residentId(),
    loanWriteOff: await activeLoan(roundId, 1_000_000, { mother: { name: '央金', residentId: writeOffMother } }),
    writeOffMother,
    loanNotDisbursed: await approvedLoan(true),
    loanUnconfirmed: await approvedLoan(true, false),
    loanToList: await approvedLoan(false),
    listedLoan,
    listToDecide,
    loanRemit,
    heldRepayment,
    handedRepayment,
    batchId: batch.body.id,
    loanForeign,
    foreignRepayment: await repay(loanForeign, 'district'),
    appNotice: submitted.body.id,
    appObjections: await readyApplication(roundId),
    appResolution,
    objectionId: objection.body.id,
    appVisits: await readyApplication(roundId),
    appScreening: await readyApplication(roundId),
    appDecision: await readyApplication(roundId, { mother: { name: '卓嘎', residentId: decisionMother } }),
    decisionMother,
    loanAgreement: await approvedLoan(false),
    loanDisbursement: await approvedLoan(true),
    loanEvaluations: await activeLoan(roundId),
    loanRepayments: await activeLoan(roundId),
    newMother: residentId(),
    loanConsent: await activeLoan(roundId),
    loanChecked,
    healthCheckId: await healthCheck(loanChecked),
    publicReportId: await publishedReport(),
    publicReportShown: await publishedReport(),
    ...(await evaluationReportFixtures()),
  };
}, 120_000);

afterAll(() => {
  console.info(`bad-input: ${requests} requests`);
});

describe('the bad-input map', () => {
  it('has exactly the routes of the route table', () => {
    expect(Object.keys(TARGETS).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(routeKeys)('%s: its user may call it, its valid body and query pass the schemas', (key) => {
    const spec: RouteSpec = ROUTES[key];
    const target = TARGETS[key](fx);
    if (spec.roles) {
      expect(target.user, `${key}: a protected route needs a user`).not.toBeNull();
      expect(spec.roles, `${key}: user ${target.user}`).toContain(roleOf(target.user!));
    } else expect(target.user, `${key}: public route`).toBeNull();
    expect(Object.keys(target.params).sort(), `${key}: path ids`).toEqual([...splitRouteKey(key).path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort());
    if (spec.body) {
      expect(target.bodies?.length, `${key}: valid bodies`).toBeGreaterThan(0);
      for (const body of target.bodies!) expect(spec.body.safeParse(body).error?.issues, `${key}: valid body ${JSON.stringify(body)}`).toBeUndefined();
      expect(target.writes, `${key}: what it writes`).toBeDefined();
    } else expect(target.bodies, `${key}: takes no body`).toBeUndefined();
    if (spec.query) expect(spec.query.safeParse(target.query ?? {}).error?.issues, `${key}: valid query`).toBeUndefined();
    if (splitRouteKey(key).method === 'POST') expect(target.writes, `${key}: what it writes`).toBeDefined();
  });
});

describe('every route refuses bad input with a 4xx naming the field, and writes nothing', () => {
  it.each(routeKeys)('%s', async (key) => {
    const target = TARGETS[key](fx);
    const variants = variantsOf(key, target);
    const snapshot = target.writes ?? (async () => null);
    const before = await snapshot();
    let baseline = before;

    if (!variants.length) {
      // routes that take no input (no body, query or path id): junk is ignored, never a 5xx
      for (const v of [
        { label: 'junk query', query: { foo: 'bar', limit: 'abc' } },
        { label: 'junk body', rawBody: '{"a":' },
      ] as Variant[]) {
        const res = await send(key, target, v);
        expect.soft(res.status, `${key} — ${v.label}: got ${describeAnswer(res)}`).toBeLessThan(500);
      }
    }

    for (const v of variants) {
      const res = await send(key, target, v);
      checkRefused(key, v, res);
      // a write can only come from a request that got past validation: look after every one of those
      if (res.status !== 400 && res.status !== 413) {
        const now = await snapshot();
        expect.soft(now, `${key} — ${v.label}: got ${describeAnswer(res)}\n  and it wrote to the database`).toEqual(baseline);
        baseline = now;
      }
    }
    expect(await snapshot(), `${key}: something was written by the bad requests`).toEqual(before);

    // control: the valid request succeeds on the same target, so the refusals were about the input
    if (target.control !== undefined) {
      const res = await send(key, target);
      expect(res.status, `${key} — control (the valid request): got ${describeAnswer(res)}`).toBe(target.control);
      // and the snapshot sees its write, so "nothing was written" above was not read from the wrong place
      if (target.writes) expect(await snapshot(), `${key}: the snapshot does not see the write of the valid request`).not.toEqual(before);
    }
  });
});
