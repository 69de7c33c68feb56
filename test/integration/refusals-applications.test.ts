/** Refusals of the application routes: the submitted form, the public notice, objections and visits; also rounds and offices. */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates.ts';
import { residentIdCheckChar } from '../../shared/domain/resident-id.ts';
import { as, call } from '../support/api.ts';
import { applicationInput, BOMA, daysAgo, openRound, residentId, roundInput, today, visitInput, ZHIBA } from '../support/fixtures.ts';
import { expectError, expectStatus, submit, UNKNOWN_ID } from './refusal-helpers.ts';

const tomorrow = () => addDays(today(), 1);
const post = (body: unknown) => as('township').post('/applications', body);

/** The resident ID with its check character changed to a wrong one. */
function wrongChecksum(id: string): string {
  const last = id[17]!;
  const wrong = last === '0' ? '1' : '0';
  return id.slice(0, 17) + wrong;
}

let roundId: string;

beforeAll(async () => {
  roundId = await openRound({ capitalFen: 1_000_000_000 });
});

describe('POST /applications refuses a bad form', () => {
  it('an invalid resident ID checksum (400 mother.residentId)', async () => {
    const res = await post(applicationInput(roundId, { mother: { name: '次仁卓玛', residentId: wrongChecksum(residentId()) } }));
    expectError(res, 400, { code: 'invalid_request', field: 'mother.residentId' });
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'mother.residentId' })]);
  });

  it('a resident ID of the wrong shape or with an impossible birth date (400 mother.residentId)', async () => {
    expectError(await post(applicationInput(roundId, { mother: { name: '次仁卓玛', residentId: '12345' } })), 400, { field: 'mother.residentId' });
    const feb30 = '54010219900230123';
    expectError(await post(applicationInput(roundId, { mother: { name: '次仁卓玛', residentId: feb30 + residentIdCheckChar(feb30) } })), 400, { field: 'mother.residentId' });
  });

  it('an unknown village (422 villageId)', async () => {
    expectError(await post(applicationInput(roundId, { villageId: 'lhasa.chengguan.caigongtang.nowhere' })), 422, { code: 'validation_failed', field: 'villageId' });
  });

  it('an office that is not a village (422 villageId)', async () => {
    expectError(await post(applicationInput(roundId, { villageId: 'lhasa.chengguan.caigongtang' })), 422, { code: 'validation_failed', field: 'villageId' });
  });

  it('an unknown round (422 roundId)', async () => {
    expectError(await post(applicationInput(UNKNOWN_ID)), 422, { code: 'validation_failed', field: 'roundId' });
  });

  it('a round of another district (422 roundId)', async () => {
    const otherRound = await openRound({ districtId: 'lhasa.duilongdeqing' });
    expectError(await post(applicationInput(otherRound, { villageId: ZHIBA })), 422, { code: 'validation_failed', field: 'roundId' });
    expectError(await as('township-b').post('/applications', applicationInput(roundId, { villageId: BOMA })), 422, { field: 'roundId' });
  });

  it('a malformed round id (400 roundId)', async () => {
    expectError(await post(applicationInput('round-1')), 400, { code: 'invalid_request', field: 'roundId' });
  });

  it('an unknown extra field (400), at the top or nested', async () => {
    expectError(await post({ ...applicationInput(roundId), priority: 'high' }), 400, { code: 'invalid_request', field: 'priority' });
    const res = await post(applicationInput(roundId, { mother: { name: '次仁卓玛', residentId: residentId(), age: 30 } }));
    expectError(res, 400, { code: 'invalid_request' });
    expect(res.body.error.message).toContain('age');
  });

  it('a fractional amount (400 amountRequestedFen)', async () => {
    expectError(await post(applicationInput(roundId, { amountRequestedFen: 1000.5 })), 400, { code: 'invalid_request', field: 'amountRequestedFen' });
  });

  it.each([
    ['negative', -100],
    ['zero', 0],
    ['huge', 1e13],
    ['a string', '1000000'],
    ['null', null],
  ])('a %s amount (400 amountRequestedFen)', async (_what, amount) => {
    expectError(await post(applicationInput(roundId, { amountRequestedFen: amount })), 400, { code: 'invalid_request', field: 'amountRequestedFen' });
  });

  it('a missing field (400 naming it)', async () => {
    const { familyPlanning: _, ...input } = applicationInput(roundId);
    expectError(await post(input), 400, { code: 'invalid_request', field: 'familyPlanning' });
  });

  it('several problems at once: details lists every one', async () => {
    const res = await post(applicationInput(roundId, { householdSize: 0, familyPlanning: 'unknown', amountRequestedFen: -1 }));
    expectError(res, 400, { code: 'invalid_request' });
    const fields = (res.body.error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['householdSize', 'familyPlanning', 'amountRequestedFen']));
  });

  it('an invalid date (400 submittedOn)', async () => {
    expectError(await post(applicationInput(roundId, { submittedOn: '2025-02-30' })), 400, { field: 'submittedOn' });
    expectError(await post(applicationInput(roundId, { submittedOn: '1/5/2025' })), 400, { field: 'submittedOn' });
  });

  it('a submission date in the future (422 submittedOn)', async () => {
    expectError(await post(applicationInput(roundId, { submittedOn: tomorrow() })), 422, { code: 'validation_failed', field: 'submittedOn' });
  });

  it('a submission date before the round opened (422 submittedOn)', async () => {
    expectError(await post(applicationInput(roundId, { submittedOn: daysAgo(401) })), 422, { code: 'validation_failed', field: 'submittedOn' });
  });

  it('text with control characters (400)', async () => {
    expectError(await post(applicationInput(roundId, { mother: { name: '次仁\u0000卓玛', residentId: residentId() } })), 400, { field: 'mother.name' });
  });

  it('malformed JSON (400 invalid_json)', async () => {
    expectError(await call('township', 'POST', '/applications', undefined, { rawBody: '{"roundId": ' }), 400, { code: 'invalid_json' });
  });

  it.each([
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['a JSON string', '"hello"'],
    ['null', 'null'],
  ])('%s (400 invalid_json)', async (_what, rawBody) => {
    expectError(await call('township', 'POST', '/applications', undefined, { rawBody }), 400, { code: 'invalid_json' });
  });

  it('a body over 64 KiB (413)', async () => {
    const input = applicationInput(roundId, { project: { type: 'shop', description: '很'.repeat(30_000), expectedAnnualReturnFen: 800_000 } });
    const rawBody = JSON.stringify(input);
    expect(Buffer.byteLength(rawBody)).toBeGreaterThan(64 * 1024);
    expectError(await call('township', 'POST', '/applications', undefined, { rawBody }), 413, { code: 'payload_too_large' });
  });

  it('a malformed Idempotency-Key (400 Idempotency-Key)', async () => {
    expectError(await as('township').post('/applications', applicationInput(roundId), { idempotencyKey: 'short' }), 400, { field: 'Idempotency-Key' });
  });

  it('a refused form opens no case for the mother', async () => {
    const id = residentId();
    expectError(await post(applicationInput(roundId, { mother: { name: '次仁卓玛', residentId: id }, villageId: 'lhasa.chengguan.caigongtang.nowhere' })), 422, { field: 'villageId' });
    // the refused form did not open a case for her
    expectStatus(await post(applicationInput(roundId, { mother: { name: '次仁卓玛', residentId: id } })), 201);
  });
});

