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
 */
import { randomInt, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, TokenIssuer } from '../../dev/tokens.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { isWithin } from '../../shared/domain/offices.ts';
import { residentIdCheckChar } from '../../shared/domain/resident-id.ts';
import { ROLES, type Role } from '../../shared/domain/roles.ts';
import { ROUTES, splitRouteKey, type RouteKey, type RouteSpec } from '../../shared/routes.ts';
import { as, call, tokenFor, tokens, type Answer, type UserName } from '../support/api.ts';
import { agreementInput, applicationInput, BOMA, CHENGGUAN, daysAgo, evaluationInput, MINZU, roundInput, visitInput, ZHIBA } from '../support/fixtures.ts';

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

async function newRound(side: Side): Promise<string> {
  return (await step(as('committee').post('/rounds', roundInput({ districtId: DISTRICT_OF[side] })), 201, `open a ${side} round`)).id;
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

async function approve(loc: Location, appId: string): Promise<string> {
  const decision = { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 };
  return (await step(as(officeOf(loc)).post(`/applications/${appId}/decision`, decision), 200, 'approve')).loanId;
}

/** A loan in its own round (so concurrent cells never write the same round item). */
async function approvedLoan(loc: Location): Promise<string> {
  return approve(loc, await ready(loc, await newRound(loc.side)));
}

async function agreedLoan(loc: Location): Promise<string> {
  const loanId = await approvedLoan(loc);
  await step(as(officeOf(loc)).post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29))), 200, 'record the agreement');
  return loanId;
}

const disbursement = () => ({ disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true });

async function activeLoan(loc: Location): Promise<string> {
  const loanId = await agreedLoan(loc);
  await step(as(officeOf(loc)).post(`/loans/${loanId}/disbursement`, disbursement()), 200, 'disburse');
  return loanId;
}

// ---------- one scenario per route ----------

interface Req {
  path: string;
  body?: unknown;
  query?: Record<string, string>;
}

interface CheckContext {
  callerOffice: string;
  req: Req;
  expect: typeof expect;
}

interface Scenario {
  /** the request(s) of a cell against a record of (or naming) the target location; `inside` when caller and target share a subtree */
  build: (target: Location, inside: boolean) => Promise<Req | Req[]>;
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
    if (req.query?.roundId || field === 'id') expect(items.length, `no items for ${JSON.stringify(req.query ?? {})}`).toBeGreaterThan(0);
  };

/** A list read: its own default (inside only), by the target's district, and by the target district's list round. */
function lists(path: string, target: Location, inside: boolean, withRound: boolean): Req[] {
  const queries: Record<string, string>[] = [];
  if (inside) queries.push({});
  queries.push({ districtId: target.districtId });
  if (withRound) queries.push({ roundId: shared.listRound[target.side] });
  return queries.map((query) => ({ path, query }));
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

  'POST /rounds': {
    build: async (t) => ({ path: '/rounds', body: roundInput({ districtId: t.districtId }) }),
    notApplicable: { 'outside-township': DISTRICT_LEVEL },
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
  'POST /applications/{id}/visits': {
    build: async (t) => ({ path: `/applications/${await submitted(t)}/visits`, body: visitInput({ visitedOn: daysAgo(45) }) }),
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

  'GET /loans': {
    build: async (t, inside) => lists('/loans', t, inside, true),
    check: listedWithin('villageId'),
    notApplicable: { 'outside-township': LIST_UPWARD },
  },
  'GET /loans/{id}': {
    build: async (t) => ({ path: `/loans/${shared.records[t.name as LocationName].loanId}` }),
  },
};

// ---------- the table, generated from the route table ----------

const ROUTE_KEYS = Object.keys(ROUTES) as RouteKey[];
const rolesOf = (route: RouteKey): readonly Role[] | undefined => (ROUTES[route] as { roles?: readonly Role[] }).roles;

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
});

describe('the access matrix', () => {
  it('has a scenario for exactly the routes of the route table', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...ROUTE_KEYS].sort());
  });

  it('has an inside cell for every route × role, and every cell left out says why', () => {
    for (const route of ROUTE_KEYS) for (const role of ROLES) expect(CELLS.some((c) => c.route === route && c.role === role && c.scope === 'inside'), `${route} ${role}`).toBe(true);
    expect(CELLS.length + NOT_APPLICABLE.length).toBe(ROUTE_KEYS.length * ROLES.length * SCOPE_NAMES.length + ROUTE_KEYS.filter((r) => !rolesOf(r)).length);
    for (const na of NOT_APPLICABLE) expect(na.reason.length, `${na.route} ${na.role} ${na.scope}`).toBeGreaterThan(0);
  });

  describe.concurrent('cells', () => {
    it.for(CELLS.map((cell) => [cell.label, cell] as const))('%s', async ([, cell], { expect }) => {
      const scenario = SCENARIOS[cell.route];
      if (!scenario) throw new Error(`no scenario for ${cell.route}: add one to SCENARIOS`);
      const { method } = splitRouteKey(cell.route);
      const scope = SCOPES[cell.scope];
      const requests = [await scenario.build(LOCATIONS[scope.target], cell.scope === 'inside')].flat();
      const token = cell.role ? await callerToken(cell.role, scope.callerSide) : null;
      for (const req of requests) {
        const res = await call(null, method, req.path, req.body, { token, query: req.query });
        const context = `${method} ${req.path}${queryString(req.query)} → ${res.status} ${JSON.stringify(res.body)}`;
        expect(res.status, context).toBe(cell.expected);
        if (cell.expected === 403) expect(res.body?.error?.code, context).toBe('forbidden');
        else if (cell.role) scenario.check?.(res, { callerOffice: callerOffice(cell.role, scope.callerSide), req, expect });
      }
    });
  });
});

describe('authentication on every route with roles', () => {
  const UNKNOWN_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
  const foreign = new TokenIssuer('another secret, not the API’s, of at least 32 characters');
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
