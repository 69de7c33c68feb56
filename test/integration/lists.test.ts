/** Lists: filters, masking, the office subtree, pagination and refused queries. */
import { beforeAll, describe, expect, it } from 'vitest';
import { as, type UserName } from '../support/api.ts';
import { activeLoan, BOMA, confirmLoans, daysAgo, MINZU, openRound, readyApplication, residentId, today } from '../support/fixtures.ts';
import { approve, disbursementInput, expectError, expectStatus, listAll, makeReady, repaymentInput, signAgreement, submit, UNKNOWN_ID } from './refusal-helpers.ts';

const ids = (items: { id: string }[]) => items.map((i) => i.id);
const cursorOf = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

describe('GET /applications', () => {
  let roundId: string;
  const submitted: string[] = [];
  let approvedApp: string;
  let rejectedApp: string;
  let minzuApp: string;

  beforeAll(async () => {
    roundId = await openRound({ capitalFen: 100_000_000 });
    for (let i = 0; i < 4; i++) submitted.push(await submit(roundId));
    minzuApp = await submit(roundId, { villageId: MINZU }, 'district');
    submitted.push(minzuApp);
    approvedApp = await readyApplication(roundId);
    await approve(approvedApp);
    rejectedApp = await submit(roundId);
    expectStatus(await as('district').post(`/applications/${rejectedApp}/decision`, { decision: 'reject', decidedOn: daysAgo(1), reason: '收入高于本村平均' }), 200);
  });

  it('?roundId&status=submitted returns only that round’s submitted applications, resident IDs masked', async () => {
    const res = await as('district').get('/applications', { query: { roundId, status: 'submitted' } });
    expectStatus(res, 200);
    expect(ids(res.body.items).sort()).toEqual([...submitted].sort());
    for (const item of res.body.items) {
      expect(item).toMatchObject({ roundId, status: 'submitted' });
      expect(item.mother.residentId).toContain('*');
      expect(item.mother.residentId).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    }
    const approved = await as('district').get('/applications', { query: { roundId, status: 'approved' } });
    expect(ids(approved.body.items)).toEqual([approvedApp]);
    const rejected = await as('district').get('/applications', { query: { roundId, status: 'rejected' } });
    expect(ids(rejected.body.items)).toEqual([rejectedApp]);
  });

  it('never shows a full resident ID in a list', async () => {
    for (const user of ['committee', 'district', 'township', 'field'] as UserName[]) {
      const items = await listAll(user, '/applications', { roundId });
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item.mother.residentId, user).toContain('*');
    }
  });

  it('a township sees only its own township’s applications of a round', async () => {
    const own = await listAll('township', '/applications', { roundId, status: 'submitted' });
    expect(ids(own)).not.toContain(minzuApp);
    expect(ids(own).sort()).toEqual(submitted.filter((id) => id !== minzuApp).sort());
    const all = await listAll('township', '/applications', { roundId });
    expect(ids(all)).not.toContain(minzuApp);
    expect(all.every((a) => a.townshipId === 'lhasa.chengguan.caigongtang')).toBe(true);
    const district = await listAll('township', '/applications', {});
    expect(ids(district)).not.toContain(minzuApp);
    expect(district.every((a) => a.villageId.startsWith('lhasa.chengguan.caigongtang.'))).toBe(true);
    // the district office sees it
    expect(ids(await listAll('district', '/applications', { roundId }))).toContain(minzuApp);
  });

  it('pages with limit=2 and nextCursor cover every item once', async () => {
    const everything = [...submitted, approvedApp, rejectedApp].sort();
    const paged: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await as('district').get('/applications', { query: { roundId, limit: '2', ...(cursor ? { cursor } : {}) } });
      expectStatus(res, 200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...ids(res.body.items));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(cursor).toBeUndefined();
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(new Set(paged).size).toBe(paged.length);
    expect([...paged].sort()).toEqual(everything);
  });

  it('pages a township’s filtered list with limit=1 without duplicates or strangers', async () => {
    const paged = await listAll('township', '/applications', { roundId, limit: '1' });
    expect(new Set(ids(paged)).size).toBe(paged.length);
    expect(ids(paged).sort()).toEqual([...submitted.filter((id) => id !== minzuApp), approvedApp, rejectedApp].sort());
  });

  it.each([
    ['garbage', 'garbage'],
    ['not base64', '!!!***'],
    ['a partition out of range', cursorOf({ p: 7 })],
    ['a negative partition', cursorOf({ p: -1 })],
    ['a key that is not an object', cursorOf({ p: 0, k: 'APP#x' })],
    ['a key of the wrong shape', cursorOf({ p: 0, k: { pk: 'APP#x' } })],
    ['a forged key of another record type', cursorOf({ p: 0, k: { pk: 'x', sk: 'y', roundPk: 'LOAN#x', roundSk: 'z' } })],
  ])('refuses a cursor that is %s (400 or 422, field cursor)', async (_what, cursor) => {
    const res = await as('district').get('/applications', { query: { roundId, cursor } });
    expect([400, 422], `${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
    expectError(res, res.status, { field: 'cursor' });
  });

  it('refuses a cursor returned by another list (400 or 422, field cursor), never 500', async () => {
    const first = await as('district').get('/applications', { query: { roundId, status: 'submitted', limit: '1' } });
    expectStatus(first, 200);
    const cursor = first.body.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const res = await as('district').get('/applications', { query: { roundId, status: 'rejected', cursor } });
    expect([400, 422], `${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
    expectError(res, res.status, { field: 'cursor' });
  });

  it('refuses a cursor longer than 2000 characters (400 cursor)', async () => {
    expectError(await as('district').get('/applications', { query: { roundId, cursor: 'a'.repeat(2001) } }), 400, { field: 'cursor' });
  });

  it('refuses an unknown status (422 status)', async () => {
    expectError(await as('district').get('/applications', { query: { roundId, status: 'bogus' } }), 422, { code: 'validation_failed', field: 'status' });
    expectError(await as('district').get('/applications', { query: { status: 'bogus' } }), 422, { field: 'status' });
  });

  it.each([['0'], ['101'], ['abc'], ['1.5']])('refuses limit=%s (400 limit)', async (limit) => {
    expectError(await as('district').get('/applications', { query: { roundId, limit } }), 400, { code: 'invalid_request', field: 'limit' });
  });

  it('refuses an unknown query parameter (400) and a malformed round id (400 roundId)', async () => {
    expectError(await as('district').get('/applications', { query: { roundId, sort: 'desc' } }), 400, { code: 'invalid_request' });
    expectError(await as('district').get('/applications', { query: { roundId: 'round-1' } }), 400, { field: 'roundId' });
  });

  it('answers 404 for an unknown round', async () => {
    expectError(await as('district').get('/applications', { query: { roundId: UNKNOWN_ID } }), 404, { code: 'not_found' });
    expectError(await as('district').get('/loans', { query: { roundId: UNKNOWN_ID } }), 404, { code: 'not_found' });
  });

  it('refuses another district’s round and district (403)', async () => {
    expectError(await as('district-b').get('/applications', { query: { roundId } }), 403, { code: 'forbidden' });
    expectError(await as('township-b').get('/applications', { query: { roundId } }), 403, { code: 'forbidden' });
    expectError(await as('district-b').get('/applications', { query: { districtId: 'lhasa.chengguan' } }), 403, { code: 'forbidden' });
  });

  it('refuses a districtId that is not a district (422 districtId)', async () => {
    expectError(await as('committee').get('/applications', { query: { districtId: 'lhasa.chengguan.caigongtang' } }), 422, { field: 'districtId' });
  });
});

describe('GET /loans', () => {
  let roundId: string;
  let overdueLoan: string;
  let currentLoan: string;
  let approvedLoan: string;
  let repaidLoan: string;
  let bomaLoan: string;
  const project = { type: 'shop', description: '开小卖部，销售日用百货和青稞酒', expectedAnnualReturnFen: 12_000_000 };

  /** Approved `daysBack` days ago, agreed the day after, disbursed the day after that. */
  async function disbursedLoan(daysBack: number): Promise<string> {
    const appId = await readyApplication(roundId, { project });
    const loanId = await approve(appId, 1_000_000, daysAgo(daysBack));
    await confirmLoans([loanId], { on: daysAgo(daysBack) });
    await signAgreement(loanId, daysAgo(daysBack - 1));
    expectStatus(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput(1_000_000, { disbursedOn: daysAgo(daysBack - 2) })), 200);
    return loanId;
  }

  beforeAll(async () => {
    // a one-month term, so a loan disbursed 32 days ago is past due (decisions come after the last visit, 35 days ago)
    roundId = await openRound({ capitalFen: 100_000_000, termMonths: 1, evaluationMonths: [] });
    overdueLoan = await disbursedLoan(34);
    currentLoan = await disbursedLoan(7);
    repaidLoan = await disbursedLoan(33);
    expectStatus(await as('township').post(`/loans/${repaidLoan}/repayments`, repaymentInput(1_000_000, { paidOn: daysAgo(1) })), 201);
    approvedLoan = await approve(await readyApplication(roundId, { project }), 1_000_000, daysAgo(33));

    const bRound = await openRound({ districtId: 'lhasa.duilongdeqing', capitalFen: 100_000_000 });
    const bApp = await submit(bRound, { villageId: BOMA, mother: { name: '白玛', residentId: residentId('540122') } }, 'township-b');
    await makeReady(bApp, 'township-b', 'field-b');
    bomaLoan = await approve(bApp, 1_000_000, daysAgo(30), 'district-b');
  });

  it('?status=overdue returns only active loans past their due date', async () => {
    const res = await as('district').get('/loans', { query: { roundId, status: 'overdue' } });
    expectStatus(res, 200);
    expect(ids(res.body.items)).toEqual([overdueLoan]);
    expect(res.body.items[0]).toMatchObject({ status: 'active', overdue: true });
    expect(res.body.items[0].daysPastDue).toBeGreaterThan(0);
    expect(res.body.items[0].dueOn < today()).toBe(true);
    expect(res.body.items[0].mother.residentId).toContain('*');

    const districtWide = await listAll('district', '/loans', { status: 'overdue', limit: '100' });
    expect(ids(districtWide)).toContain(overdueLoan);
    expect(ids(districtWide)).not.toContain(currentLoan);
    expect(ids(districtWide)).not.toContain(repaidLoan);
    expect(ids(districtWide)).not.toContain(approvedLoan);
    for (const loan of districtWide) {
      // active and past due, or already marked overdue by the close-of-business job
      expect(['active', 'overdue']).toContain(loan.status);
      expect(loan.dueOn < today()).toBe(true);
      expect(loan.overdue).toBe(true);
    }
  });

  it('the other statuses filter exactly', async () => {
    const of = async (status: string) => ids(await listAll('district', '/loans', { roundId, status })).sort();
    expect(await of('active')).toEqual([overdueLoan, currentLoan].sort());
    expect(await of('approved')).toEqual([approvedLoan]);
    expect(await of('repaid')).toEqual([repaidLoan]);
    expect(ids(await listAll('district', '/loans', { roundId })).sort()).toEqual([overdueLoan, currentLoan, repaidLoan, approvedLoan].sort());
  });

  it('a township pages its overdue loans without strangers', async () => {
    const mine = await listAll('township', '/loans', { status: 'overdue', limit: '1' });
    expect(ids(mine)).toContain(overdueLoan);
    expect(new Set(ids(mine)).size).toBe(mine.length);
    expect(mine.every((l) => l.villageId.startsWith('lhasa.chengguan.caigongtang.'))).toBe(true);
  });

  it('the committee’s list without districtId covers both districts', async () => {
    const all = ids(await listAll('committee', '/loans', { limit: '100' }));
    expect(all).toContain(overdueLoan);
    expect(all).toContain(bomaLoan);
    expect(new Set(all).size).toBe(all.length);
    const chengguan = ids(await listAll('district', '/loans', { limit: '100' }));
    expect(chengguan).toContain(overdueLoan);
    expect(chengguan).not.toContain(bomaLoan);
    const duilong = ids(await listAll('district-b', '/loans', { limit: '100' }));
    expect(duilong).toContain(bomaLoan);
    expect(duilong).not.toContain(overdueLoan);
  });

  it('the committee pages across both districts with a small limit, each loan once', async () => {
    const all = ids(await listAll('committee', '/loans', { status: 'approved', limit: '3' }));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain(approvedLoan);
    expect(all).toContain(bomaLoan);
  });

  it('district-b asking for districtId=lhasa.chengguan is refused (403)', async () => {
    expectError(await as('district-b').get('/loans', { query: { districtId: 'lhasa.chengguan' } }), 403, { code: 'forbidden' });
    expectError(await as('township-b').get('/loans', { query: { districtId: 'lhasa.chengguan' } }), 403, { code: 'forbidden' });
    expectError(await as('district-b').get('/loans', { query: { roundId } }), 403, { code: 'forbidden' });
    expectError(await as('district-b').get('/rounds', { query: { districtId: 'lhasa.chengguan' } }), 403, { code: 'forbidden' });
  });

  it('refuses an unknown status (422 status) and a garbage cursor (field cursor)', async () => {
    expectError(await as('district').get('/loans', { query: { status: 'bogus' } }), 422, { code: 'validation_failed', field: 'status' });
    const res = await as('district').get('/loans', { query: { roundId, cursor: 'garbage' } });
    expect([400, 422]).toContain(res.status);
    expectError(res, res.status, { field: 'cursor' });
  });

  it('the active loan list of the overdue loan shows it overdue in its detail too', async () => {
    const loan = await as('district').get(`/loans/${overdueLoan}`);
    expect(loan.body).toMatchObject({ status: 'active', overdue: true });
    const current = await as('district').get(`/loans/${currentLoan}`);
    expect(current.body).toMatchObject({ status: 'active', overdue: false, daysPastDue: 0 });
  });
});

describe('a loan made active elsewhere in the district', () => {
  it('does not show as overdue while it is not yet due', async () => {
    const roundId = await openRound();
    const loanId = await activeLoan(roundId);
    const overdue = ids(await listAll('district', '/loans', { roundId, status: 'overdue' }));
    expect(overdue).not.toContain(loanId);
  });
});