describe('POST /applications/{id}/notice', () => {
  it('refuses a notice period shorter than the round’s (422 days)', async () => {
    const appId = await submit(roundId);
    expectError(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55), days: 3 }), 422, { code: 'validation_failed', field: 'days' });
    expect((await as('district').get(`/applications/${appId}`)).body.notice).toBeUndefined();
  });

  it('refuses a notice posted in the future (422 postedOn)', async () => {
    const appId = await submit(roundId);
    expectError(await as('township').post(`/applications/${appId}/notice`, { postedOn: tomorrow() }), 422, { code: 'validation_failed', field: 'postedOn' });
  });

  it('refuses a notice posted before the application (422 postedOn)', async () => {
    const appId = await submit(roundId);
    expectError(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(61) }), 422, { field: 'postedOn' });
  });

  it('refuses posting twice (409)', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
    expectError(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(50) }), 409, { code: 'already_recorded', message: daysAgo(55) });
    expect((await as('district').get(`/applications/${appId}`)).body.notice.postedOn).toBe(daysAgo(55));
  });

  it('refuses a malformed notice (400)', async () => {
    const appId = await submit(roundId);
    expectError(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55), days: 0 }), 400, { field: 'days' });
    expectError(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55), days: 91 }), 400, { field: 'days' });
    expectError(await as('township').post(`/applications/${appId}/notice`, { days: 7 }), 400, { field: 'postedOn' });
  });

  it('field staff may not post a notice (403)', async () => {
    const appId = await submit(roundId);
    expectError(await as('field').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 403, { code: 'forbidden' });
  });
});

