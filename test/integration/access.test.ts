/** Who may call what: tokens, roles on every route, the office subtree, unknown and malformed ids, the public routes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, TokenIssuer } from '../../dev/tokens.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { ROUTES, splitRouteKey, type RouteKey } from '../../shared/routes.ts';
import { api, as, call, tokens, type UserName } from '../support/api.ts';
import { activeLoan, agreementInput, applicationInput, BOMA, daysAgo, evaluationInput, MINZU, openRound, readyApplication, roundInput, visitInput } from '../support/fixtures.ts';
import { disbursementInput, expectError, expectStatus, repaymentInput, submit, UNKNOWN_ID } from './refusal-helpers.ts';

const USER_OF_ROLE: Record<Role, UserName> = { committee: 'committee', district: 'district', township: 'township', field: 'field' };
const ALL_ROLES = Object.keys(USER_OF_ROLE) as Role[];
const user = (name: UserName) => DEMO_USERS.find((u) => u.username === name)!;

const routeKeys = Object.keys(ROUTES) as RouteKey[];
const protectedRoutes = routeKeys.filter((k) => 'roles' in ROUTES[k]);
const rolesOf = (k: RouteKey): readonly Role[] => (ROUTES[k] as { roles?: readonly Role[] }).roles ?? [];
const pathOf = (k: RouteKey, id = UNKNOWN_ID) => splitRouteKey(k).path.replace(/\{\w+\}/g, id);

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
    const forged = await new TokenIssuer('another-secret-of-at-least-32-characters').sign(user('committee'));
    expectError(await submitWith(forged), 401, { code: 'unauthenticated' });
  });

  it('refuses an Authorization header that is not a bearer token (401)', async () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ']) {
      const res = await api.handle({ method: 'GET', path: '/applications', headers: { authorization } });
      expectError({ status: res.status, headers: res.headers, body: JSON.parse(res.body) }, 401, { code: 'unauthenticated' });
    }
  });

  it('refuses a valid token with no known group (403)', async () => {
    expectError(await submitWith(await tokens.sign(user('township'), { groups: [] })), 403, { code: 'forbidden' });
    expectError(await submitWith(await tokens.sign(user('township'), { groups: ['admin'] })), 403, { code: 'forbidden' });
  });

  it('refuses a token whose office does not fit its role (403)', async () => {
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
    const decision = await as('district').post(`/applications/${otherApp}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 });
    expectStatus(decision, 200);
    const approvedLoan = decision.body.loanId as string;
    expectError(await as('district-b').post(`/loans/${approvedLoan}/agreement`, agreementInput(daysAgo(29))), 403, { code: 'forbidden' });
    expectStatus(await as('district').post(`/loans/${approvedLoan}/agreement`, agreementInput(daysAgo(29))), 200);
    expectError(await as('district-b').post(`/loans/${approvedLoan}/disbursement`, disbursementInput()), 403, { code: 'forbidden' });
    expectError(await as('township-b').post(`/loans/${approvedLoan}/disbursement`, disbursementInput()), 403, { code: 'forbidden' });
    expect((await as('district').get(`/loans/${approvedLoan}`)).body.status).toBe('approved');
  });

  it('a district cannot add an office outside its subtree (403)', async () => {
    expectError(await as('district').post('/offices', { id: 'lhasa.duilongdeqing.refused-town', name: '不应创建' }), 403, { code: 'forbidden' });
    expectError(await as('district-b').post('/offices', { id: 'lhasa.chengguan.caigongtang.refused-village', name: '不应创建' }), 403, { code: 'forbidden' });
  });
});

describe('unknown and malformed ids', () => {
  const valid: Partial<Record<RouteKey, unknown>> = {
    'POST /applications/{id}/notice': { postedOn: daysAgo(5) },
    'POST /applications/{id}/objections': { raisedOn: daysAgo(5), content: '有异议' },
    'POST /applications/{id}/objections/{objectionId}/resolution': { resolvedOn: daysAgo(5), outcome: 'dismissed', note: '经核实' },
    'POST /applications/{id}/visits': visitInput(),
    'POST /applications/{id}/decision': { decision: 'reject', decidedOn: daysAgo(1), reason: '不符合条件' },
    'POST /loans/{id}/agreement': agreementInput(daysAgo(5)),
    'POST /loans/{id}/disbursement': disbursementInput(),
    'POST /loans/{id}/evaluations': evaluationInput('midterm'),
    'POST /loans/{id}/repayments': repaymentInput(100_000),
  };
  const idRoutes = routeKeys.filter((k) => k.includes('{id}'));
  const asUser = (key: RouteKey): UserName => USER_OF_ROLE[rolesOf(key).includes('district') ? 'district' : rolesOf(key)[0]!];

  it.each(idRoutes)('%s answers 404 for an unknown id', async (key) => {
    const { method } = splitRouteKey(key);
    const res = await call(asUser(key), method, pathOf(key), method === 'POST' ? valid[key] : undefined);
    expectError(res, 404, { code: 'not_found' });
  });

  it('resolving an unknown objection of a real application answers 404', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
    const res = await as('district').post(`/applications/${appId}/objections/${UNKNOWN_ID}/resolution`, { resolvedOn: daysAgo(5), outcome: 'dismissed', note: '经核实' });
    expectError(res, 404, { code: 'not_found' });
  });

  const malformed = ['not-an-id', 'abc', '01arz3ndektsv4rrffq69g5fav', "'%20OR%201=1", '%E4%B8%AD%E6%96%87', 'A'.repeat(27), 'x'.repeat(3000)];
  const readRoutes: RouteKey[] = ['GET /applications/{id}', 'GET /loans/{id}', 'GET /rounds/{id}', 'POST /applications/{id}/screening'];
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
