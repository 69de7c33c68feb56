/** Who may call what: tokens, roles on every route, the office subtree, unknown and malformed ids, the public routes. */
import { randomInt, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, TokenIssuer } from '../../dev/tokens.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { ROUTES, splitRouteKey, type RouteKey } from '../../shared/routes.ts';
import { api, as, call, tokens, type UserName } from '../support/api.ts';
import {
  activeLoan,
  agreementInput,
  confirmLoans,
  applicationInput,
  BOMA,
  daysAgo,
  evaluationInput,
  MINZU,
  openRound,
  readyApplication,
  residentId,
  roundInput,
  today,
  visitInput,
} from '../support/fixtures.ts';
import { disbursementInput, expectError, expectStatus, listAll, repaymentInput, submit, UNKNOWN_ID } from './refusal-helpers.ts';
import { noteRepayment, repaymentRefs } from '../support/repayment-refs.ts';

const USER_OF_ROLE: Record<Role, UserName> = { committee: 'committee', district: 'district', township: 'township', field: 'field' };
const ALL_ROLES = Object.keys(USER_OF_ROLE) as Role[];
const user = (name: UserName) => DEMO_USERS.find((u) => u.username === name)!;

const routeKeys = Object.keys(ROUTES) as RouteKey[];
const protectedRoutes = routeKeys.filter((k) => 'roles' in ROUTES[k]);
const rolesOf = (k: RouteKey): readonly Role[] => (ROUTES[k] as { roles?: readonly Role[] }).roles ?? [];
const pathOf = (k: RouteKey, id = UNKNOWN_ID) => splitRouteKey(k).path.replace(/\{\w+\}/g, id);
const CAIGONGTANG = 'lhasa.chengguan.caigongtang';
const handOver = (fromOfficeId: string, repaymentIds: string[]) => ({
  level: 'township_to_district',
  fromOfficeId,
  handedOverOn: today(),
  amountFen: 100_000 * repaymentIds.length,
  repaymentRefs: repaymentRefs(repaymentIds),
  handedOverBy: '格桑',
  receivedBy: '王丽',
});
const roundRequest = () => ({ name: `访问测试申请 ${randomInt(1e6)}`, requestedOn: today(), capitalFen: 2_000_000, reason: '上一轮已全部收回' });

let roundId: string;

beforeAll(async () => {
  roundId = await openRound({ capitalFen: 1_000_000_000 });
});

describe('tokens', () => {
  const submitWith = (token: string | null) => call(null, 'POST', '/applications', applicationInput(roundId), { token });

  it('refuses a request without a token (401)', async () => {
    expectError(await submitWith(null), 401, { code: 'unauthenticated' });
  });

  it('refuses a garbage token (401)', async () => {
    expectError(await submitWith('not.a.jwt'), 401, { code: 'unauthenticated' });
    expectError(await submitWith('garbage'), 401, { code: 'unauthenticated' });
  });

  it('refuses an expired token (401)', async () => {
    expectError(await submitWith(await tokens.sign(user('township'), { expiresIn: Math.floor(Date.now() / 1000) - 3600 })), 401, { code: 'unauthenticated' });
    expectError(await submitWith(await tokens.sign(user('township'), { expiresIn: '-1h' })), 401, { code: 'unauthenticated' });
  });

  it('refuses a token for another audience (401)', async () => {
    expectError(await submitWith(await tokens.sign(user('township'), { audience: 'some-other-app' })), 401, { code: 'unauthenticated' });
  });

  it('refuses a token signed with another key (401)', async () => {
    const forged = await new TokenIssuer().sign(user('committee'));
    expectError(await submitWith(forged), 401, { code: 'unauthenticated' });
  });

  it('refuses an Authorization header that is not a bearer token (401)', async () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ']) {
      const res = await api.handle({ method: 'GET', path: '/applications', headers: { authorization } });
      expectError({ status: res.status, headers: res.headers, body: JSON.parse(res.body) }, 401, { code: 'unauthenticated' });
    }
  });

  it('ignores token groups: no group, an unknown one or several still act as the directory says (403 for a committee route)', async () => {
    for (const groups of [[], ['admin'], ['committee', 'township'], ['committee']]) {
      const token = await tokens.sign({ username: 'township' }, { groups });
      expect((await call(null, 'GET', '/offices', undefined, { token })).status, `groups ${groups.join(',')}`).toBe(200);
      expectError(await call(null, 'POST', '/rounds', { districtId: 'lhasa.chengguan', name: '不该开的轮', openedOn: '2026-01-01', capitalFen: 1_000_000 }, { token }), 403, { code: 'forbidden' });
    }
  });

  it('refuses a person whose directory office does not fit her role (403)', async () => {
    const token = await tokens.sign({ username: 'odd', role: 'township', officeId: 'lhasa.chengguan' });
    expectError(await submitWith(token), 403, { code: 'forbidden' });
  });
});