describe('objections', () => {
  it('refuses an objection before the notice is posted (409)', async () => {
    const appId = await submit(roundId);
    expectError(await as('township').post(`/applications/${appId}/objections`, { raisedOn: daysAgo(50), content: '有异议' }), 409, { code: 'notice_missing' });
  });

  it('refuses an objection dated before the notice or in the future (422 raisedOn)', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
    expectError(await as('township').post(`/applications/${appId}/objections`, { raisedOn: daysAgo(56), content: '有异议' }), 422, { field: 'raisedOn' });
    expectError(await as('township').post(`/applications/${appId}/objections`, { raisedOn: tomorrow(), content: '有异议' }), 422, { field: 'raisedOn' });
  });

  it('refuses an empty objection (400 content)', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
    expectError(await as('township').post(`/applications/${appId}/objections`, { raisedOn: daysAgo(50), content: '   ' }), 400, { field: 'content' });
  });

  it('resolving an unknown objection answers 404', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
    expectError(await as('district').post(`/applications/${appId}/objections/${UNKNOWN_ID}/resolution`, { resolvedOn: daysAgo(40), outcome: 'dismissed', note: '经核实' }), 404, { code: 'not_found' });
  });

  it('refuses resolving twice (409) and keeps the first outcome', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
    const objection = await as('township').post(`/applications/${appId}/objections`, { raisedOn: daysAgo(53), content: '有异议' });
    expectStatus(objection, 201);
    const path = `/applications/${appId}/objections/${objection.body.id}/resolution`;
    expectStatus(await as('district').post(path, { resolvedOn: daysAgo(50), outcome: 'dismissed', note: '经核实不属实' }), 200);
    expectError(await as('district').post(path, { resolvedOn: daysAgo(49), outcome: 'upheld', note: '再次核实' }), 409, { code: 'already_resolved' });
    const file = await as('district').get(`/applications/${appId}`);
    expect(file.body.objections).toEqual([expect.objectContaining({ id: objection.body.id, status: 'dismissed' })]);
  });

  it('refuses a resolution dated before the objection (422 resolvedOn) or with an unknown outcome (400)', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
    const objection = await as('township').post(`/applications/${appId}/objections`, { raisedOn: daysAgo(53), content: '有异议' });
    const path = `/applications/${appId}/objections/${objection.body.id}/resolution`;
    expectError(await as('district').post(path, { resolvedOn: daysAgo(54), outcome: 'dismissed', note: '经核实' }), 422, { field: 'resolvedOn' });
    expectError(await as('district').post(path, { resolvedOn: daysAgo(50), outcome: 'ignored', note: '经核实' }), 400, { field: 'outcome' });
  });

  it('only the district office resolves objections (township 403)', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
    const objection = await as('township').post(`/applications/${appId}/objections`, { raisedOn: daysAgo(53), content: '有异议' });
    expectError(await as('township').post(`/applications/${appId}/objections/${objection.body.id}/resolution`, { resolvedOn: daysAgo(50), outcome: 'dismissed', note: '自己驳回' }), 403, {
      code: 'forbidden',
    });
  });
});

describe('visits', () => {
  it('refuses a visit before the application or in the future (422 visitedOn)', async () => {
    const appId = await submit(roundId);
    expectError(await as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(61) })), 422, { field: 'visitedOn' });
    expectError(await as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: tomorrow() })), 422, { field: 'visitedOn' });
  });

  it('refuses a visit without visitors or with a non-boolean judgement (400)', async () => {
    const appId = await submit(roundId);
    expectError(await as('field').post(`/applications/${appId}/visits`, visitInput({ visitors: [] })), 400, { field: 'visitors' });
    expectError(await as('field').post(`/applications/${appId}/visits`, visitInput({ willingToWork: 'yes' })), 400, { field: 'willingToWork' });
  });

  it('a township may not log a visit (403)', async () => {
    const appId = await submit(roundId);
    expectError(await as('township').post(`/applications/${appId}/visits`, visitInput()), 403, { code: 'forbidden' });
  });
});

describe('rounds and offices', () => {
  it('refuses a round for an unknown or non-district office (422 districtId)', async () => {
    expectError(await as('committee').post('/rounds', roundInput({ districtId: 'lhasa.nowhere' })), 422, { field: 'districtId' });
    expectError(await as('committee').post('/rounds', roundInput({ districtId: 'lhasa.chengguan.caigongtang' })), 422, { field: 'districtId' });
  });

  it('refuses a round whose loan range does not fit (400)', async () => {
    expectError(await as('committee').post('/rounds', roundInput({ minLoanFen: 2_000_000, maxLoanFen: 1_000_000 })), 400, { field: 'minLoanFen' });
    expectError(await as('committee').post('/rounds', roundInput({ capitalFen: 1_000_000, maxLoanFen: 1_500_000 })), 400, { field: 'maxLoanFen' });
    expectError(await as('committee').post('/rounds', roundInput({ termMonths: 12, evaluationMonths: [6, 12] })), 400, { field: 'evaluationMonths.1' });
  });

  it('refuses an unknown round status filter (422 status)', async () => {
    expectError(await as('committee').get('/rounds', { query: { status: 'bogus' } }), 422, { field: 'status' });
  });

  it('refuses an office that exists already (409) or whose parent is unknown (422 id)', async () => {
    expectError(await as('committee').post('/offices', { id: 'lhasa.chengguan', name: '城关区项目办' }), 409);
    expectError(await as('committee').post('/offices', { id: 'lhasa.nowhere.town', name: '不存在' }), 422, { field: 'id' });
    expectError(await as('committee').post('/offices', { id: 'Lhasa Chengguan', name: '坏的编号' }), 400, { field: 'id' });
  });

  it('township and field staff may not add offices (403)', async () => {
    expectError(await as('township').post('/offices', { id: 'lhasa.chengguan.caigongtang.refused', name: '不应创建' }), 403, { code: 'forbidden' });
    expectError(await as('field').post('/offices', { id: 'lhasa.chengguan.refused', name: '不应创建' }), 403, { code: 'forbidden' });
  });
});
