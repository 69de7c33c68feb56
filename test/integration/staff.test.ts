/**
 * The staff directory decides who may do what: administrators add, move and deactivate
 * people; the token only says who the person is. Against DynamoDB Local, through the same
 * event path as API Gateway (the local verifier checks issuer, audience, signature, exp).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TokenIssuer } from '../../dev/tokens.ts';
import { call, tokens, tokenFor, type Answer } from '../support/api.ts';
import { activeLoan, daysAgo, openRound } from '../support/fixtures.ts';

const CAIGONGTANG = 'lhasa.chengguan.caigongtang';
const NIANGRE = 'lhasa.chengguan.niangre';

/** A token that says only who the person is (no role, no office): everything else comes from the directory. */
const tokenOf = (username: string) => tokens.sign({ username });
const withToken = (token: string) => ({
  get: (path: string) => call(null, 'GET', path, undefined, { token }),
  post: (path: string, body?: unknown, idempotencyKey?: string) => call(null, 'POST', path, body, { token, ...(idempotencyKey ? { idempotencyKey } : {}) }),
  patch: (path: string, body: unknown) => call(null, 'PATCH', path, body, { token }),
});
const asUser = async (user: 'committee' | 'district' | 'district-b' | 'township' | 'field') => withToken(await tokenFor(user));

const ok = (res: Answer, status = 200) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

const newClerk = (officeId = CAIGONGTANG) => ({ username: `clerk-${randomUUID().slice(0, 8)}`, displayName: `蔡公堂乡 · 卓玛${randomInt(1000)}`, role: 'township', officeId });

let loanId: string;
beforeAll(async () => {
  loanId = await activeLoan(await openRound({ capitalFen: 50_000_000 }));
});

describe('a district office manages the staff of its subtree', () => {
  it('adds a township clerk, who signs in, records a repayment in her township named in the history, and is not seen by another district', async () => {
    // prepare: the district office adds a new clerk
    const district = await asUser('district');
    const input = newClerk();
    const created = ok(await district.post('/staff', input), 201);
    expect(created).toMatchObject({ id: expect.stringMatching(/^[0-9A-Z]{26}$/), username: input.username, displayName: input.displayName, role: 'township', officeId: CAIGONGTANG, active: true });

    // act: she signs in (a token with only her name) and records a repayment
    const clerk = withToken(await tokenOf(input.username));
    const paid = await clerk.post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(1), amountFen: 10_000, receiptNo: `S-${randomInt(1e9)}` }, `staff-${randomUUID()}`);

    // assert: it is recorded, and the history names her
    ok(paid, 201);
    const file = ok(await district.get(`/loans/${loanId}`));
    const entry = file.history.find((e: { params?: { repaymentId?: string } }) => e.params?.repaymentId === paid.body.id);
    expect(entry.actor).toMatchObject({ username: input.username, displayName: input.displayName, role: 'township', officeId: CAIGONGTANG, userId: created.id });

    const mine = ok(await district.get('/staff')).items.map((s: { username: string }) => s.username);
    expect(mine).toContain(input.username);
    const theirs = ok(await (await asUser('district-b')).get('/staff')).items.map((s: { username: string }) => s.username);
    expect(theirs).not.toContain(input.username);
    expect(theirs).toContain('district-b');
  });

  it('moving a clerk to another township changes what she sees on her next request', async () => {
    const district = await asUser('district');
    const input = newClerk();
    const { id } = ok(await district.post('/staff', input), 201);
    const clerk = withToken(await tokenOf(input.username));
    expect((await clerk.get(`/loans/${loanId}`)).status).toBe(200);

    ok(await district.patch(`/staff/${id}`, { officeId: NIANGRE }));

    // the same token: she now works for Niangre, and the Caigongtang loan is outside her office
    const refused = await clerk.get(`/loans/${loanId}`);
    expect(refused.status, JSON.stringify(refused.body)).toBe(403);
    const offices = ok(await clerk.get('/offices')).items.map((o: { id: string }) => o.id);
    expect(offices).toContain(NIANGRE);
    expect(offices).not.toContain(CAIGONGTANG);
    expect(ok(await clerk.get('/me'))).toMatchObject({ userId: id, username: input.username, displayName: input.displayName, role: 'township', officeId: NIANGRE });
  });

  it('a deactivated person is refused on the next request, and can be reactivated', async () => {
    const district = await asUser('district');
    const input = newClerk();
    const { id } = ok(await district.post('/staff', input), 201);
    const clerk = withToken(await tokenOf(input.username));
    expect((await clerk.get('/offices')).status).toBe(200);

    expect(ok(await district.patch(`/staff/${id}`, { active: false }))).toMatchObject({ active: false, version: 2 });
    const refused = await clerk.get('/offices');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('staff_inactive');

    ok(await district.patch(`/staff/${id}`, { active: true }));
    expect((await clerk.get('/offices')).status).toBe(200);
  });

  it('the committee manages district staff; a district may not create district staff, nor staff of another district', async () => {
    const committee = await asUser('committee');
    const districtClerk = { username: `dclerk-${randomUUID().slice(0, 8)}`, displayName: '城关区项目办 · 白玛', role: 'district', officeId: 'lhasa.chengguan' };
    ok(await committee.post('/staff', districtClerk), 201);
    expect(ok(await committee.get('/staff')).items.map((s: { username: string }) => s.username)).toEqual(expect.arrayContaining([districtClerk.username, 'district', 'district-b', 'township']));

    const district = await asUser('district');
    const asDistrict = await district.post('/staff', { ...districtClerk, username: `x-${randomUUID().slice(0, 8)}` });
    expect(asDistrict.status).toBe(403);
    const elsewhere = await district.post('/staff', newClerk('lhasa.duilongdeqing.naiqiong'));
    expect(elsewhere.status).toBe(403);
    const township = await (await asUser('township')).post('/staff', newClerk());
    expect(township.status).toBe(403);
  });

  it('the same username cannot be added twice', async () => {
    const district = await asUser('district');
    const input = newClerk();
    ok(await district.post('/staff', input), 201);
    const again = await district.post('/staff', { ...input, username: input.username.toUpperCase() });
    expect(again.status).toBe(422);
    expect(again.body.error.field).toBe('username');
  });
});

