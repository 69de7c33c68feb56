/**
 * The access matrix: every route of the route table × every role × a target inside or
 * outside the caller's office subtree, each cell with the status it must answer.
 *
 * The cells are generated from `ROUTES` and `ROLES`; every route needs an entry in
 * SCENARIOS (how to build its request against a target office), and the first test fails
 * when a route has none, so a new route cannot be left out of the matrix.
 *
 * Scopes (the caller and the office of the record it targets):
 *   inside                                    chengguan-side caller, record in lhasa.chengguan.caigongtang.zhiba
 *   outside                                   chengguan-side caller, record in lhasa.duilongdeqing.naiqiong.boma
 *   outside, caller of the other district     duilongdeqing-side caller (district-b, township-b, field-b), record in zhiba
 *   outside, another township of its district the caigongtang township, record in lhasa.chengguan.niangre.minzu
 * The committee is the root: nothing is outside it, so it only has inside cells. "Another
 * township" only applies to the township role (for the district, field and committee roles
 * that record is inside).
 *
 * Expected: role not in the route's roles → 403; role allowed and outside → 403; role
 * allowed and inside → the route's success status; public routes → 200 for every role and
 * without a token. Every record a cell may change is built fresh for that cell, so no cell
 * depends on the outcome of another. Inside list answers are also checked to hold nothing
 * from outside the caller's subtree.
 *
 * Round requests: a district has one pending request at a time, so the inside cell of
 * POST /round-requests calls as the district office of a district of its own, created for
 * the cell (a demo district's request would block every later one); the requests the
 * committee decides live in such districts too. Everything else is built in the demo districts.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, TokenIssuer } from '../../dev/tokens.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { isWithin } from '../../shared/domain/offices.ts';
import { residentIdCheckChar } from '../../shared/domain/resident-id.ts';
import { ROLES, type Role } from '../../shared/domain/roles.ts';
import { ROUTES, splitRouteKey, type RouteKey, type RouteSpec } from '../../shared/routes.ts';
import { keys, motherKey } from '../../shared/store/keys.ts';
import { getRecord } from '../../shared/store/records.ts';
import { as, call, tokenFor, tokens, type Answer, type UserName } from '../support/api.ts';
import { agreementInput, applicationInput, BOMA, CHENGGUAN, daysAgo, evaluationInput, MINZU, roundInput, today, visitInput, ZHIBA, importCsv } from '../support/fixtures.ts';
import { generateLedger, ledgerBody } from '../support/ledger-fixture.ts';
import { healthCheckBody, healthConsentBody, publicReportBody, publishedReport, trainingBody } from '../support/outreach-fixture.ts';
import { noteRepayment, repaymentRefs } from '../support/repayment-refs.ts';

// ---------- where callers and records are ----------

type Side = 'chengguan' | 'duilongdeqing';

const DUILONGDEQING = 'lhasa.duilongdeqing';
const DISTRICT_OF: Record<Side, string> = { chengguan: CHENGGUAN, duilongdeqing: DUILONGDEQING };

interface Location {
  name: string;
  side: Side;
  districtId: string;
  townshipId: string;
  villageId: string;
}

const LOCATIONS = {
  zhiba: { name: 'zhiba', side: 'chengguan', districtId: CHENGGUAN, townshipId: 'lhasa.chengguan.caigongtang', villageId: ZHIBA },
  minzu: { name: 'minzu', side: 'chengguan', districtId: CHENGGUAN, townshipId: 'lhasa.chengguan.niangre', villageId: MINZU },
  boma: { name: 'boma', side: 'duilongdeqing', districtId: DUILONGDEQING, townshipId: 'lhasa.duilongdeqing.naiqiong', villageId: BOMA },
  sangmu: { name: 'sangmu', side: 'duilongdeqing', districtId: DUILONGDEQING, townshipId: 'lhasa.duilongdeqing.dongga', villageId: 'lhasa.duilongdeqing.dongga.sangmu' },
} as const satisfies Record<string, Location>;
type LocationName = keyof typeof LOCATIONS;

/** The caller of a role on a side: the demo users, and field-b (signed here: there is no demo field user of the second district). */
const FIELD_B = { username: 'field-b', role: 'field', officeId: DUILONGDEQING } as const;
const USER_ON_SIDE: Record<Side, Record<Exclude<Role, 'committee'>, UserName | 'field-b'>> = {
  chengguan: { district: 'district', township: 'township', field: 'field' },
  duilongdeqing: { district: 'district-b', township: 'township-b', field: 'field-b' },
};

function callerOffice(role: Role, side: Side): string {
  if (role === 'committee') return 'lhasa';
  if (role === 'township') return side === 'chengguan' ? LOCATIONS.zhiba.townshipId : LOCATIONS.boma.townshipId;
  return DISTRICT_OF[side];
}

const tokenCache = new Map<string, Promise<string>>();
function callerToken(role: Role, side: Side): Promise<string> {
  const user = role === 'committee' ? 'committee' : USER_ON_SIDE[side][role];
  if (!tokenCache.has(user)) tokenCache.set(user, user === 'field-b' ? tokens.sign(FIELD_B) : tokenFor(user));
  return tokenCache.get(user)!;
}

// ---------- scopes ----------

const SCOPES = {
  inside: { label: 'inside', callerSide: 'chengguan', target: 'zhiba' },
  outside: { label: 'outside', callerSide: 'chengguan', target: 'boma' },
  'outside-caller': { label: 'outside, caller of the other district', callerSide: 'duilongdeqing', target: 'zhiba' },
  'outside-township': { label: 'outside, another township of its district', callerSide: 'chengguan', target: 'minzu' },
} as const satisfies Record<string, { label: string; callerSide: Side; target: LocationName }>;
type ScopeName = keyof typeof SCOPES;
const SCOPE_NAMES = Object.keys(SCOPES) as ScopeName[];

// ---------- records shared by read-only cells, and builders of fresh records ----------

const shared = {
  /** one open round per district, for submissions (which never touch the round item) */
  round: {} as Record<Side, string>,
  /** a small round per district with an approved application and its loan in two townships, for the lists */
  listRound: {} as Record<Side, string>,
  /** an approved application and its loan per location, for the read cells */
  records: {} as Record<LocationName, { appId: string; loanId: string }>,
  /** a remittance batch (township → district) per location's township, for the read cells and the lists */
  batches: {} as Record<LocationName, string>,
  /** a district of its own with a pending round request, so the committee's list of requests has one to show */
  requestDistrict: '',
  /** a ledger import per district (staged, then rejected so the district may stage others), for the read cells and the lists */
  ledgerBatches: {} as Record<Side, string>,
  /** a published donor report, for the public read cells */
  publicReport: '',
  /** a confirmation list (报批名单) per district, waiting for the committee, for the read cells and the lists */
  confirmationLists: {} as Record<Side, string>,
  /** a drafted mid-term evaluation report per district, for the read cells and the lists */
  evaluationReports: {} as Record<Side, string>,
};

/** Resident IDs unique within the run (own region code, one birth date each), so no mother ever has an open case already. */
const ID_REGION = `5499${String(randomInt(100)).padStart(2, '0')}`;
const ID_FIRST_DAY = addDays('1970-01-01', randomInt(8000));
const ID_SEQ = String(randomInt(1000)).padStart(3, '0');
let mothers = 0;
function uniqueResidentId(): string {
  const first17 = `${ID_REGION}${addDays(ID_FIRST_DAY, mothers++).replaceAll('-', '')}${ID_SEQ}`;
  return first17 + residentIdCheckChar(first17);
}

