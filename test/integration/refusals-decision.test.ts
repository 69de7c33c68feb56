/** The decision (审批): every condition that blocks an approval, the state checks, rejection, and the one-open-case rule. */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates.ts';
import { as } from '../support/api.ts';
import { activeLoan, applicationInput, daysAgo, openRound, readyApplication, residentId, today, visitInput } from '../support/fixtures.ts';
import { approve, expectError, expectStatus, submit } from './refusal-helpers.ts';

const approval = (overrides: Record<string, unknown> = {}) => ({ decision: 'approve', decidedOn: today(), amountFen: 1_000_000, ...overrides });
const decide = (appId: string, body: unknown) => as('district').post(`/applications/${appId}/decision`, body);
const statusOf = async (appId: string) => (await as('district').get(`/applications/${appId}`)).body.status as string;

let roundId: string;

beforeAll(async () => {
  roundId = await openRound({ capitalFen: 1_000_000_000 });
});

describe('approval is refused (409 approval_blocked) naming the unmet condition', () => {
  it('when no public notice was posted', async () => {
    const appId = await submit(roundId);
    await as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(45) }));
    await as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(35) }));
    expectError(await decide(appId, approval()), 409, { code: 'approval_blocked', message: 'the public notice (公示) has not been posted' });
    expect(await statusOf(appId)).toBe('submitted');
  });

  it('while the notice period still runs (posted yesterday)', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(1) }), 200);
    await as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(45) }));
    await as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(35) }));
    // 7 days from yesterday: the last day is 5 days from today
    const endsOn = (await as('district').get(`/applications/${appId}`)).body.notice.endsOn as string;
    expect(endsOn > today()).toBe(true);
    expectError(await decide(appId, approval()), 409, { code: 'approval_blocked', message: `the public notice period runs until ${endsOn}` });
    expect(await statusOf(appId)).toBe('submitted');
  });

  it('while an objection is unresolved', async () => {
    const appId = await readyApplication(roundId);
    const objection = await as('township').post(`/applications/${appId}/objections`, { raisedOn: daysAgo(53), raisedBy: '村民', content: '家里有拖拉机' });
    expectStatus(objection, 201);
    const res = await decide(appId, approval());
    expectError(res, 409, { code: 'approval_blocked', message: 'objection(s) are unresolved' });
    expect(res.body.error.message).toContain(objection.body.id);
    expect(await statusOf(appId)).toBe('submitted');
  });

  it('when an objection was upheld', async () => {
    const appId = await readyApplication(roundId);
    const objection = await as('township').post(`/applications/${appId}/objections`, { raisedOn: daysAgo(53), content: '该户收入较高' });
    expectStatus(objection, 201);
    const upheld = await as('district').post(`/applications/${appId}/objections/${objection.body.id}/resolution`, { resolvedOn: daysAgo(50), outcome: 'upheld', note: '经核实属实' });
    expectStatus(upheld, 200);
    const res = await decide(appId, approval());
    expectError(res, 409, { code: 'approval_blocked', message: 'objection(s) were upheld' });
    expect(res.body.error.message).toContain(objection.body.id);
  });

  it('with only one household visit', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
    expectStatus(await as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(45) })), 201);
    expectError(await decide(appId, approval()), 409, { code: 'approval_blocked', message: '1 household visit(s) logged; 2 are required' });
  });

  it('when screening fails on family planning (violation)', async () => {
    const appId = await readyApplication(roundId, { familyPlanning: 'violation' });
    const res = await decide(appId, approval());
    expectError(res, 409, { code: 'approval_blocked', message: 'screening failed: family_planning' });
    expect(res.body.error.message).not.toContain('willing_to_work');
  });

  it('when screening fails because a visit found the household not willing to work', async () => {
    const appId = await submit(roundId);
    expectStatus(await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
    expectStatus(await as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(45) })), 201);
    expectStatus(await as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(35), willingToWork: false })), 201);
    const res = await decide(appId, approval());
    expectError(res, 409, { code: 'approval_blocked', message: 'willing_to_work' });
    expect(res.body.error.message).toContain(daysAgo(35));
  });

  it('when the round has less capital left than the amount', async () => {
    const small = await openRound({ capitalFen: 1_500_000 });
    const first = await readyApplication(small);
    const second = await readyApplication(small);
    await approve(first, 1_000_000);
    const res = await decide(second, approval({ decidedOn: daysAgo(30) }));
    expectError(res, 409, { code: 'approval_blocked', message: /capital left/ });
    expect(await statusOf(second)).toBe('submitted');
    const round = await as('committee').get(`/rounds/${small}`);
    expect(round.body).toMatchObject({ committedFen: 1_000_000, uncommittedFen: 500_000, loanCount: 1 });
  });

  it('lets only one of two simultaneous approvals take the last capital', async () => {
    const small = await openRound({ capitalFen: 1_500_000 });
    const [a, b] = await Promise.all([readyApplication(small), readyApplication(small)]);
    const answers = await Promise.all([decide(a, approval({ decidedOn: daysAgo(30) })), decide(b, approval({ decidedOn: daysAgo(30) }))]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expectError(answers.find((r) => r.status === 409)!, 409);
    const round = await as('committee').get(`/rounds/${small}`);
    expect(round.body).toMatchObject({ committedFen: 1_000_000, uncommittedFen: 500_000, loanCount: 1 });
  });

  it('names every unmet condition at once', async () => {
    const appId = await submit(roundId, { familyPlanning: 'violation' });
    const res = await decide(appId, approval());
    expectError(res, 409, { code: 'approval_blocked' });
    expect(res.body.error.message).toContain('notice');
    expect(res.body.error.message).toContain('0 household visit(s)');
    expect(res.body.error.message).toContain('family_planning');
  });
});