describe('roles on every route', () => {
  it.each(protectedRoutes)('%s refuses a request without a token (401)', async (key) => {
    const { method } = splitRouteKey(key);
    expectError(await call(null, method, pathOf(key), method === 'POST' ? {} : undefined), 401, { code: 'unauthenticated' });
  });

  const denied = protectedRoutes.flatMap((key) => ALL_ROLES.filter((r) => !rolesOf(key).includes(r)).map((role) => [key, role] as const));
  it.each(denied)('%s refuses role %s (403)', async (key, role) => {
    const { method } = splitRouteKey(key);
    const res = await call(USER_OF_ROLE[role], method, pathOf(key), method === 'POST' ? {} : undefined);
    expectError(res, 403, { code: 'forbidden', message: `role ${role} may not call ${key}` });
  });

  const allowed = protectedRoutes.flatMap((key) => rolesOf(key).map((role) => [key, role] as const));
  it.each(allowed)('%s lets role %s past the role check (no 403, never 500)', async (key, role) => {
    const { method } = splitRouteKey(key);
    const res = await call(USER_OF_ROLE[role], method, pathOf(key), method === 'POST' ? {} : undefined);
    expect(res.status, JSON.stringify(res.body)).not.toBe(403);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  });

  it('only the district office decides: township and field get 403', async () => {
    const appId = await readyApplication(roundId);
    const decision = { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 };
    expectError(await as('township').post(`/applications/${appId}/decision`, decision), 403, { code: 'forbidden' });
    expectError(await as('field').post(`/applications/${appId}/decision`, decision), 403, { code: 'forbidden' });
    expectError(await as('committee').post(`/applications/${appId}/decision`, decision), 403, { code: 'forbidden' });
    const file = await as('district').get(`/applications/${appId}`);
    expect(file.body.status).toBe('submitted');
  });

  it('only the committee opens rounds: district gets 403', async () => {
    expectError(await as('district').post('/rounds', roundInput()), 403, { code: 'forbidden' });
    expectError(await as('township').post('/rounds', roundInput()), 403, { code: 'forbidden' });
  });

  it('field staff cannot submit applications (403)', async () => {
    expectError(await as('field').post('/applications', applicationInput(roundId)), 403, { code: 'forbidden' });
  });
});

