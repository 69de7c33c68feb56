/**
 * "Not a single fen lost": repayments handed township → district → committee in remittance
 * batches, against DynamoDB Local. Each test works in a district of its own (created here
 * with its townships and villages, and users signed for them), so its counters are exact
 * while other test files record repayments in the demo offices at the same time.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { ReportQuery } from '../../shared/domain/schemas.ts';
import { contextFor } from '../../shared/usecases/context.ts';
import { listWaitingRepayments, remittanceReconciliation } from '../../shared/usecases/remittances.ts';
import { as, call, tokens, type Answer, type CallOptions } from '../support/api.ts';
import { agreementInput, applicationInput, daysAgo, roundInput, today, visitInput } from '../support/fixtures.ts';
import { expectError, UNKNOWN_ID } from './refusal-helpers.ts';
import { noteRepayment, repaymentRefs } from '../support/repayment-refs.ts';

// ---------- a district of the test's own ----------

interface User {
  caller: { userId: string; username: string; role: Role; officeId: string };
  get: (path: string, opts?: CallOptions) => Promise<Answer>;
  post: (path: string, body?: unknown, opts?: CallOptions) => Promise<Answer>;
}

async function user(role: Role, officeId: string, suffix = ''): Promise<User> {
  const username = `${role}${suffix}-${officeId.split('.').slice(1).join('-')}`;
  const token = await tokens.sign({ username, role, officeId });
  return {
    caller: { userId: `local-${username}`, username, role, officeId },
    get: (path, opts) => call(null, 'GET', path, undefined, { ...opts, token }),
    post: (path, body, opts) => call(null, 'POST', path, body, { ...opts, token }),
  };
}

async function ok(res: Promise<Answer>, status: number, what: string): Promise<any> {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

interface Area {
  districtId: string;
  townA: string;
  townB: string;
  villageA: string;
  villageB: string;
  roundId: string;
  district: User;
  /** a second clerk of the district office: four eyes, the approver */
  approver: User;
  townshipA: User;
  townshipB: User;
}

async function freshArea(): Promise<Area> {
  const districtId = `lhasa.rt-${randomUUID().slice(0, 8)}`;
  const [townA, townB] = [`${districtId}.town-a`, `${districtId}.town-b`];
  const [villageA, villageB] = [`${townA}.v1`, `${townB}.v1`];
  for (const id of [districtId, townA, townB, villageA, villageB]) await ok(as('committee').post('/offices', { id, name: '汇缴测试' }), 201, `office ${id}`);
  const roundId = (await ok(as('committee').post('/rounds', roundInput({ districtId, capitalFen: 20_000_000 })), 201, 'round')).id;
  return {
    districtId,
    townA,
    townB,
    villageA,
    villageB,
    roundId,
    district: await user('district', districtId),
    approver: await user('district', districtId, '-2'),
    townshipA: await user('township', townA),
    townshipB: await user('township', townB),
  };
}