describe('decision values', () => {
  it('refuses an amount below the round range (422 amountFen)', async () => {
    const appId = await readyApplication(roundId);
    expectError(await decide(appId, approval({ amountFen: 100_000 })), 422, { code: 'validation_failed', field: 'amountFen' });
    expect(await statusOf(appId)).toBe('submitted');
  });

  it('refuses an amount above the round range (422 amountFen)', async () => {
    const appId = await readyApplication(roundId);
    expectError(await decide(appId, approval({ amountFen: 2_000_000 })), 422, { code: 'validation_failed', field: 'amountFen' });
  });

  it('refuses a decision dated in the future (422 decidedOn)', async () => {
    const appId = await readyApplication(roundId);
    const tomorrow = addDays(today(), 1);
    expectError(await decide(appId, approval({ decidedOn: tomorrow })), 422, { field: 'decidedOn' });
  });

  it('refuses a decision dated before the application (422 decidedOn)', async () => {
    const appId = await readyApplication(roundId);
    expectError(await decide(appId, approval({ decidedOn: daysAgo(61) })), 422, { field: 'decidedOn' });
  });

  it('refuses a malformed decision (400)', async () => {
    const appId = await readyApplication(roundId);
    expectError(await decide(appId, { decision: 'maybe', decidedOn: today() }), 400, { code: 'invalid_request' });
    expectError(await decide(appId, { decision: 'reject', decidedOn: today() }), 400, { field: 'reason' });
    expectError(await decide(appId, { decision: 'approve', decidedOn: today() }), 400, { field: 'amountApprovedFen' });
    expectError(await decide(appId, approval({ amountFen: 1_000_000.5 })), 400, { field: 'amountFen' });
  });
});

describe('decision state', () => {
  it('refuses to approve twice (409 wrong_state) and keeps one loan', async () => {
    const appId = await readyApplication(roundId);
    const loanId = await approve(appId);
    expectError(await decide(appId, approval({ decidedOn: daysAgo(30) })), 409, { code: 'wrong_state' });
    expectError(await decide(appId, { decision: 'reject', decidedOn: daysAgo(1), reason: '改变主意' }), 409, { code: 'wrong_state' });
    const file = await as('district').get(`/applications/${appId}`);
    expect(file.body).toMatchObject({ status: 'approved', loanId });
  });

  it('refuses to change a rejected application (409)', async () => {
    const appId = await readyApplication(roundId);
    expectStatus(await decide(appId, { decision: 'reject', decidedOn: daysAgo(1), reason: '收入高于本村平均' }), 200);
    expectError(await decide(appId, approval({ decidedOn: daysAgo(1) })), 409, { code: 'wrong_state' });
    expectError(await as('field').post(`/applications/${appId}/visits`, visitInput()), 409, { code: 'wrong_state' });
  });

  it('a second application for the same mother is refused while the first is open; after rejection she may apply again', async () => {
    const id = residentId();
    const first = await submit(roundId, { mother: { name: '央金', residentId: id } });
    const again = await as('township').post('/applications', applicationInput(roundId, { mother: { name: '央金', residentId: id }, submittedOn: daysAgo(2) }));
    expectError(again, 409, { code: 'mother_has_open_case', message: first });
    // the same number written in lower case is the same mother
    const lower = await as('township').post('/applications', applicationInput(roundId, { mother: { name: '央金', residentId: id.toLowerCase() } }));
    expect(lower.status).toBe(409);

    const rejected = await decide(first, { decision: 'reject', decidedOn: daysAgo(1), reason: '项目计划不可行' });
    expectStatus(rejected, 200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decision: { decision: 'reject', reason: '项目计划不可行' } });
    const afterRejection = await as('township').post('/applications', applicationInput(roundId, { mother: { name: '央金', residentId: id }, submittedOn: daysAgo(1) }));
    expectStatus(afterRejection, 201);
  });

  it('a mother with an active loan cannot apply (409 mother_has_open_case)', async () => {
    const id = residentId();
    const loanId = await activeLoan(roundId, 1_000_000, { mother: { name: '拉姆', residentId: id } });
    const res = await as('township').post('/applications', applicationInput(roundId, { mother: { name: '拉姆', residentId: id }, submittedOn: daysAgo(1) }));
    expectError(res, 409, { code: 'mother_has_open_case', message: loanId });
  });

  it('a mother with an approved, not yet disbursed loan cannot apply (409)', async () => {
    const id = residentId();
    await approve(await readyApplication(roundId, { mother: { name: '卓嘎', residentId: id } }));
    expectError(await as('township').post('/applications', applicationInput(roundId, { mother: { name: '卓嘎', residentId: id } })), 409, { code: 'mother_has_open_case' });
  });

  it('two simultaneous applications for one mother: one is accepted, the other refused', async () => {
    const id = residentId();
    const body = applicationInput(roundId, { mother: { name: '次珍', residentId: id } });
    const answers = await Promise.all([as('township').post('/applications', body), as('district').post('/applications', body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.error.code).toBe('mother_has_open_case');
  });
});