describe('the office subtree', () => {
  let appId: string;
  let loanId: string;

  beforeAll(async () => {
    appId = await submit(roundId);
    loanId = await activeLoan(roundId);
  });

  it('a township cannot submit for a village of another township in its district (403)', async () => {
    expectError(await as('township').post('/applications', applicationInput(roundId, { villageId: MINZU })), 403, { code: 'forbidden' });
  });

  it('a township cannot submit for a village of another district (403)', async () => {
    expectError(await as('township').post('/applications', applicationInput(roundId, { villageId: BOMA })), 403, { code: 'forbidden' });
  });

  it('district-b cannot read a chengguan application or loan (403)', async () => {
    expectError(await as('district-b').get(`/applications/${appId}`), 403, { code: 'forbidden' });
    expectError(await as('district-b').get(`/loans/${loanId}`), 403, { code: 'forbidden' });
    expectError(await as('township-b').get(`/applications/${appId}`), 403, { code: 'forbidden' });
    expectError(await as('township-b').get(`/loans/${loanId}`), 403, { code: 'forbidden' });
  });

  it('district-b cannot read a chengguan round (403)', async () => {
    expectError(await as('district-b').get(`/rounds/${roundId}`), 403, { code: 'forbidden' });
  });

  it('a township cannot read an application of another township in its district (403)', async () => {
    const minzuApp = await submit(roundId, { villageId: MINZU }, 'district');
    expectError(await as('township').get(`/applications/${minzuApp}`), 403, { code: 'forbidden' });
    expectError(await as('township').post(`/applications/${minzuApp}/notice`, { postedOn: daysAgo(55) }), 403, { code: 'forbidden' });
  });

  it('the other district cannot change a chengguan application (403)', async () => {
    expectError(await as('township-b').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 403, { code: 'forbidden' });
    expectError(await as('district-b').post(`/applications/${appId}/visits`, visitInput()), 403, { code: 'forbidden' });
    expectError(await as('district-b').post(`/applications/${appId}/screening`), 403, { code: 'forbidden' });
    expectError(await as('district-b').post(`/applications/${appId}/decision`, { decision: 'reject', decidedOn: daysAgo(1), reason: '不符合条件' }), 403, { code: 'forbidden' });
    const file = await as('district').get(`/applications/${appId}`);
    expect(file.body).toMatchObject({ status: 'submitted', visits: [] });
    expect(file.body.notice).toBeUndefined();
  });

  it('the other district cannot change a chengguan loan (403)', async () => {
    expectError(await as('district-b').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm')), 403, { code: 'forbidden' });
    expectError(await as('township-b').post(`/loans/${loanId}/repayments`, repaymentInput(100_000)), 403, { code: 'forbidden' });
    expectError(await as('district-b').post(`/loans/${loanId}/repayments`, repaymentInput(100_000)), 403, { code: 'forbidden' });
    const loan = await as('district').get(`/loans/${loanId}`);
    expect(loan.body).toMatchObject({ balanceFen: 1_000_000, repayments: [], evaluations: [] });
  });

  it('the other district cannot sign or disburse a chengguan loan (403)', async () => {
    const otherApp = await readyApplication(roundId);
    const decision = await as('district-2').post(`/applications/${otherApp}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 });
    expectStatus(decision, 200);
    const approvedLoan = decision.body.loanId as string;
    expectError(await as('district-b').post(`/loans/${approvedLoan}/agreement`, agreementInput(daysAgo(29))), 403, { code: 'forbidden' });
    expectStatus(await as('district').post(`/loans/${approvedLoan}/agreement`, agreementInput(daysAgo(29))), 200);
    expectError(await as('district-b').post('/confirmation-lists', { sentOn: today(), loanIds: [approvedLoan] }), 403, { code: 'forbidden' });
    await confirmLoans([approvedLoan]);
    expectError(await as('district-b').post(`/loans/${approvedLoan}/disbursement`, disbursementInput()), 403, { code: 'forbidden' });
    expectError(await as('township-b').post(`/loans/${approvedLoan}/disbursement`, disbursementInput()), 403, { code: 'forbidden' });
    expect((await as('district').get(`/loans/${approvedLoan}`)).body.status).toBe('approved');
  });

  it('a district cannot add an office outside its subtree (403)', async () => {
    expectError(await as('district').post('/offices', { id: 'lhasa.duilongdeqing.refused-town', name: '不应创建' }), 403, { code: 'forbidden' });
    expectError(await as('district-b').post('/offices', { id: 'lhasa.chengguan.caigongtang.refused-village', name: '不应创建' }), 403, { code: 'forbidden' });
  });
});

describe('the office subtree on rounds, round requests, write-offs, imports, remittances and reports', () => {
  let loanId: string;
  let batchId: string;
  let heldRepayment: string;

  beforeAll(async () => {
    loanId = await activeLoan(roundId);
    const [handed, held] = [await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(100_000)), await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(100_000))];
    expectStatus(handed, 201);
    expectStatus(held, 201);
    heldRepayment = noteRepayment(held.body.id, loanId);
    const batch = await as('township').post('/remittances', handOver(CAIGONGTANG, [noteRepayment(handed.body.id, loanId)]));
    expectStatus(batch, 201);
    batchId = batch.body.id;
  });

  it('the other district cannot close a chengguan round (403); it stays open', async () => {
    const round = await openRound();
    expectError(await as('district-b').post(`/rounds/${round}/close`, { closedOn: daysAgo(1) }), 403, { code: 'forbidden' });
    expect((await as('district').get(`/rounds/${round}`)).body.status).toBe('open');
  });

  it('a district cannot list the round requests of another district (403)', async () => {
    expectError(await as('district').get('/round-requests', { query: { districtId: 'lhasa.duilongdeqing' } }), 403, { code: 'forbidden' });
    expectError(await as('district-b').get('/round-requests', { query: { districtId: 'lhasa.chengguan' } }), 403, { code: 'forbidden' });
    expectStatus(await as('district').get('/round-requests'), 200);
  });

  it('a district may ask for a new round while older loans are still being repaid: the request carries the fund position (past 401/403)', async () => {
    const districtId = `lhasa.acc-${randomUUID().slice(0, 8)}`;
    expectStatus(await as('committee').post('/offices', { id: districtId, name: '访问测试区' }), 201);
    expectStatus(await as('committee').post('/rounds', { districtId, name: '第一轮', openedOn: daysAgo(10), capitalFen: 2_000_000 }), 201);
    const token = await tokens.sign({ username: `clerk-${districtId.split('.')[1]}`, role: 'district', officeId: districtId });
    const request = await call(null, 'POST', '/round-requests', roundRequest(), { token });
    expectStatus(request, 201);
    expect(request.body.fundPosition).toMatchObject({ grantedFen: 2_000_000, availableFen: 0, roundsNotRecovered: [expect.objectContaining({ name: '第一轮', status: 'open' })] });
    expectError(await call(null, 'POST', '/round-requests', roundRequest(), { token }), 409, { code: 'request_pending' });
  });

  it('only the committee decides a round request: the requesting district gets 403 and the request stays pending', async () => {
    const districtId = `lhasa.acc-${randomUUID().slice(0, 8)}`;
    expectStatus(await as('committee').post('/offices', { id: districtId, name: '访问测试区' }), 201);
    const token = await tokens.sign({ username: `clerk-${districtId.split('.')[1]}`, role: 'district', officeId: districtId });
    const request = await call(null, 'POST', '/round-requests', roundRequest(), { token });
    expectStatus(request, 201);
    const decide = { decision: 'approve', openedOn: daysAgo(0), capitalFen: 2_000_000 };
    expectError(await call(null, 'POST', `/round-requests/${request.body.id}/decision`, decide, { token }), 403, { code: 'forbidden' });
    expectError(await as('district').post(`/round-requests/${request.body.id}/decision`, decide), 403, { code: 'forbidden' });
    const listed = await as('committee').get('/round-requests', { query: { districtId } });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: request.body.id, status: 'pending' })]);
  });

  it('only the committee writes off: district and township get 403, the loan keeps its balance', async () => {
    const loan = await activeLoan(roundId);
    const writeOff = { writtenOffOn: daysAgo(1), reason: '无力偿还' };
    expectError(await as('district').post(`/loans/${loan}/write-off`, writeOff), 403, { code: 'forbidden', message: 'role district may not call POST /loans/{id}/write-off' });
    expectError(await as('township').post(`/loans/${loan}/write-off`, writeOff), 403, { code: 'forbidden' });
    expect((await as('district').get(`/loans/${loan}`)).body).toMatchObject({ status: 'active', balanceFen: 1_000_000 });
  });

  it('the other district cannot import into a chengguan round (403), and nothing is written', async () => {
    const round = await openRound();
    const content = `name,residentId,villageId,householdSize,householdAnnualIncomeYuan,villagePerCapitaIncomeYuan,familyPlanning,projectType,projectDescription,expectedAnnualReturnYuan,amountRequestedYuan,submittedOn\r\n卓玛,${residentId()},${BOMA},5,12000,4000,two_daughters,livestock,养殖牦牛,8000,10000,${daysAgo(30)}\r\n`;
    expectError(await as('township-b').post(`/rounds/${round}/imports`, { format: 'csv', content }), 403, { code: 'forbidden' });
    expectError(await as('district-b').post(`/rounds/${round}/imports`, { format: 'csv', content }), 403, { code: 'forbidden' });
    expect((await as('district').get('/applications', { query: { roundId: round } })).body.items).toEqual([]);
  });

  it('the other district cannot hand over, read or list chengguan remittances (403)', async () => {
    expectError(await as('township-b').post('/remittances', handOver(CAIGONGTANG, [heldRepayment])), 403, { code: 'forbidden' });
    expectError(await as('district-b').post('/remittances', handOver(CAIGONGTANG, [heldRepayment])), 403, { code: 'forbidden' });
    // naming its own township does not help: the repayment was collected elsewhere
    expectError(await as('township-b').post('/remittances', handOver('lhasa.duilongdeqing.naiqiong', [heldRepayment])), 403, { code: 'forbidden' });
    expectError(await as('township-b').get(`/remittances/${batchId}`), 403, { code: 'forbidden' });
    expectError(await as('district-b').get(`/remittances/${batchId}`), 403, { code: 'forbidden' });
    expectError(await as('district-b').get('/remittances', { query: { districtId: 'lhasa.chengguan' } }), 403, { code: 'forbidden' });
    expectError(await as('district-b').get('/remittances/waiting', { query: { officeId: CAIGONGTANG } }), 403, { code: 'forbidden' });
    // nor can another township of the district, or the township read its district's list
    expectError(await as('township').get('/remittances/waiting', { query: { officeId: 'lhasa.chengguan.niangre' } }), 403, { code: 'forbidden' });
    expectError(await as('township').get('/remittances/waiting', { query: { officeId: 'lhasa.chengguan' } }), 403, { code: 'forbidden' });
    const waiting = await listAll<{ id: string }>('township', '/remittances/waiting', { limit: '100' });
    expect(waiting.map((r) => r.id)).toContain(heldRepayment);
  });

  // the district offices' reports (the exceptions report is the committee's only: test/integration/controls.test.ts; the collection list is per township: checked below)
  const REPORTS = routeKeys.filter((k) => k.startsWith('GET /reports/') && rolesOf(k).includes('district') && k !== 'GET /reports/collection');
  it.each(REPORTS)('%s: a district gets 403 for another district, a township 403, field staff 403 unless allowed', async (key) => {
    const path = pathOf(key);
    expectStatus(await as('district').get(path), 200);
    expectStatus(await as('committee').get(path, { query: { districtId: 'lhasa.duilongdeqing' } }), 200);
    expectError(await as('district').get(path, { query: { districtId: 'lhasa.duilongdeqing' } }), 403, { code: 'forbidden' });
    expectError(await as('district-b').get(path, { query: { districtId: 'lhasa.chengguan' } }), 403, { code: 'forbidden' });
    expectError(await as('township').get(path), 403, { code: 'forbidden' });
    if (rolesOf(key).includes('field')) {
      expectStatus(await as('field').get(path), 200);
      expectError(await as('field').get(path, { query: { districtId: 'lhasa.duilongdeqing' } }), 403, { code: 'forbidden' });
    } else expectError(await as('field').get(path), 403, { code: 'forbidden' });
  });

  it('GET /reports/collection: a township reads its own list, not another township’s; a district its own townships; field staff 403', async () => {
    const path = '/reports/collection';
    expectStatus(await as('township').get(path, { query: { townshipId: 'lhasa.chengguan.caigongtang' } }), 200);
    expectError(await as('township').get(path, { query: { townshipId: 'lhasa.chengguan.niangre' } }), 403, { code: 'forbidden' });
    expectStatus(await as('district').get(path, { query: { townshipId: 'lhasa.chengguan.niangre' } }), 200);
    expectError(await as('district').get(path, { query: { townshipId: 'lhasa.duilongdeqing.naiqiong' } }), 403, { code: 'forbidden' });
    expectStatus(await as('committee').get(path, { query: { townshipId: 'lhasa.duilongdeqing.naiqiong' } }), 200);
    expectError(await as('field').get(path, { query: { townshipId: 'lhasa.chengguan.caigongtang' } }), 403, { code: 'forbidden' });
  });
});

describe('unknown and malformed ids', () => {
  const valid: Partial<Record<RouteKey, unknown>> = {
    'POST /loans/{id}/consents': { kind: 'health', givenOn: daysAgo(5), takenBy: '王丽' },
    'POST /health-checks/{id}/follow-up': { followedUpOn: daysAgo(1), cured: [{ womanId: 'w1', category: 'vaginitis' }] },
    'POST /applications/{id}/notice': { postedOn: daysAgo(5) },
    'POST /applications/{id}/objections': { raisedOn: daysAgo(5), content: '有异议' },
    'POST /applications/{id}/objections/{objectionId}/resolution': { resolvedOn: daysAgo(5), outcome: 'dismissed', note: '经核实' },
    'POST /applications/{id}/visits': visitInput(),
    'POST /applications/{id}/decision': { decision: 'reject', decidedOn: daysAgo(1), reason: '不符合条件' },
    'POST /loans/{id}/agreement': agreementInput(daysAgo(5)),
    'POST /loans/{id}/disbursement': disbursementInput(),
    'POST /loans/{id}/evaluations': evaluationInput('midterm'),
    'POST /loans/{id}/repayments': repaymentInput(100_000),
    'POST /loans/{id}/write-off': { writtenOffOn: daysAgo(1), reason: '无力偿还' },
    'POST /rounds/{id}/close': { closedOn: daysAgo(1) },
    'POST /rounds/{id}/imports': { format: 'csv', content: 'name,residentId\r\n卓玛,540102199001011234\r\n', dryRun: true },
    'POST /round-requests/{id}/decision': { decision: 'reject', reason: '资金不足' },
    'POST /applications/{id}/resident-id': { reason: '核对重复申请' },
    'POST /applications/{id}/personal-data-copy': { askedOn: daysAgo(1) },
    'POST /applications/{id}/personal-data-correction': { phone: '13900000000', reason: '本人换了手机号码' },
    'POST /ledger-imports/{id}/approval': { decision: 'reject', reason: '台账缺少签字' },
    'PATCH /staff/{id}': { displayName: '改名' },
    'POST /loans/{id}/sms-preference': { optIn: false, lang: 'bo', reason: '本人要求停止短信' },
    'POST /applications/{id}/sms-preference': { optIn: false, lang: 'bo', reason: '本人要求停止短信' },
    'POST /confirmation-lists/{id}/decision': { decidedOn: daysAgo(1) },
    'PATCH /evaluation-reports/{id}': { assessment: '资金按计划使用' },
    'POST /evaluation-reports/{id}/submit': { reportedOn: daysAgo(1) },
    'POST /evaluation-reports/{id}/review': { decision: 'received', reviewedOn: daysAgo(1) },
  };
  const idRoutes = routeKeys.filter((k) => k.includes('{id}'));

  it('has a valid body for every POST route with an id', () => {
    const missing = idRoutes.filter((k) => splitRouteKey(k).method !== 'GET' && 'body' in ROUTES[k] && !(k in valid));
    expect(missing, 'add a valid body to `valid`, so the 404 is about the id and not the body').toEqual([]);
  });

  const asUser = (key: RouteKey): UserName => USER_OF_ROLE[rolesOf(key).includes('district') ? 'district' : rolesOf(key)[0]!];

  it.each(idRoutes)('%s answers 404 for an unknown id', async (key) => {
    const { method } = splitRouteKey(key);
    const res = await call(asUser(key), method, pathOf(key), method !== 'GET' ? valid[key] : undefined);
    expectError(res, 404, { code: 'not_found' });
  });

  it('resolving an unknown objection of a real application answers 404', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
    const res = await as('district').post(`/applications/${appId}/objections/${UNKNOWN_ID}/resolution`, { resolvedOn: daysAgo(5), outcome: 'dismissed', note: '经核实' });
    expectError(res, 404, { code: 'not_found' });
  });

  const malformed = ['not-an-id', 'abc', '01arz3ndektsv4rrffq69g5fav', "'%20OR%201=1", '%E4%B8%AD%E6%96%87', 'A'.repeat(27), 'x'.repeat(3000)];
  const readRoutes: RouteKey[] = ['GET /applications/{id}', 'GET /loans/{id}', 'GET /rounds/{id}', 'GET /remittances/{id}', 'POST /applications/{id}/screening'];
  const cases = readRoutes.flatMap((key) => malformed.map((id) => [key, id.length > 40 ? `${id.slice(0, 10)}… (${id.length} chars)` : id, id] as const));
  it.each(cases)('%s with malformed id %s answers 404 or 400, never 500', async (key, _label, id) => {
    const { method } = splitRouteKey(key);
    const res = await call(asUser(key), method, pathOf(key, id));
    expect([400, 404], `${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
    expect(res.body.error.code).toEqual(expect.any(String));
  });

  it('a route that does not exist answers 404, a wrong method 405', async () => {
    expectError(await as('district').get('/nothing-here'), 404, { code: 'no_route' });
    expectError(await call('district', 'DELETE', `/applications/${UNKNOWN_ID}`), 405, { code: 'method_not_allowed' });
  });
});

describe('public routes', () => {
  it('GET /health answers 200 without a token', async () => {
    const res = await call(null, 'GET', '/health');
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'reachable' });
  });

  it('GET /openapi.json answers 200 with a path entry for every route', async () => {
    const res = await call(null, 'GET', '/openapi.json');
    expectStatus(res, 200);
    expect(res.body.openapi).toMatch(/^3\.1/);
    for (const key of routeKeys) {
      const { method, path } = splitRouteKey(key);
      expect(res.body.paths?.[path]?.[method.toLowerCase()], key).toEqual(expect.objectContaining({ summary: expect.any(String), responses: expect.any(Object) }));
    }
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual([...routeKeys].sort());
  });
});