/** A loan of the area approved, agreed and disbursed 28 days ago (the district office does every step; a second clerk approves). */
async function activeLoanIn(area: Area, villageId: string, amountFen = 1_000_000): Promise<string> {
  const d = area.district;
  const app = await ok(d.post('/applications', applicationInput(area.roundId, { villageId, amountRequestedFen: amountFen })), 201, 'submit');
  await ok(d.post(`/applications/${app.id}/notice`, { postedOn: daysAgo(55) }), 200, 'notice');
  await ok(d.post(`/applications/${app.id}/visits`, visitInput({ visitedOn: daysAgo(45) })), 201, 'visit');
  await ok(d.post(`/applications/${app.id}/visits`, visitInput({ visitedOn: daysAgo(35) })), 201, 'visit');
  const { loanId } = await ok(area.approver.post(`/applications/${app.id}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen }), 200, 'approve');
  const list = await ok(d.post('/confirmation-lists', { sentOn: daysAgo(30), loanIds: [loanId] }), 201, 'send for confirmation');
  await ok(as('committee').post(`/confirmation-lists/${list.id}/decision`, { decidedOn: daysAgo(30) }), 200, 'confirm');
  await ok(d.post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29))), 200, 'agreement');
  await ok(d.post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen, motherPresent: true, idChecked: true }), 200, 'disburse');
  return loanId;
}

/** The township collects a repayment; returns its id. */
async function repay(township: User, loanId: string, amountFen: number, paidOn = daysAgo(5)): Promise<string> {
  return noteRepayment((await ok(township.post(`/loans/${loanId}/repayments`, { paidOn, amountFen, receiptNo: `R-${randomUUID().slice(0, 8)}` }), 201, 'repay')).id, loanId);
}

const handOver = (fromOfficeId: string, repaymentIds: string[], amountFen: number, o: Record<string, unknown> = {}) => ({
  level: 'township_to_district',
  fromOfficeId,
  handedOverOn: today(),
  amountFen,
  repaymentRefs: repaymentRefs(repaymentIds),
  handedOverBy: '格桑',
  receivedBy: '王丽',
  ...o,
});

const remit = (districtId: string, repaymentIds: string[], amountFen: number, o: Record<string, unknown> = {}) =>
  handOver(districtId, repaymentIds, amountFen, { level: 'district_to_committee', handedOverBy: '王丽', receivedBy: '次仁', ...o });

async function report(who: User['caller'], query: Partial<ReportQuery> = {}) {
  return remittanceReconciliation(contextFor(who), { groupBy: 'district', format: 'json', ...query });
}
const COMMITTEE = { userId: 'local-committee', username: 'committee', role: 'committee' as const, officeId: 'lhasa' };
const rowOf = (r: Awaited<ReturnType<typeof report>>, officeId: string) => r.rows.find((row) => row.officeId === officeId)!;

async function waiting(who: User['caller'], q: { officeId?: string; state?: 'held' | 'at_district' | 'at_committee' } = {}): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listWaitingRepayments(contextFor(who), { ...q, limit: 2, cursor });
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids.sort();
}

async function repaymentOf(viewer: User, loanId: string, id: string) {
  const loan = await ok(viewer.get(`/loans/${loanId}`), 200, 'loan');
  return loan.repayments.find((r: { id: string }) => r.id === id);
}

// ---------- the tests ----------

describe('a township hands its repayments to the district', () => {
  it('moves exactly what it carries: collected, handed on and still held at the township, received at the district', async () => {
    const area = await freshArea();
    const [loan1, loan2] = [await activeLoanIn(area, area.villageA), await activeLoanIn(area, area.villageA)];
    const r1 = await repay(area.townshipA, loan1, 100_000, daysAgo(6));
    const r2 = await repay(area.townshipA, loan1, 150_000, daysAgo(5));
    const r3 = await repay(area.townshipA, loan2, 200_000, daysAgo(4));
    const kept = await repay(area.townshipA, loan2, 50_000, daysAgo(3));

    const before = await report(area.district.caller);
    expect(rowOf(before, area.townA)).toMatchObject({ collectedFen: 500_000, collectedCount: 4, handedOnFen: 0, heldFen: 500_000, heldCount: 4 });
    expect(await waiting(area.townshipA.caller)).toEqual([r1, r2, r3, kept].sort());

    const res = await area.townshipA.post('/remittances', handOver(area.townA, [r1, r2, r3], 450_000, { note: '六月第一次上缴' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      level: 'township_to_district',
      fromOfficeId: area.townA,
      toOfficeId: area.districtId,
      districtId: area.districtId,
      amountFen: 450_000,
      sumOfRepaymentsFen: 450_000,
      differenceFen: 0,
      flagged: false,
      repaymentCount: 3,
      handedOverBy: '格桑',
      receivedBy: '王丽',
      recordedBy: expect.objectContaining({ username: area.townshipA.caller.username }),
    });
    expect(res.body.repayments.map((r: { id: string }) => r.id)).toEqual([r1, r2, r3]);

    const after = await report(area.district.caller);
    expect(rowOf(after, area.townA)).toMatchObject({
      collectedFen: 500_000,
      collectedCount: 4,
      handedOnFen: 450_000,
      handedOnCount: 3,
      declaredHandedOnFen: 450_000,
      differenceFen: 0,
      heldFen: 50_000,
      heldCount: 1,
      batchesHandedOn: 1,
      flaggedBatches: 0,
    });
    expect(rowOf(after, area.townB)).toMatchObject({ collectedFen: 0, handedOnFen: 0, heldFen: 0 });
    expect(rowOf(after, area.districtId)).toMatchObject({
      receivedFen: 450_000,
      receivedCount: 3,
      declaredReceivedFen: 450_000,
      handedOnFen: 0,
      heldFen: 450_000,
      heldCount: 3,
      handedHereFen: 450_000,
      reconciles: true,
    });
    expect(after.rows.map((r) => r.officeId)).toEqual([area.districtId, area.townA, area.townB]);
    expect(after.totals).toEqual({ collectedFen: 500_000, heldByTownshipsFen: 50_000, heldByDistrictsFen: 450_000, remittedToCommitteeFen: 0, unaccountedFen: 0, differenceFen: 0, flaggedBatches: 0 });

    // what the township still holds, and what waits at the district: a Query each
    expect(await waiting(area.townshipA.caller)).toEqual([kept]);
    expect(await waiting(area.district.caller)).toEqual([r1, r2, r3].sort());
    expect(await waiting(area.district.caller, { officeId: area.townA, state: 'at_district' })).toEqual([r1, r2, r3].sort());

    // the loan's file shows where each repayment is
    expect(await repaymentOf(area.district, loan1, r1)).toMatchObject({ remittanceState: 'at_district', toDistrict: { batchId: res.body.id, handedOverOn: today() }, townshipId: area.townA });
    expect(await repaymentOf(area.district, loan2, kept)).toMatchObject({ remittanceState: 'held' });
  });

  it('as of a past day: by the dates the money moved (paid, handed over)', async () => {
    const area = await freshArea();
    const loan = await activeLoanIn(area, area.villageA);
    const early = await repay(area.townshipA, loan, 100_000, daysAgo(10));
    await repay(area.townshipA, loan, 30_000, daysAgo(2));
    await ok(area.townshipA.post('/remittances', handOver(area.townA, [early], 100_000, { handedOverOn: daysAgo(7) })), 201, 'batch');

    const at = async (asOf: string) => rowOf(await report(area.district.caller, { asOf }), area.townA);
    expect(await at(daysAgo(11))).toMatchObject({ collectedFen: 0, handedOnFen: 0, heldFen: 0 });
    expect(await at(daysAgo(8))).toMatchObject({ collectedFen: 100_000, handedOnFen: 0, heldFen: 100_000 });
    expect(await at(daysAgo(7))).toMatchObject({ collectedFen: 100_000, handedOnFen: 100_000, heldFen: 0 });
    expect(await at(daysAgo(1))).toMatchObject({ collectedFen: 130_000, handedOnFen: 100_000, heldFen: 30_000 });
    expect(rowOf(await report(area.district.caller, { asOf: daysAgo(8) }), area.districtId)).toMatchObject({ receivedFen: 0, reconciles: true });
    await expect(report(area.district.caller, { asOf: '2999-01-01' })).rejects.toThrow(/future/);
  });

  it('accepts a batch 100 fen short but flags it, and the reconciliation shows it', async () => {
    const area = await freshArea();
    const loan = await activeLoanIn(area, area.villageA);
    const ids = [await repay(area.townshipA, loan, 120_000), await repay(area.townshipA, loan, 80_000)];

    const res = await area.townshipA.post('/remittances', handOver(area.townA, ids, 199_900));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ amountFen: 199_900, sumOfRepaymentsFen: 200_000, differenceFen: -100, flagged: true });

    const r = await report(area.district.caller);
    expect(rowOf(r, area.townA)).toMatchObject({ handedOnFen: 200_000, declaredHandedOnFen: 199_900, differenceFen: -100, heldFen: 0, flaggedBatches: 1 });
    expect(rowOf(r, area.districtId)).toMatchObject({ receivedFen: 200_000, declaredReceivedFen: 199_900, heldFen: 200_000, reconciles: true });
    expect(r.totals).toMatchObject({ differenceFen: -100, flaggedBatches: 1, unaccountedFen: 0 });
    expect(r.flaggedBatches).toEqual([
      expect.objectContaining({ id: res.body.id, fromOfficeId: area.townA, amountFen: 199_900, sumOfRepaymentsFen: 200_000, differenceFen: -100, flagged: true, handedOverOn: today() }),
    ]);
    expect(r.flaggedBatches[0]).not.toHaveProperty('repayments');

    // the committee sees it too, and not before the day it was handed over
    const all = await report(COMMITTEE);
    expect(all.flaggedBatches.map((b) => b.id)).toContain(res.body.id);
    expect((await report(COMMITTEE, { asOf: daysAgo(1) })).flaggedBatches.map((b) => b.id)).not.toContain(res.body.id);

    const one = await area.district.get(`/remittances/${res.body.id}`);
    expect(one.body.history).toEqual([expect.objectContaining({ action: 'handed_over_flagged', summary: expect.stringContaining('short by 100 fen') })]);
  });
});

describe('the largest batch', () => {
  it('90 repayments, flagged, with its Idempotency-Key, fit in one transaction', { timeout: 60_000 }, async () => {
    const area = await freshArea();
    const loan = await activeLoanIn(area, area.villageA);
    const ids: string[] = [];
    for (let i = 0; i < 90; i++) ids.push(await repay(area.townshipA, loan, 1_000 + i));
    const sum = ids.reduce((s, _, i) => s + 1_000 + i, 0);
    const res = await area.townshipA.post('/remittances', handOver(area.townA, ids, sum + 1));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ repaymentCount: 90, sumOfRepaymentsFen: sum, differenceFen: 1, flagged: true });
    expect(rowOf(await report(area.district.caller), area.townA)).toMatchObject({ collectedCount: 90, handedOnCount: 90, handedOnFen: sum, heldFen: 0, differenceFen: 1 });
    expect(await waiting(area.townshipA.caller)).toEqual([]);
  });
});

describe('the district remits to the committee', () => {
  it('carries what it received, not what a township still holds; the committee reconciles every district', async () => {
    const area = await freshArea();
    const [loanA, loanB] = [await activeLoanIn(area, area.villageA), await activeLoanIn(area, area.villageB)];
    const a1 = await repay(area.townshipA, loanA, 300_000);
    const a2 = await repay(area.townshipA, loanA, 100_000);
    const b1 = await repay(area.townshipB, loanB, 250_000);
    await ok(area.townshipA.post('/remittances', handOver(area.townA, [a1, a2], 400_000)), 201, 'town A');
    await ok(area.district.post('/remittances', handOver(area.townB, [b1], 250_000)), 201, 'town B, recorded by the district');

    const held = await repay(area.townshipA, loanA, 10_000);
    expectError(await area.district.post('/remittances', remit(area.districtId, [a1, held], 310_000)), 409, { code: 'not_received', message: held });

    const res = await area.district.post('/remittances', remit(area.districtId, [a1, b1], 550_000));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ level: 'district_to_committee', fromOfficeId: area.districtId, toOfficeId: 'lhasa', sumOfRepaymentsFen: 550_000, flagged: false });

    const mine = await report(area.district.caller);
    expect(rowOf(mine, area.districtId)).toMatchObject({ receivedFen: 650_000, receivedCount: 3, handedOnFen: 550_000, handedOnCount: 2, heldFen: 100_000, heldCount: 1, reconciles: true });
    expect(rowOf(mine, area.townA)).toMatchObject({ collectedFen: 410_000, handedOnFen: 400_000, heldFen: 10_000 });
    expect(mine.rows.find((r) => r.level === 'committee')).toBeUndefined();
    expect(mine.totals).toEqual({
      collectedFen: 660_000,
      heldByTownshipsFen: 10_000,
      heldByDistrictsFen: 100_000,
      remittedToCommitteeFen: 550_000,
      unaccountedFen: 0,
      differenceFen: 0,
      flaggedBatches: 0,
    });

    // committee-wide: one snapshot, so the committee matches what every district remitted even while others write
    const all = await report(COMMITTEE);
    const committee = rowOf(all, 'lhasa');
    expect(committee.receivedFen).toBeGreaterThanOrEqual(550_000);
    expect(committee).toMatchObject({ level: 'committee', reconciles: true, handedHereFen: committee.receivedFen });
    expect(all.totals.unaccountedFen).toBe(0);
    expect(rowOf(all, area.districtId)).toMatchObject({ handedOnFen: 550_000 });
    // with a district named, the committee sees that district's rows only
    const one = await report(COMMITTEE, { districtId: area.districtId });
    expect(one.rows.map((r) => r.officeId)).toEqual([area.districtId, area.townA, area.townB]);

    expect(await repaymentOf(area.district, loanA, a1)).toMatchObject({ remittanceState: 'at_committee', toCommittee: { batchId: res.body.id } });
    expect(await waiting(area.district.caller)).toEqual([a2]);
    expect(await waiting(area.district.caller, { state: 'at_committee' })).toEqual([a1, b1].sort());

    // and never twice
    expectError(await area.district.post('/remittances', remit(area.districtId, [a1], 300_000)), 409, { code: 'already_handed_on', message: a1 });
    // a township does not remit to the committee
    expectError(await area.townshipA.post('/remittances', remit(area.districtId, [a2], 100_000)), 403);
  });
});

describe('a repayment travels in one batch per level', () => {
  it('a second batch naming a repayment already handed over is refused with 409 naming it, and moves nothing', async () => {
    const area = await freshArea();
    const loan = await activeLoanIn(area, area.villageA);
    const [r1, r2, r3] = [await repay(area.townshipA, loan, 10_000), await repay(area.townshipA, loan, 20_000), await repay(area.townshipA, loan, 30_000)];
    await ok(area.townshipA.post('/remittances', handOver(area.townA, [r1, r2], 30_000)), 201, 'first');
    expectError(await area.townshipA.post('/remittances', handOver(area.townA, [r3, r2], 50_000)), 409, { code: 'already_handed_on', message: r2 });
    expectError(await area.district.post('/remittances', handOver(area.townA, [r2], 20_000)), 409, { code: 'already_handed_on' });
    expect(rowOf(await report(area.district.caller), area.townA)).toMatchObject({ handedOnFen: 30_000, handedOnCount: 2, heldFen: 30_000, batchesHandedOn: 1 });
    expect(await waiting(area.townshipA.caller)).toEqual([r3]);
  });

  it('two concurrent batches with an overlapping repayment: exactly one 201, the other 409', async () => {
    const area = await freshArea();
    const loan = await activeLoanIn(area, area.villageA);
    const [shared, a, b] = [await repay(area.townshipA, loan, 10_000), await repay(area.townshipA, loan, 20_000), await repay(area.townshipA, loan, 40_000)];
    const answers = await Promise.all([area.townshipA.post('/remittances', handOver(area.townA, [shared, a], 30_000)), area.district.post('/remittances', handOver(area.townA, [b, shared], 50_000))]);
    expect(answers.map((x) => x.status).sort(), JSON.stringify(answers.map((x) => x.body))).toEqual([201, 409]);
    const winner = answers.find((x) => x.status === 201)!.body;
    const loser = answers.find((x) => x.status === 409)!.body;
    expect(loser.error.message).toContain(shared);

    const row = rowOf(await report(area.district.caller), area.townA);
    expect(row).toMatchObject({ handedOnFen: winner.sumOfRepaymentsFen, handedOnCount: 2, batchesHandedOn: 1, heldFen: 70_000 - winner.sumOfRepaymentsFen });
    const list = await area.district.get('/remittances', { query: { districtId: area.districtId } });
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([winner.id]);
  });
});

describe('POST /remittances is exactly once per Idempotency-Key', () => {
  it('a retry answers the first batch again and moves nothing twice, also when sent at once', async () => {
    const area = await freshArea();
    const loan = await activeLoanIn(area, area.villageA);
    const [r1, r2] = [await repay(area.townshipA, loan, 60_000), await repay(area.townshipA, loan, 40_000)];
    const key = `remit-${randomUUID()}`;
    const body = handOver(area.townA, [r1], 60_000);
    const first = await area.townshipA.post('/remittances', body, { idempotencyKey: key });
    expect(first.status).toBe(201);
    const again = await area.townshipA.post('/remittances', body, { idempotencyKey: key });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    // the same key for another request is refused
    expectError(await area.townshipA.post('/remittances', handOver(area.townA, [r2], 40_000), { idempotencyKey: key }), 422, { field: 'Idempotency-Key' });

    const key2 = `remit-${randomUUID()}`;
    const burst = await Promise.all([1, 2, 3].map(() => area.townshipA.post('/remittances', handOver(area.townA, [r2], 40_000), { idempotencyKey: key2 })));
    expect(burst.map((x) => x.status)).toEqual([201, 201, 201]);
    expect(new Set(burst.map((x) => x.body.id)).size).toBe(1);

    expect(rowOf(await report(area.district.caller), area.townA)).toMatchObject({ handedOnFen: 100_000, handedOnCount: 2, batchesHandedOn: 2, heldFen: 0 });
    expect(rowOf(await report(area.district.caller), area.districtId)).toMatchObject({ receivedFen: 100_000, receivedCount: 2, heldFen: 100_000, reconciles: true });
  });

  it('requires the key', async () => {
    const area = await freshArea();
    expectError(await area.townshipA.post('/remittances', handOver(area.townA, [UNKNOWN_ID], 1), { idempotencyKey: false }), 400, { code: 'idempotency_key_required' });
  });
});

describe('refusals, and nothing written', () => {
  it('unknown (422), outside the office (403), wrong dates (422), duplicates (422)', async () => {
    const area = await freshArea();
    const [loanA, loanB] = [await activeLoanIn(area, area.villageA), await activeLoanIn(area, area.villageB)];
    const a = await repay(area.townshipA, loanA, 10_000, daysAgo(3));
    const b = await repay(area.townshipB, loanB, 20_000);

    expectError(await area.townshipA.post('/remittances', handOver(area.townA, [a, UNKNOWN_ID], 10_000)), 422, { field: 'repaymentRefs', message: UNKNOWN_ID });
    // a repayment of another township, even when its district records the batch
    expectError(await area.district.post('/remittances', handOver(area.townA, [a, b], 30_000)), 403, { code: 'forbidden', message: b });
    // a township of another district, and another township of the same district
    expectError(await as('township').post('/remittances', handOver(area.townA, [a], 10_000)), 403, { code: 'forbidden' });
    expectError(await area.townshipB.post('/remittances', handOver(area.townA, [a], 10_000)), 403, { code: 'forbidden' });
    expectError(await as('district').post('/remittances', handOver(area.townA, [a], 10_000)), 403, { code: 'forbidden' });
    // a village or a district is not a sending township
    expectError(await area.district.post('/remittances', handOver(area.villageA, [a], 10_000)), 422, { field: 'fromOfficeId' });
    expectError(await area.district.post('/remittances', handOver(area.districtId, [a], 10_000)), 422, { field: 'fromOfficeId' });
    expectError(await area.district.post('/remittances', handOver(`${area.districtId}.nowhere`, [a], 10_000)), 422, { field: 'fromOfficeId' });
    // dates
    expectError(await area.townshipA.post('/remittances', handOver(area.townA, [a], 10_000, { handedOverOn: daysAgo(4) })), 422, { field: 'handedOverOn', message: a });
    expectError(await area.townshipA.post('/remittances', handOver(area.townA, [a], 10_000, { handedOverOn: addDays(today(), 1) })), 422, { field: 'handedOverOn' });
    // each repayment once
    expectError(await area.townshipA.post('/remittances', handOver(area.townA, [a, a], 20_000)), 422, { field: 'repaymentRefs' });
    // malformed
    expectError(await area.townshipA.post('/remittances', handOver(area.townA, [], 1)), 400, { field: 'repaymentRefs' });
    expectError(await area.townshipA.post('/remittances', handOver(area.townA, [a], 10_000, { level: 'village_to_township' })), 400, { field: 'level' });
    // field staff and the committee do not hand over
    expectError(await as('field').post('/remittances', handOver(area.townA, [a], 10_000)), 403);
    expectError(await as('committee').post('/remittances', handOver(area.townA, [a], 10_000)), 403);

    const r = await report(area.district.caller);
    expect(rowOf(r, area.townA)).toMatchObject({ collectedFen: 10_000, handedOnFen: 0, heldFen: 10_000, batchesHandedOn: 0 });
    expect(rowOf(r, area.districtId)).toMatchObject({ receivedFen: 0 });
    expect(await waiting(area.townshipA.caller)).toEqual([a]);
    expect((await area.district.get('/remittances', { query: { districtId: area.districtId } })).body.items).toEqual([]);
  });
});

describe('GET /remittances and /remittances/{id}', () => {
  it('lists the batches of the caller’s offices, page by page, and shows one with its repayments', async () => {
    const area = await freshArea();
    const [loanA, loanB] = [await activeLoanIn(area, area.villageA), await activeLoanIn(area, area.villageB)];
    const a = [await repay(area.townshipA, loanA, 1_000), await repay(area.townshipA, loanA, 2_000), await repay(area.townshipA, loanA, 3_000)];
    const b = await repay(area.townshipB, loanB, 5_000);
    const batchA1 = (await ok(area.townshipA.post('/remittances', handOver(area.townA, [a[0]!], 1_000)), 201, 'a1')).id;
    const batchA2 = (await ok(area.townshipA.post('/remittances', handOver(area.townA, [a[1]!, a[2]!], 5_000)), 201, 'a2')).id;
    const batchB = (await ok(area.townshipB.post('/remittances', handOver(area.townB, [b], 5_000)), 201, 'b')).id;
    const toCommittee = (await ok(area.district.post('/remittances', remit(area.districtId, [a[0]!, b], 6_000)), 201, 'remit')).id;

    const ids = (res: Answer) => res.body.items.map((x: { id: string }) => x.id);
    const townA = await area.townshipA.get('/remittances');
    expect(townA.status).toBe(200);
    expect(ids(townA)).toEqual([batchA1, batchA2]);
    expect(townA.body.items[0]).not.toHaveProperty('repayments');
    expect(townA.body.items[0]).toMatchObject({ repaymentCount: 1, amountFen: 1_000, flagged: false });
    expect(ids(await area.townshipB.get('/remittances'))).toEqual([batchB]);
    expect(ids(await area.townshipA.get('/remittances', { query: { level: 'district_to_committee' } }))).toEqual([]);

    // the district sees all of them; page by page with the cursor
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await area.district.get('/remittances', { query: { limit: '1', ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      seen.push(...ids(page));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.sort()).toEqual([batchA1, batchA2, batchB, toCommittee].sort());
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(ids(await area.district.get('/remittances', { query: { level: 'district_to_committee' } }))).toEqual([toCommittee]);
    const committee = await as('committee').get('/remittances', { query: { districtId: area.districtId, level: 'township_to_district' } });
    expect(ids(committee).sort()).toEqual([batchA1, batchA2, batchB].sort());
    // another district's office sees none of them, and may not ask for them
    expect(ids(await as('district-b').get('/remittances'))).not.toContain(batchA1);
    expectError(await as('district-b').get('/remittances', { query: { districtId: area.districtId } }), 403);
    expectError(await area.district.get('/remittances', { query: { cursor: 'not-a-cursor' } }), 422, { field: 'cursor' });

    // one batch, with where each repayment is now
    const one = await area.townshipA.get(`/remittances/${batchA1}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: batchA1, fromOfficeId: area.townA, toOfficeId: area.districtId, amountFen: 1_000, sumOfRepaymentsFen: 1_000 });
    expect(one.body.repayments).toEqual([
      expect.objectContaining({
        id: a[0],
        loanId: loanA,
        amountFen: 1_000,
        villageId: area.villageA,
        remittanceState: 'at_committee',
        toDistrict: { batchId: batchA1, handedOverOn: today() },
        toCommittee: { batchId: toCommittee, handedOverOn: today() },
      }),
    ]);
    expect(one.body.history).toEqual([expect.objectContaining({ action: 'handed_over', actor: expect.objectContaining({ username: area.townshipA.caller.username }) })]);
    expect((await as('committee').get(`/remittances/${toCommittee}`)).body.repayments.map((r: { id: string }) => r.id)).toEqual([a[0], b]);
    expect((await area.district.get(`/remittances/${batchB}`)).status).toBe(200);

    expectError(await area.townshipB.get(`/remittances/${batchA1}`), 403);
    expectError(await area.townshipA.get(`/remittances/${toCommittee}`), 403);
    expectError(await as('district-b').get(`/remittances/${batchA1}`), 403);
    expectError(await as('township').get(`/remittances/${batchA1}`), 403);
    expectError(await area.district.get(`/remittances/${UNKNOWN_ID}`), 404);
    expectError(await as('field').get('/remittances'), 403);
  });
});