describe('staff changes are controls: the account counts as who placed it, and the exceptions report lists it', () => {
  it('created, moved and re-activated are each listed with who did it (a rename and a deactivation are not); the record keeps who created and who last placed it', async () => {
    const district = await asUser('district');
    const input = newClerk();
    const created = ok(await district.post('/staff', input), 201);
    expect(created).toMatchObject({ createdBy: { username: 'district' }, placed: { change: 'created', by: { username: 'district' } } });
    ok(await district.patch(`/staff/${created.id}`, { displayName: `${input.displayName}（改名）` }));
    ok(await district.patch(`/staff/${created.id}`, { officeId: NIANGRE }));
    ok(await district.patch(`/staff/${created.id}`, { active: false }));
    const back = ok(await district.patch(`/staff/${created.id}`, { active: true }));
    expect(back).toMatchObject({ createdBy: { username: 'district' }, placed: { change: 'reactivated', by: { username: 'district' } } });
    const committee = await asUser('committee');
    const report = ok(await committee.get(`/reports/exceptions?districtId=lhasa.chengguan&kind=staff_changed&from=${daysAgo(0)}`));
    const mine = report.items.filter((e: { recordId: string }) => e.recordId === created.id);
    expect(mine.map((e: { data: { change: string } }) => e.data.change)).toEqual(['created', 'moved', 'reactivated']);
    expect(mine.every((e: { actor: { username: string } }) => e.actor.username === 'district')).toBe(true);
    expect(mine[1].text).toContain('account moved');
  });
});

describe('tokens say who, the directory says what', () => {
  it('a person the directory does not know is refused, even with a valid token', async () => {
    const res = await withToken(await tokenOf(`nobody-${randomUUID().slice(0, 8)}`)).get('/offices');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('staff_unknown');
  });

  it('groups in the token pick no role: a township clerk claiming the committee group is still a township clerk', async () => {
    const token = await tokens.sign({ username: 'township' }, { groups: ['committee', 'district'] });
    const res = await call(null, 'POST', '/rounds', { districtId: 'lhasa.chengguan', name: '偷偷开一轮', openedOn: daysAgo(1), capitalFen: 1_000_000 }, { token });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('role township');
  });

  it('a token from another issuer, signed by another key, or without exp is refused (401)', async () => {
    const cases = {
      'another issuer, same key': await tokens.sign({ username: 'district' }, { issuer: 'https://evil.example/oidc' }),
      'another key, same issuer': await new TokenIssuer(undefined, tokens.issuer).sign({ username: 'district' }),
      'no exp claim': await tokens.sign({ username: 'district' }, { expiresIn: false }),
      'another audience': await tokens.sign({ username: 'district' }, { audience: 'another-api' }),
    };
    for (const [what, token] of Object.entries(cases)) {
      const res = await withToken(token).get('/offices');
      expect(res.status, what).toBe(401);
      expect(res.body.error.code, what).toBe('unauthenticated');
    }
    // control: the same person with a proper token gets in
    expect((await withToken(await tokens.sign({ username: 'district' })).get('/offices')).status).toBe(200);
  });
});