const mother = () => ({ name: '次仁卓玛', residentId: uniqueResidentId() });
const appInput = (roundId: string, loc: Location) => applicationInput(roundId, { villageId: loc.villageId, mother: mother() });
/** The district office of a location builds its records: it may do every step of the case. */
const officeOf = (loc: Location): UserName => (loc.side === 'chengguan' ? 'district' : 'district-b');

async function step(res: Promise<Answer>, status: number, what: string): Promise<any> {
  const r = await res;
  if (r.status !== status) throw new Error(`fixture step "${what}" answered ${r.status}, not ${status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * A round wholly funded by a new grant (grantFen = capitalFen), so it never draws on the district's fund: with the default grant
 * ("what the fund lacks", read before the write) two rounds opened at the same time while the fund holds money (after a repayment,
 * or a closed round's released capital) both count on the same money and the second fails 409 fund_insufficient (a race in
 * openRound, not an access question).
 */
async function newRound(side: Side): Promise<string> {
  const input = roundInput({ districtId: DISTRICT_OF[side] });
  return (await step(as('committee').post('/rounds', { ...input, grantFen: input.capitalFen }), 201, `open a ${side} round`)).id;
}

async function submitted(loc: Location, roundId = shared.round[loc.side]): Promise<string> {
  return (await step(as(officeOf(loc)).post('/applications', appInput(roundId, loc)), 201, `submit an application in ${loc.villageId}`)).id;
}

async function noticed(loc: Location, roundId?: string): Promise<string> {
  const id = await submitted(loc, roundId);
  await step(as(officeOf(loc)).post(`/applications/${id}/notice`, { postedOn: daysAgo(55) }), 200, 'post the notice');
  return id;
}

async function withObjection(loc: Location): Promise<{ appId: string; objectionId: string }> {
  const appId = await noticed(loc);
  const objection = await step(as(officeOf(loc)).post(`/applications/${appId}/objections`, { raisedOn: daysAgo(53), raisedBy: '村民', content: '家里有拖拉机' }), 201, 'raise an objection');
  return { appId, objectionId: objection.id };
}

async function ready(loc: Location, roundId: string): Promise<string> {
  const id = await noticed(loc, roundId);
  for (const visitedOn of [daysAgo(45), daysAgo(35)]) await step(as(officeOf(loc)).post(`/applications/${id}/visits`, visitInput({ visitedOn })), 201, 'log a visit');
  return id;
}

/** Four eyes: a second clerk of the district office approves what the first one submitted and visited (and the first pays out). */
const SECOND_CLERK_B = { username: 'district-b-2', role: 'district', officeId: DUILONGDEQING } as const;
const approverToken = (loc: Location): Promise<string> => (loc.side === 'chengguan' ? tokenFor('district-2') : tokens.sign(SECOND_CLERK_B));

async function approve(loc: Location, appId: string): Promise<string> {
  const decision = { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 };
  return (await step(call(null, 'POST', `/applications/${appId}/decision`, decision, { token: await approverToken(loc) }), 200, 'approve')).loanId;
}

/** A loan in its own round (so concurrent cells never write the same round item). */
async function approvedLoan(loc: Location): Promise<string> {
  return approve(loc, await ready(loc, await newRound(loc.side)));
}

/** The district office sends approved loans to the committee (报批): the list's id. */
async function sentList(loc: Location, loanIds?: string[]): Promise<string> {
  const ids = loanIds ?? [await approvedLoan(loc)];
  return (await step(as(officeOf(loc)).post('/confirmation-lists', { sentOn: daysAgo(30), loanIds: ids }), 201, 'send for confirmation')).id;
}

/** An approved loan the committee confirmed (审核确定), so it may be paid out. */
async function confirmedLoan(loc: Location): Promise<string> {
  const loanId = await approvedLoan(loc);
  const listId = await sentList(loc, [loanId]);
  await step(as('committee').post(`/confirmation-lists/${listId}/decision`, { decidedOn: daysAgo(30) }), 200, 'confirm the list');
  return loanId;
}

/** The district drafts the mid-term evaluation report of a new round whose one household was evaluated (with an assessment: ready to submit). */
async function draftedReport(loc: Location): Promise<string> {
  const loanId = await activeLoan(loc);
  await step(as(officeOf(loc)).post(`/loans/${loanId}/evaluations`, evaluationInput('midterm')), 201, 'evaluate at mid-term');
  const { roundId } = await step(as(officeOf(loc)).get(`/loans/${loanId}`), 200, 'read the loan');
  const report = await step(as(officeOf(loc)).post('/evaluation-reports', { roundId, point: 0 }), 201, 'draft the report');
  await step(call(officeOf(loc), 'PATCH', `/evaluation-reports/${report.id}`, { assessment: '资金按计划使用' }), 200, 'write the assessment');
  return report.id;
}

async function submittedReport(loc: Location): Promise<string> {
  const id = await draftedReport(loc);
  await step(as(officeOf(loc)).post(`/evaluation-reports/${id}/submit`, { reportedOn: today() }), 200, 'submit the report');
  return id;
}

async function agreedLoan(loc: Location): Promise<string> {
  const loanId = await confirmedLoan(loc);
  await step(as(officeOf(loc)).post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29))), 200, 'record the agreement');
  return loanId;
}

const disbursement = () => ({ disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true });

async function activeLoan(loc: Location): Promise<string> {
  const loanId = await agreedLoan(loc);
  await step(as(officeOf(loc)).post(`/loans/${loanId}/disbursement`, disbursement()), 200, 'disburse');
  return loanId;
}

const repayment = () => ({ paidOn: daysAgo(5), amountFen: 100_000, receiptNo: `R-${randomInt(1e9)}` });

/** A repayment the location's township still holds (collected, not handed over), of a loan of its own. */
async function heldRepayment(loc: Location, loanId?: string): Promise<string> {
  const loan = loanId ?? (await activeLoan(loc));
  return noteRepayment((await step(as(officeOf(loc)).post(`/loans/${loan}/repayments`, repayment()), 201, 'record a repayment')).id, loan);
}

const handOver = (fromOfficeId: string, repaymentIds: string[]) => ({
  level: 'township_to_district',
  fromOfficeId,
  handedOverOn: today(),
  amountFen: 100_000 * repaymentIds.length,
  repaymentRefs: repaymentRefs(repaymentIds),
  handedOverBy: '格桑',
  receivedBy: '王丽',
});

/** A district office of its own (no rounds, so it may request one) and a district-role token for it. */
async function isolatedDistrict(): Promise<{ id: string; token: string }> {
  const id = `lhasa.acc-${randomUUID().slice(0, 8)}`;
  await step(as('committee').post('/offices', { id, name: '访问矩阵测试区' }), 201, `add the district ${id}`);
  return { id, token: await tokens.sign({ username: `clerk-${id.split('.')[1]}`, role: 'district', officeId: id }) };
}

/** A person for the directory, unique within the run. */
const staffInput = (at: { role: Role; officeId: string }) => ({ username: `acc-${randomUUID().slice(0, 8)}`, displayName: '访问矩阵 · 卓玛', ...at });

const roundRequest = () => ({ name: `访问矩阵申请 ${randomInt(1e6)}`, requestedOn: today(), capitalFen: 3_000_000, reason: '上一轮已全部收回' });

/** A pending round request of a district of its own. */
async function pendingRoundRequest(): Promise<{ districtId: string; requestId: string }> {
  const d = await isolatedDistrict();
  const request = await step(call(null, 'POST', '/round-requests', roundRequest(), { token: d.token }), 201, 'request a round');
  return { districtId: d.id, requestId: request.id };
}

const importBody = (loc: Location) => ({
  format: 'csv',
  content: importCsv(uniqueResidentId(), loc.villageId),
  dryRun: false,
});

/** A small ledger (one round, one loan, two repayments) of the location's village, as a dry run: its round name is new each time. */
const ledgerOf = (loc: Location, overrides: Record<string, unknown> = {}) =>
  ledgerBody(loc.districtId, generateLedger({ villages: [loc.villageId], rounds: 1, loans: 1, repayments: 2, roundName: `矩阵${randomInt(1e9)}` }), overrides);

/** A ledger staged (not a dry run) by a district office of its own: the committee decides it, and nothing is outside the committee. */
async function stagedLedger(): Promise<{ batchId: string; districtId: string }> {
  const d = await isolatedDistrict();
  const township = `${d.id}.tw`;
  const village = `${township}.v1`;
  await step(as('committee').post('/offices', { id: township, name: '访问矩阵测试乡' }), 201, `add ${township}`);
  await step(as('committee').post('/offices', { id: village, name: '访问矩阵测试村' }), 201, `add ${village}`);
  const staged = await step(
    call(null, 'POST', '/ledger-imports', ledgerOf({ name: 'own', side: 'chengguan', districtId: d.id, townshipId: township, villageId: village }, { dryRun: false }), { token: d.token }),
    200,
    'stage a ledger',
  );
  return { batchId: staged.batchId, districtId: d.id };
}

/** A ledger import of a demo district, staged and then rejected (the district's lock is released), retried while another one of the district is pending. */
async function rejectedLedger(loc: Location): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const res = await as(officeOf(loc)).post('/ledger-imports', ledgerOf(loc, { dryRun: false }));
    if (res.status === 409 && res.body?.error?.code === 'ledger_import_pending' && attempt < 20) {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    if (res.status !== 200) throw new Error(`fixture step "stage a ledger in ${loc.districtId}" answered ${res.status}: ${JSON.stringify(res.body)}`);
    await step(as('committee').post(`/ledger-imports/${res.body.batchId}/approval`, { decision: 'reject', reason: '访问矩阵测试' }), 200, 'reject the ledger');
    return res.body.batchId;
  }
}

const LEDGER_NO_OFFICE = 'the templates name no office: the same for every caller of the roles (checked by the inside cells)';

// ---------- one scenario per route ----------

interface Req {
  path: string;
  body?: unknown;
  query?: Record<string, string>;
  /** a list answer that must hold at least one item (the fixtures put one there) */
  nonEmpty?: boolean;
}

interface CheckContext {
  callerOffice: string;
  req: Req;
  expect: typeof expect;
}

/** Who calls in a cell: its role (null: no token), the side of the demo offices it sits on, and its office. */
interface Caller {
  role: Role | null;
  side: Side;
  office: string;
}

interface Scenario {
  /** the request(s) of a cell against a record of (or naming) the target location; `inside` when caller and target share a subtree */
  build: (target: Location, inside: boolean, caller: Caller) => Promise<Req | Req[]>;
  /** a caller of the scenario's own for some cells (instead of the demo user of the role and side) */
  caller?: (role: Role, scope: ScopeName) => Promise<{ token: string; office: string } | undefined>;
  /** extra checks of a successful inside answer */
  check?: (res: Answer, c: CheckContext) => void;
  /** scopes that cannot be built for this route, with the reason */
  notApplicable?: Partial<Record<ScopeName, string>>;
}

const DISTRICT_LEVEL = 'rounds belong to a district; another township of the same district is upward context, readable by design';
const LIST_UPWARD = 'a township may list its own district (upward), the answer is filtered to its township: checked by the inside cells';

/** Every item of a list lies in the caller's subtree, and a list of the list round is not empty. */
const listedWithin =
  (field: string) =>
  (res: Answer, { callerOffice, req, expect }: CheckContext) => {
    const items = res.body?.items as any[];
    expect(Array.isArray(items), JSON.stringify(res.body)).toBe(true);
    const leaked = items.filter((i) => !isWithin(String(i[field]), callerOffice)).map((i) => `${i.id} of ${i[field]}`);
    expect(leaked, `items outside ${callerOffice} in ${JSON.stringify(req.query)}`).toEqual([]);
    if (req.query?.roundId || field === 'id' || req.nonEmpty) expect(items.length, `no items for ${JSON.stringify(req.query ?? {})}`).toBeGreaterThan(0);
  };

const PROGRAMME_WIDE = 'the programme settings belong to no office: one set for the whole programme';
const REPORT_LEVEL = 'reports are per district (a township may not read them): checked by the role cells';
const REQUEST_NAMES_NO_OFFICE = 'POST /round-requests names no office: a district requests a round for itself (its token’s office)';
const IMPORT_ROWS = 'the round is district-level context for a township; a row naming another township’s village is refused row by row in a 200 answer (checked by its own test below)';

/** A report read: its default (the caller's own districts) and by the target's district, as JSON, by township and as CSV. */
function reports(name: string, target: Location, inside: boolean): Req[] {
  const path = `/reports/${name}`;
  const queries: Record<string, string>[] = inside
    ? [{}, { districtId: target.districtId }, { districtId: target.districtId, groupBy: 'township' }, { districtId: target.districtId, format: 'csv' }]
    : [{ districtId: target.districtId }];
  return queries.map((query) => ({ path, query }));
}

/** Every row of a report lies in the caller's subtree (by its district or office); a CSV answer is a CSV file. */
const reportWithin = (res: Answer, { callerOffice, req, expect }: CheckContext) => {
  if (req.query?.format === 'csv') {
    expect(res.headers['content-type'], 'a CSV report').toMatch(/^text\/csv/);
    return;
  }
  const rows = res.body?.rows as any[];
  expect(Array.isArray(rows), JSON.stringify(res.body)).toBe(true);
  const leaked = rows.map((r) => r.districtId ?? r.officeId).filter((o) => o !== undefined && !isWithin(String(o), callerOffice));
  expect(leaked, `rows outside ${callerOffice} in ${JSON.stringify(req.query)}`).toEqual([]);
};

/** A list read: its own default (inside only), by the target's district, and by the target district's list round. */
function lists(path: string, target: Location, inside: boolean, withRound: boolean): Req[] {
  const queries: Record<string, string>[] = [];
  if (inside) queries.push({});
  queries.push({ districtId: target.districtId });
  if (withRound) queries.push({ roundId: shared.listRound[target.side] });
  return queries.map((query) => ({ path, query }));
}

/** A committee member of the test's own, who proposes the settings changes the committee cells confirm or withdraw. */
const PROPOSER = { username: `acc-proposer-${randomUUID().slice(0, 8)}`, role: 'committee', officeId: 'lhasa' } as const;

/** One pending change exists at a time: the two committee cells that decide one take turns (released by their check, or after 20 s). */
let proposalTurn: Promise<void> = Promise.resolve();
let endTurn: (() => void) | undefined;

/**
 * For the committee: a fresh pending loosening of the settings by PROPOSER — what waits is
 * withdrawn, the reveals limit put back to its default 20 (tightening: at once), then 21
 * proposed. The shared database thus sees at most one reveal a day more while a cell runs;
 * four eyes and back-dating are never touched. Other roles are refused before the id is read.
 */
async function freshProposal(role: Role | null): Promise<string> {
  if (role !== 'committee') return '01JACCESS000000000000000000';
  const before = proposalTurn;
  let release!: () => void;
  proposalTurn = new Promise<void>((r) => {
    release = r;
    setTimeout(r, 20_000);
  });
  await before;
  endTurn = release;
  const token = await tokens.sign(PROPOSER);
  const post = (path: string, body: unknown) => call(null, 'POST', path, body, { token });
  const now = (await call(null, 'GET', '/settings', undefined, { token })).body;
  if (now.pending) await step(post('/settings/pending/withdraw', { proposalId: now.pending.id }), 200, 'withdraw what waits');
  if (now.revealsPerDay !== 20) await step(post('/settings', { revealsPerDay: 20, reason: '访问矩阵测试：恢复默认' }), 200, 'reveals back to 20');
  const proposed = await step(post('/settings', { revealsPerDay: 21, reason: '访问矩阵测试：提出放宽' }), 200, 'propose 21 reveals a day');
  return proposed.pending.id as string;
}

const SCENARIOS: Record<RouteKey, Scenario> = {
  'GET /health': { build: async () => ({ path: '/health' }) },
  'GET /openapi.json': { build: async () => ({ path: '/openapi.json' }) },

  'GET /offices': {
    build: async () => ({ path: '/offices' }),
    check: (res, c) => {
      listedWithin('id')(res, c);
      c.expect(res.body.items.map((o: { id: string }) => o.id)).toContain(c.callerOffice);
    },
    notApplicable: {
      outside: 'GET /offices names no office: it lists the caller’s own subtree (checked by the inside cells)',
      'outside-caller': 'GET /offices names no office: it lists the caller’s own subtree (checked by the inside cells)',
      'outside-township': 'GET /offices names no office: it lists the caller’s own subtree (checked by the inside cells)',
    },
  },
  'POST /offices': {
    build: async (t) => ({ path: '/offices', body: { id: `${t.townshipId}.acc-${randomUUID().slice(0, 8)}`, name: '访问矩阵测试村' } }),
  },

  'POST /staff': {
    // the committee adds district-level staff, a district office township staff: the role follows the caller
    build: async (t, _inside, caller) => ({ path: '/staff', body: staffInput(caller.role === 'committee' ? { role: 'field', officeId: t.districtId } : { role: 'township', officeId: t.townshipId }) }),
    check: (res, { req, expect }) => expect(res.body).toMatchObject({ id: expect.any(String), username: (req.body as { username: string }).username, active: true }),
    notApplicable: { 'outside-township': 'a township may not manage staff at all (role cells); districts hold every township of theirs' },
  },
  'GET /me': {
    build: async () => ({ path: '/me' }),
    check: (res, { callerOffice, expect }) => expect(res.body).toMatchObject({ officeId: callerOffice, userId: expect.any(String), displayName: expect.any(String) }),
    notApplicable: {
      outside: 'GET /me names no office: it answers the caller’s own directory record',
      'outside-caller': 'GET /me names no office: it answers the caller’s own directory record',
      'outside-township': 'GET /me names no office: it answers the caller’s own directory record',
    },
  },
  'GET /staff': {
    build: async () => ({ path: '/staff', nonEmpty: true }),
    check: listedWithin('officeId'),
    notApplicable: {
      outside: 'GET /staff names no office: it lists the caller’s own subtree (checked by the inside cells)',
      'outside-caller': 'GET /staff names no office: it lists the caller’s own subtree (checked by the inside cells)',
      'outside-township': 'GET /staff names no office: it lists the caller’s own subtree (checked by the inside cells)',
    },
  },
  'PATCH /staff/{id}': {
    build: async (t, _inside, caller) => {
      const input = staffInput(caller.role === 'committee' ? { role: 'field', officeId: t.districtId } : { role: 'township', officeId: t.townshipId });
      const admin = t.side === 'chengguan' ? 'district' : 'district-b';
      const created = await step(as(admin).post('/staff', input), 201, `add ${input.username}`);
      return { path: `/staff/${created.id}`, body: { displayName: '访问矩阵 · 改名' } };
    },
    check: (res, { expect }) => expect(res.body).toMatchObject({ displayName: '访问矩阵 · 改名', version: 2 }),
    notApplicable: { 'outside-township': 'a township may not manage staff at all (role cells); districts hold every township of theirs' },
  },

  'POST /rounds': {
    build: async (t) => ({ path: '/rounds', body: roundInput({ districtId: t.districtId }) }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'GET /settings': {
    build: async () => ({ path: '/settings' }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ separationOfDuties: expect.any(Boolean), backDatedAfterDays: expect.any(Number) }),
    notApplicable: { outside: PROGRAMME_WIDE, 'outside-caller': PROGRAMME_WIDE, 'outside-township': PROGRAMME_WIDE },
  },
  'POST /settings': {
    // the defaults: other test files run at the same time against the same settings
    build: async () => ({ path: '/settings', body: { separationOfDuties: true, backDatedAfterDays: 7, reason: '访问矩阵测试：保持默认' } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ separationOfDuties: true, backDatedAfterDays: 7 }),
    notApplicable: { outside: PROGRAMME_WIDE, 'outside-caller': PROGRAMME_WIDE, 'outside-township': PROGRAMME_WIDE },
  },
  'POST /settings/pending/confirm': {
    // a loosening proposed by another committee member of the test's own (the caller may not confirm her own), built fresh per cell
    build: async (_t, _inside, caller) => ({ path: '/settings/pending/confirm', body: { proposalId: await freshProposal(caller.role) } }),
    check: (res, { expect }) => {
      endTurn?.();
      expect(res.body).toMatchObject({ revealsPerDay: 21 });
    },
    notApplicable: { outside: PROGRAMME_WIDE, 'outside-caller': PROGRAMME_WIDE, 'outside-township': PROGRAMME_WIDE },
  },
  'POST /settings/pending/withdraw': {
    build: async (_t, _inside, caller) => ({ path: '/settings/pending/withdraw', body: { proposalId: await freshProposal(caller.role) } }),
    check: (res, { expect }) => {
      endTurn?.();
      expect(res.body.pending).toBeUndefined();
    },
    notApplicable: { outside: PROGRAMME_WIDE, 'outside-caller': PROGRAMME_WIDE, 'outside-township': PROGRAMME_WIDE },
  },
  'GET /settings/history': {
    build: async () => ({ path: '/settings/history' }),
    check: (res, { expect }) => expect(Array.isArray(res.body.items)).toBe(true),
    notApplicable: { outside: PROGRAMME_WIDE, 'outside-caller': PROGRAMME_WIDE, 'outside-township': PROGRAMME_WIDE },
  },
  'GET /rounds': {
    build: async (t, inside) => lists('/rounds', t, inside, false),
    check: (res, { callerOffice, req, expect }) => {
      const items = res.body?.items as any[];
      expect(Array.isArray(items), JSON.stringify(res.body)).toBe(true);
      expect(items.length, `no rounds for ${JSON.stringify(req.query)}`).toBeGreaterThan(0);
      const hidden = items.filter((r) => !isWithin(r.districtId, callerOffice) && !isWithin(callerOffice, r.districtId)).map((r) => `${r.id} of ${r.districtId}`);
      expect(hidden, `rounds ${callerOffice} may not see`).toEqual([]);
    },
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'GET /rounds/{id}': {
    build: async (t) => ({ path: `/rounds/${shared.round[t.side]}` }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'POST /rounds/{id}/close': {
    build: async (t) => ({ path: `/rounds/${await newRound(t.side)}/close`, body: { closedOn: daysAgo(1) } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'closed', closedOn: daysAgo(1) }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'POST /round-requests': {
    // the inside district cell calls from a district of its own with no rounds: only there may a request succeed
    caller: async (role, scope) => (role === 'district' && scope === 'inside' ? isolatedDistrict().then((d) => ({ token: d.token, office: d.id })) : undefined),
    build: async () => ({ path: '/round-requests', body: roundRequest() }),
    check: (res, { callerOffice, expect }) => expect(res.body).toMatchObject({ status: 'pending', districtId: callerOffice }),
    notApplicable: { outside: REQUEST_NAMES_NO_OFFICE, 'outside-caller': REQUEST_NAMES_NO_OFFICE, 'outside-township': REQUEST_NAMES_NO_OFFICE },
  },
  'GET /round-requests': {
    build: async (t, inside, caller) => {
      const reqs = lists('/round-requests', t, inside, false);
      if (inside && caller.role === 'committee') reqs.push({ path: '/round-requests', query: { districtId: shared.requestDistrict, status: 'pending' }, nonEmpty: true });
      return reqs;
    },
    check: listedWithin('districtId'),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'POST /round-requests/{id}/decision': {
    // a request lives in a district of its own (a demo district never has every round recovered); only the committee decides, and nothing is outside it
    build: async () => ({ path: `/round-requests/${(await pendingRoundRequest()).requestId}/decision`, body: { decision: 'approve', openedOn: today(), capitalFen: 2_000_000 } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'approved', round: { status: 'open', capitalFen: 2_000_000 } }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'POST /rounds/{id}/imports': {
    build: async (t) => ({ path: `/rounds/${shared.round[t.side]}/imports`, body: importBody(t) }),
    check: (res, { expect }) => expect(res.body, JSON.stringify(res.body)).toMatchObject({ dryRun: false, accepted: 1, refused: 0, rows: [{ status: 'accepted' }] }),
    notApplicable: { 'outside-township': IMPORT_ROWS },
  },

  'POST /applications': {
    build: async (t) => ({ path: '/applications', body: appInput(shared.round[t.side], t) }),
  },
  'GET /applications': {
    build: async (t, inside) => lists('/applications', t, inside, true),
    check: listedWithin('villageId'),
    notApplicable: { 'outside-township': LIST_UPWARD },
  },
  'GET /applications/{id}': {
    build: async (t) => ({ path: `/applications/${shared.records[t.name as LocationName].appId}` }),
  },
  'POST /applications/{id}/notice': {
    build: async (t) => ({ path: `/applications/${await submitted(t)}/notice`, body: { postedOn: daysAgo(55), place: '村委会公示栏' } }),
  },
  'POST /applications/{id}/objections': {
    build: async (t) => ({ path: `/applications/${await noticed(t)}/objections`, body: { raisedOn: daysAgo(53), raisedBy: '村民', content: '家里有拖拉机' } }),
  },
  'POST /applications/{id}/objections/{objectionId}/resolution': {
    build: async (t) => {
      const { appId, objectionId } = await withObjection(t);
      return { path: `/applications/${appId}/objections/${objectionId}/resolution`, body: { resolvedOn: daysAgo(50), outcome: 'dismissed', note: '拖拉机已报废，经核实' } };
    },
  },
  'POST /applications/{id}/resident-id': {
    build: async (t) => ({ path: `/applications/${shared.records[t.name as LocationName].appId}/resident-id`, body: { reason: '核对重复申请' } }),
    check: (res, { expect }) => expect(res.body.residentId).toMatch(/^\d{17}[\dX]$/),
  },
  'POST /applications/{id}/visits': {
    build: async (t) => ({ path: `/applications/${await submitted(t)}/visits`, body: visitInput({ visitedOn: daysAgo(45) }) }),
  },
  'POST /applications/{id}/personal-data-copy': {
    build: async (t) => ({ path: `/applications/${shared.records[t.name as LocationName].appId}/personal-data-copy`, body: { askedOn: daysAgo(1) } }),
    check: (res, { expect }) => expect(res.body.applications.length).toBeGreaterThanOrEqual(1),
  },
  'POST /applications/{id}/personal-data-correction': {
    build: async (t) => ({ path: `/applications/${await submitted(t)}/personal-data-correction`, body: { phone: `139${String(randomInt(1e8)).padStart(8, '0')}`, reason: '本人换了手机号码' } }),
    check: (res, { expect }) => expect(res.body.corrected).toEqual(['phone']),
  },

  'POST /applications/{id}/screening': {
    build: async (t) => ({ path: `/applications/${await submitted(t)}/screening` }),
  },
  'POST /applications/{id}/decision': {
    build: async (t) => ({ path: `/applications/${await submitted(t)}/decision`, body: { decision: 'reject', decidedOn: daysAgo(1), reason: '收入高于本村平均' } }),
  },

  'POST /loans/{id}/agreement': {
    build: async (t) => ({ path: `/loans/${await approvedLoan(t)}/agreement`, body: agreementInput(daysAgo(29)) }),
  },
  'POST /loans/{id}/disbursement': {
    build: async (t) => ({ path: `/loans/${await agreedLoan(t)}/disbursement`, body: disbursement() }),
  },

  'POST /loans/{id}/evaluations': {
    build: async (t) => ({ path: `/loans/${await activeLoan(t)}/evaluations`, body: evaluationInput('midterm') }),
  },

  'POST /loans/{id}/repayments': {
    build: async (t) => ({ path: `/loans/${await activeLoan(t)}/repayments`, body: { paidOn: daysAgo(5), amountFen: 100_000, receiptNo: `R-${randomInt(1e9)}` } }),
  },
  'POST /loans/{id}/write-off': {
    build: async (t) => ({ path: `/loans/${await activeLoan(t)}/write-off`, body: { writtenOffOn: daysAgo(1), reason: '牲畜全部病死，无力偿还' } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'written_off', balanceFen: 0, writeOff: { amountFen: 1_000_000 } }),
  },

  'POST /remittances': {
    build: async (t, inside, caller) => {
      const repaymentId = await heldRepayment(t);
      const reqs: Req[] = [{ path: '/remittances', body: handOver(t.townshipId, [repaymentId]) }];
      // outside: also handing the foreign repayment over from a township of the caller's own
      if (!inside) reqs.push({ path: '/remittances', body: handOver(callerOffice('township', caller.side), [repaymentId]) });
      return reqs;
    },
    check: (res, { req, expect }) => {
      const body = req.body as ReturnType<typeof handOver>;
      expect(res.body).toMatchObject({ level: 'township_to_district', fromOfficeId: body.fromOfficeId, repaymentCount: 1, flagged: false });
    },
  },
  'GET /remittances': {
    build: async (t, inside) => lists('/remittances', t, inside, false).map((r) => ({ ...r, nonEmpty: !!r.query?.districtId })),
    check: listedWithin('fromOfficeId'),
    notApplicable: { 'outside-township': LIST_UPWARD },
  },
  'GET /remittances/waiting': {
    build: async (t, inside, caller): Promise<Req[]> => {
      const path = '/remittances/waiting';
      // a township sees only what it holds itself: its district's list is upward and refused, so it is asked only outside
      if (inside)
        return [
          { path, query: {}, nonEmpty: true },
          { path, query: { officeId: t.townshipId }, nonEmpty: true },
          ...(caller.role === 'township' ? [] : [{ path, query: { officeId: t.districtId }, nonEmpty: true }]),
        ];
      return [
        { path, query: { officeId: t.townshipId } },
        { path, query: { officeId: t.districtId } },
      ];
    },
    check: listedWithin('villageId'),
  },
  'GET /remittances/{id}': {
    build: async (t) => ({ path: `/remittances/${shared.batches[t.name as LocationName]}` }),
    check: (res, { req, expect }) => expect(res.body).toMatchObject({ id: req.path.split('/')[2], repaymentCount: 1, repayments: [expect.objectContaining({ remittanceState: 'at_district' })] }),
  },

  'POST /confirmation-lists': {
    build: async (t) => ({ path: '/confirmation-lists', body: { sentOn: daysAgo(30), loanIds: [await approvedLoan(t)] } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'sent', items: [expect.objectContaining({ status: 'listed', visitCount: 2 })] }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'GET /confirmation-lists': {
    build: async (t, inside) => lists('/confirmation-lists', t, inside, false).map((r) => ({ ...r, nonEmpty: !!r.query?.districtId })),
    check: listedWithin('districtId'),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'GET /confirmation-lists/{id}': {
    build: async (t) => ({ path: `/confirmation-lists/${shared.confirmationLists[t.side]}` }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'sent', history: [expect.objectContaining({ action: 'confirmation_list_sent' })] }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'POST /confirmation-lists/{id}/decision': {
    build: async (t) => ({ path: `/confirmation-lists/${await sentList(t)}/decision`, body: { decidedOn: today() } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'decided', items: [expect.objectContaining({ status: 'confirmed' })] }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },

  'POST /evaluation-reports': {
    build: async (t) => {
      const loanId = await activeLoan(t);
      await step(as(officeOf(t)).post(`/loans/${loanId}/evaluations`, evaluationInput('midterm')), 201, 'evaluate at mid-term');
      const { roundId } = await step(as(officeOf(t)).get(`/loans/${loanId}`), 200, 'read the loan');
      return { path: '/evaluation-reports', body: { roundId, point: 0 } };
    },
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'draft', revision: 1, figures: expect.objectContaining({ householdsDue: 1, householdsEvaluated: 1 }) }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'GET /evaluation-reports': {
    build: async (t, inside) => lists('/evaluation-reports', t, inside, false).map((r) => ({ ...r, nonEmpty: !!r.query?.districtId })),
    check: listedWithin('districtId'),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'GET /evaluation-reports/due': {
    build: async (t, inside) => lists('/evaluation-reports/due', t, inside, false),
    check: (res, { callerOffice, expect }) => {
      const districts = res.body.districts as { districtId: string }[];
      expect(districts.filter((d) => !isWithin(d.districtId, callerOffice))).toEqual([]);
    },
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'GET /evaluation-reports/{id}': {
    build: async (t) => ({ path: `/evaluation-reports/${shared.evaluationReports[t.side]}` }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'draft', history: [expect.objectContaining({ action: 'evaluation_report_drafted' })] }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'PATCH /evaluation-reports/{id}': {
    build: async (t) => ({ path: `/evaluation-reports/${await draftedReport(t)}`, body: { assessment: '各户资金按计划使用，进展正常' } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'draft', assessment: '各户资金按计划使用，进展正常' }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'POST /evaluation-reports/{id}/submit': {
    build: async (t) => ({ path: `/evaluation-reports/${await draftedReport(t)}/submit`, body: { reportedOn: today() } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'submitted' }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'POST /evaluation-reports/{id}/review': {
    build: async (t) => ({ path: `/evaluation-reports/${await submittedReport(t)}/review`, body: { decision: 'received', reviewedOn: today() } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'received' }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },

  'GET /loans': {
    build: async (t, inside) => lists('/loans', t, inside, true),
    check: listedWithin('villageId'),
    notApplicable: { 'outside-township': LIST_UPWARD },
  },
  'GET /loans/{id}': {
    build: async (t) => ({ path: `/loans/${shared.records[t.name as LocationName].loanId}` }),
  },
  'POST /loans/{id}/sms-preference': {
    build: async (t) => ({ path: `/loans/${shared.records[t.name as LocationName].loanId}/sms-preference`, body: { optIn: true, lang: 'bo', phone: '13800138000', reason: '本人同意接收短信' } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ optIn: true, lang: 'bo', phone: '13800138000' }),
  },
  'POST /applications/{id}/sms-preference': {
    build: async (t) => ({ path: `/applications/${shared.records[t.name as LocationName].appId}/sms-preference`, body: { optIn: false, lang: 'zh-CN', reason: '本人要求停止短信' } }),
  },
  'GET /loans/{id}/messages': {
    build: async (t) => ({ path: `/loans/${shared.records[t.name as LocationName].loanId}/messages` }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ messages: expect.any(Array) }),
  },
  'POST /collection-notices': {
    build: async (t) => ({ path: '/collection-notices', body: { townshipId: t.townshipId, on: daysAgo(-3), place: '乡政府院内' } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ queued: expect.any(Number) }),
  },
  'GET /sms/month': {
    build: async () => ({ path: '/sms/month' }),
    notApplicable: { outside: PROGRAMME_WIDE, 'outside-caller': PROGRAMME_WIDE, 'outside-township': PROGRAMME_WIDE },
  },
  'POST /sms/settings': {
    build: async () => ({ path: '/sms/settings', body: { reminderDaysBefore: [30, 7], overdueDaysAfter: [1, 30] } }),
    notApplicable: { outside: PROGRAMME_WIDE, 'outside-caller': PROGRAMME_WIDE, 'outside-township': PROGRAMME_WIDE },
  },
  'GET /public/receipts/{loanId}/{repaymentId}': {
    build: async (t) => ({ path: `/public/receipts/${shared.records[t.name as LocationName].loanId}/${shared.records[t.name as LocationName].appId}`, query: { t: 'AAAAAAAAAAAAAAAAAAAAAA' } }),
    check: (res, { expect }) => expect(res.body).toEqual({ genuine: false }),
  },
  'GET /search': {
    // every location's records are of mothers named 次仁卓玛: whoever searches finds only those in its own subtree
    build: async () => ({ path: '/search', query: { q: '次仁卓玛' }, nonEmpty: true }),
    check: listedWithin('officeId'),
    notApplicable: {
      outside: 'GET /search names no office: it searches the caller’s own subtree (checked by the inside cells and test/integration/search.test.ts)',
      'outside-caller': 'GET /search names no office: it searches the caller’s own subtree (checked by the inside cells and test/integration/search.test.ts)',
      'outside-township': 'GET /search names no office: it searches the caller’s own subtree (checked by the inside cells and test/integration/search.test.ts)',
    },
  },

  'GET /reports/repayment': { build: async (t, inside) => reports('repayment', t, inside), check: reportWithin, notApplicable: { 'outside-township': REPORT_LEVEL } },
  'GET /reports/portfolio': { build: async (t, inside) => reports('portfolio', t, inside), check: reportWithin, notApplicable: { 'outside-township': REPORT_LEVEL } },
  'GET /reports/outcomes': { build: async (t, inside) => reports('outcomes', t, inside), check: reportWithin, notApplicable: { 'outside-township': REPORT_LEVEL } },
  'GET /reports/evaluations': { build: async (t, inside) => reports('evaluations', t, inside), check: reportWithin, notApplicable: { 'outside-township': REPORT_LEVEL } },
  'GET /reports/collection': {
    build: async (t) => ({ path: '/reports/collection', query: { townshipId: t.townshipId } }),
    check: (res, { callerOffice, expect }) => {
      const villages = res.body?.villages as { officeId: string }[];
      expect(villages.length, JSON.stringify(res.body)).toBeGreaterThan(0);
      expect(villages.filter((v) => !isWithin(v.officeId, callerOffice))).toEqual([]);
    },
  },
  'GET /reports/fund': { build: async (t, inside) => reports('fund', t, inside), check: reportWithin, notApplicable: { 'outside-township': REPORT_LEVEL } },
  'GET /reports/exceptions': {
    build: async (t, inside) => {
      const path = '/reports/exceptions';
      const queries: Record<string, string>[] = inside ? [{}, { districtId: t.districtId }, { districtId: t.districtId, format: 'csv' }] : [{ districtId: t.districtId }];
      return queries.map((query): Req => ({ path, query }));
    },
    check: (res, { callerOffice, req, expect }) => {
      if (req.query?.format === 'csv') return expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const leaked = (res.body.items as { districtId: string }[]).filter((e) => !isWithin(e.districtId, callerOffice));
      expect(leaked).toEqual([]);
    },
    notApplicable: { 'outside-township': REPORT_LEVEL },
  },
  'GET /ledger-imports/templates': {
    build: async () => [
      { path: '/ledger-imports/templates', query: { kind: 'loans', format: 'csv' } },
      { path: '/ledger-imports/templates', query: { kind: 'repayments', format: 'xlsx' } },
    ],
    check: (res, { req, expect }) => expect(res.headers['content-type']).toMatch(req.query?.format === 'csv' ? /^text\/csv/ : /spreadsheetml/),
    notApplicable: { outside: LEDGER_NO_OFFICE, 'outside-caller': LEDGER_NO_OFFICE, 'outside-township': LEDGER_NO_OFFICE },
  },
  'POST /ledger-imports': {
    // a dry run: every cell checks a new ledger of the target's village and writes nothing
    build: async (t) => ({ path: '/ledger-imports', body: ledgerOf(t) }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ dryRun: true, accepted: 4, refused: 0, reconciled: true }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'GET /ledger-imports': {
    build: async (t, inside) => lists('/ledger-imports', t, inside, false).map((r) => ({ ...r, nonEmpty: !!r.query?.districtId })),
    check: listedWithin('districtId'),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'GET /ledger-imports/{id}': {
    build: async (t) => ({ path: `/ledger-imports/${shared.ledgerBatches[t.side]}` }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'POST /ledger-imports/{id}/approval': {
    build: async () => ({ path: `/ledger-imports/${(await stagedLedger()).batchId}/approval`, body: { decision: 'reject', reason: '访问矩阵测试' } }),
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'rejected' }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },
  'POST /ledger-imports/{id}/apply': {
    build: async () => {
      const { batchId } = await stagedLedger();
      await step(as('committee').post(`/ledger-imports/${batchId}/approval`, { decision: 'approve' }), 200, 'approve the ledger');
      return { path: `/ledger-imports/${batchId}/apply` };
    },
    check: (res, { expect }) => expect(res.body).toMatchObject({ status: 'applied' }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
  },

  'GET /reports/remittances': { build: async (t, inside) => reports('remittances', t, inside), check: reportWithin, notApplicable: { 'outside-township': REPORT_LEVEL } },

  'POST /loans/{id}/consents': { build: async (t) => ({ path: `/loans/${shared.records[t.name as LocationName].loanId}/consents`, body: healthConsentBody() }) },
  'POST /health-checks': { build: async (t) => ({ path: '/health-checks', body: await checkOf(t) }), check: (res, { expect }) => expect(res.body).not.toHaveProperty('women') },
  'GET /health-checks': {
    build: async (t, inside) => lists('/health-checks', t, inside, false),
    check: listedWithin('districtId'),
    notApplicable: { 'outside-township': LIST_UPWARD },
  },
  'GET /health-checks/{id}/findings': { build: async (t) => ({ path: `/health-checks/${await campaignOf(t)}/findings` }) },
  'POST /health-checks/{id}/follow-up': {
    build: async (t) => ({ path: `/health-checks/${await campaignOf(t)}/follow-up`, body: { followedUpOn: today(), cured: [{ womanId: 'w1', category: 'vaginitis' }] } }),
  },
  'POST /training-sessions': {
    build: async (t) => ({ path: '/training-sessions', body: { ...trainingBody(shared.records[t.name as LocationName].loanId), districtId: t.districtId, townshipId: t.townshipId } }),
  },
  'GET /training-sessions': {
    build: async (t, inside) => lists('/training-sessions', t, inside, false),
    check: listedWithin('districtId'),
    notApplicable: { 'outside-township': LIST_UPWARD },
  },
  'POST /public-reports/preview': { build: async () => ({ path: '/public-reports/preview', body: publicReportBody() }) },
  'POST /public-reports': { build: async () => ({ path: '/public-reports', body: publicReportBody() }) },
  'POST /public-reports/{id}/withdrawal': { build: async () => ({ path: `/public-reports/${await publishedReport()}/withdrawal` }) },
  'GET /public/reports': { build: async () => ({ path: '/public/reports' }) },
  'GET /public/reports/{id}': {
    build: async () => {
      if (!shared.publicReport) shared.publicReport = await publishedReport();
      return { path: `/public/reports/${shared.publicReport}` };
    },
  },
};

/** A campaign body checking the location's shared loan's mother, after her household's health consent (recorded by her district office). */
async function checkOf(t: Location) {
  const loanId = shared.records[t.name as LocationName].loanId;
  await step(as(officeOf(t)).post(`/loans/${loanId}/consents`, healthConsentBody()), 201, 'health consent');
  return { ...healthCheckBody(loanId), districtId: t.districtId };
}

/** A campaign of the location's district (its own, so a follow-up cures its finding once). */
async function campaignOf(t: Location): Promise<string> {
  return (await step(as(officeOf(t)).post('/health-checks', await checkOf(t)), 201, 'record a health check')).id;
}

// ---------- the table, generated from the route table ----------

/**
 * The expected answers come from the reviewed access policy (docs/access-policy.json), not from
 * the route table under test: a role granted by mistake in shared/routes.ts fails below.
 */
const POLICY = JSON.parse(readFileSync(new URL('../../docs/access-policy.json', import.meta.url), 'utf8')) as { routes: Record<string, readonly Role[] | 'public'> };
const ROUTE_KEYS = Object.keys(ROUTES) as RouteKey[];
const rolesOf = (route: RouteKey): readonly Role[] | undefined => {
  const allowed = POLICY.routes[route];
  return allowed === 'public' ? undefined : (allowed ?? []);
};

interface Cell {
  label: string;
  route: RouteKey;
  /** null: no token */
  role: Role | null;
  scope: ScopeName;
  expected: number;
}

interface NotApplicable {
  route: RouteKey;
  role: Role;
  scope: ScopeName;
  reason: string;
}

function whyNotApplicable(route: RouteKey, role: Role, scope: ScopeName): string | undefined {
  if (scope === 'inside') return undefined;
  if (!rolesOf(route)) return 'public route: no office scope';
  if (role === 'committee') return 'the committee is the root office: nothing lies outside its subtree';
  if (scope === 'outside-township' && role !== 'township') return `a ${role} caller’s subtree holds every township of its district`;
  return SCENARIOS[route]?.notApplicable?.[scope];
}

function expectedStatus(route: RouteKey, role: Role | null, scope: ScopeName): number {
  const roles = rolesOf(route);
  if (!roles) return 200;
  if (!role || !roles.includes(role)) return 403;
  if (scope !== 'inside') return 403;
  return (ROUTES[route] as RouteSpec).status ?? 200;
}

const CELLS: Cell[] = [];
const NOT_APPLICABLE: NotApplicable[] = [];
for (const route of ROUTE_KEYS) {
  for (const role of ROLES) {
    for (const scope of SCOPE_NAMES) {
      const reason = whyNotApplicable(route, role, scope);
      if (reason) {
        NOT_APPLICABLE.push({ route, role, scope, reason });
        continue;
      }
      const expected = expectedStatus(route, role, scope);
      const where = rolesOf(route) ? ` (${SCOPES[scope].label})` : '';
      CELLS.push({ label: `${route} as ${role}${where} → ${expected}`, route, role, scope, expected });
    }
  }
  if (!rolesOf(route)) CELLS.push({ label: `${route} without a token → 200`, route, role: null, scope: 'inside', expected: 200 });
}

const queryString = (q?: Record<string, string>) => (q && Object.keys(q).length ? `?${new URLSearchParams(q)}` : '');

beforeAll(async () => {
  const sides: Side[] = ['chengguan', 'duilongdeqing'];
  const rounds = await Promise.all(sides.map(async (side) => [side, await newRound(side), await newRound(side)] as const));
  for (const [side, round, listRound] of rounds) {
    shared.round[side] = round;
    shared.listRound[side] = listRound;
  }
  const names = Object.keys(LOCATIONS) as LocationName[];
  const apps = await Promise.all(names.map(async (name) => [name, await ready(LOCATIONS[name], shared.listRound[LOCATIONS[name].side])] as const));
  // approvals one at a time: they all write their list round's counters
  for (const [name, appId] of apps) shared.records[name] = { appId, loanId: await approve(LOCATIONS[name], appId) };
  // per location: a batch handed to the district (one repayment) and a repayment its township still holds
  const targets = (['zhiba', 'minzu', 'boma'] as const).map((name) => LOCATIONS[name]);
  const batches = await Promise.all(
    targets.map(async (loc) => {
      const loanId = await activeLoan(loc);
      const handed = await heldRepayment(loc, loanId);
      await heldRepayment(loc, loanId);
      const batch = await step(as(officeOf(loc)).post('/remittances', handOver(loc.townshipId, [handed])), 201, `hand over from ${loc.townshipId}`);
      return [loc.name as LocationName, batch.id as string] as const;
    }),
  );
  for (const [name, batchId] of batches) shared.batches[name] = batchId;
  shared.requestDistrict = (await pendingRoundRequest()).districtId;
  for (const side of sides) shared.ledgerBatches[side] = await rejectedLedger(side === 'chengguan' ? LOCATIONS.zhiba : LOCATIONS.boma);
  for (const side of sides) shared.confirmationLists[side] = await sentList(side === 'chengguan' ? LOCATIONS.zhiba : LOCATIONS.boma);
  for (const side of sides) shared.evaluationReports[side] = await draftedReport(side === 'chengguan' ? LOCATIONS.zhiba : LOCATIONS.boma);
}, 120_000);

describe('the access matrix', () => {
  it('the route table grants exactly the roles of the reviewed access policy (docs/access-policy.json)', () => {
    const granted = Object.fromEntries(ROUTE_KEYS.map((k) => [k, (ROUTES[k] as { roles?: readonly Role[] }).roles ?? 'public']));
    const reviewed = Object.fromEntries(ROUTE_KEYS.map((k) => [k, POLICY.routes[k] ?? 'missing from the policy']));
    expect(granted).toEqual(reviewed);
    expect(
      Object.keys(POLICY.routes).filter((k) => !(k in ROUTES)),
      'policy entries for routes that no longer exist',
    ).toEqual([]);
  });

  it('has a scenario for exactly the routes of the route table', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...ROUTE_KEYS].sort());
  });

  it('has an inside cell for every route × role, and every cell left out says why', () => {
    for (const route of ROUTE_KEYS)
      for (const role of ROLES)
        expect(
          CELLS.some((c) => c.route === route && c.role === role && c.scope === 'inside'),
          `${route} ${role}`,
        ).toBe(true);
    expect(CELLS.length + NOT_APPLICABLE.length).toBe(ROUTE_KEYS.length * ROLES.length * SCOPE_NAMES.length + ROUTE_KEYS.filter((r) => !rolesOf(r)).length);
    for (const na of NOT_APPLICABLE) expect(na.reason.length, `${na.route} ${na.role} ${na.scope}`).toBeGreaterThan(0);
  });

  describe.concurrent('cells', () => {
    it.for(CELLS.map((cell) => [cell.label, cell] as const))('%s', async ([, cell], { expect }) => {
      const scenario = SCENARIOS[cell.route];
      if (!scenario) throw new Error(`no scenario for ${cell.route}: add one to SCENARIOS`);
      const { method } = splitRouteKey(cell.route);
      const scope = SCOPES[cell.scope];
      const own = cell.role ? await scenario.caller?.(cell.role, cell.scope) : undefined;
      const token = own ? own.token : cell.role ? await callerToken(cell.role, scope.callerSide) : null;
      const office = own ? own.office : cell.role ? callerOffice(cell.role, scope.callerSide) : '';
      const requests = [await scenario.build(LOCATIONS[scope.target], cell.scope === 'inside', { role: cell.role, side: scope.callerSide, office })].flat();
      for (const req of requests) {
        const res = await call(null, method, req.path, req.body, { token, query: req.query });
        const context = `${method} ${req.path}${queryString(req.query)} → ${res.status} ${JSON.stringify(res.body)}`;
        expect(res.status, context).toBe(cell.expected);
        if (cell.expected === 403) expect(res.body?.error?.code, context).toBe('forbidden');
        else if (cell.role) scenario.check?.(res, { callerOffice: office, req, expect });
      }
    });
  });

  describe.concurrent('inside cells a demo office cannot show', () => {
    it('POST /rounds/{id}/imports by a township, with a row of another township’s village → 200 with that row refused, nothing written', async ({ expect }) => {
      const body = importBody(LOCATIONS.minzu);
      const residentId = body.content.split('\r\n')[1]!.split(',')[1]!;
      const res = await as('township').post(`/rounds/${shared.round.chengguan}/imports`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ accepted: 0, refused: 1, alreadyImported: 0, rows: [{ row: 2, status: 'refused', errors: [expect.objectContaining({ field: 'villageId' })] }] });
      expect(await getRecord(keys.mother(motherKey(residentId))), 'the refused row’s mother was written').toBeUndefined();
    });
  });
});

describe('authentication on every route with roles', () => {
  const UNKNOWN_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
  const foreign = new TokenIssuer();
  const cases = ROUTE_KEYS.filter((k) => rolesOf(k)).flatMap((route) => [
    { label: `${route} without a token → 401`, route, forged: false },
    { label: `${route} with a token signed by another secret → 401`, route, forged: true },
  ]);

  describe.concurrent('401', () => {
    it.for(cases.map((c) => [c.label, c] as const))('%s', async ([, { route, forged }], { expect }) => {
      const { method, path } = splitRouteKey(route);
      // the forged token claims a role the route allows, so only the signature keeps it out
      const user = DEMO_USERS.find((u) => u.role === rolesOf(route)![0])!;
      const token = forged ? await foreign.sign(user) : null;
      const res = await call(null, method, path.replace(/\{\w+\}/g, UNKNOWN_ID), method === 'POST' ? {} : undefined, { token });
      expect(res.status, JSON.stringify(res.body)).toBe(401);
      expect(res.body?.error?.code, JSON.stringify(res.body)).toBe('unauthenticated');
    });
  });
});
