/**
 * Money and state under retries and races: one winner, a 409 for the loser, never a
 * second movement of money.
 */
import { describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import type { Application } from '../../shared/domain/entities.ts';
import { stageApplicationUpdate } from '../../shared/store/applications.ts';
import { keys } from '../../shared/store/keys.ts';
import { getRecord } from '../../shared/store/records.ts';
import { Transaction } from '../../shared/store/transaction.ts';
import { expectError } from './refusal-helpers.ts';
import { activeLoan, applicationInput, daysAgo, openRound, readyApplication, visitInput } from '../support/fixtures.ts';

const repay = (loanId: string, amountFen: number, key: string, receiptNo = `R-${key}`) =>
  as('township').post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(1), amountFen, receiptNo }, { idempotencyKey: key });

describe('races', () => {
  it('approve and reject at the same moment: exactly one wins, the other gets 409', async () => {
    const roundId = await openRound();
    const appId = await readyApplication(roundId);
    const [approve, reject] = await Promise.all([
      as('district').post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 }),
      as('district').post(`/applications/${appId}/decision`, { decision: 'reject', decidedOn: daysAgo(30), reason: '名额已满' }),
    ]);
    expect([approve.status, reject.status].sort()).toEqual([200, 409]);
    const app = await as('district').get(`/applications/${appId}`);
    const winner = approve.status === 200 ? 'approved' : 'rejected';
    expect(app.body.status).toBe(winner);
    const round = await as('committee').get(`/rounds/${roundId}`);
    expect(round.body.committedFen).toBe(winner === 'approved' ? 1_000_000 : 0);
  });

  it('two repayments that together exceed the balance: one is recorded, the other refused', async () => {
    const loanId = await activeLoan(await openRound(), 1_000_000);
    const answers = await Promise.all([repay(loanId, 700_000, `race-a-${loanId}`), repay(loanId, 700_000, `race-b-${loanId}`)]);
    const statuses = answers.map((a) => a.status).sort();
    // the loser either lost the race (409) or read the new balance first (422: exceeds the balance)
    expect(statuses[0]).toBe(201);
    expect([409, 422]).toContain(statuses[1]);
    const loan = await as('district').get(`/loans/${loanId}`);
    expect(loan.body).toMatchObject({ balanceFen: 300_000, repaidFen: 700_000 });
    expect(loan.body.repayments).toHaveLength(1);
  });

  it('many concurrent partial repayments: every accepted one is counted once and the ledger sums to the balance', async () => {
    const roundId = await openRound();
    const loanId = await activeLoan(roundId, 1_000_000);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => repay(loanId, 100_000, `many-${i}-${loanId}`)));
    expect(answers.every((a) => [201, 409, 422].includes(a.status))).toBe(true);
    const accepted = answers.filter((a) => a.status === 201).length;
    expect(accepted).toBeGreaterThan(0);
    const loan = await as('district').get(`/loans/${loanId}`);
    const ledger = loan.body.repayments.reduce((sum: number, r: { amountFen: number }) => sum + r.amountFen, 0);
    expect(loan.body.repayments).toHaveLength(accepted);
    expect(loan.body.repaidFen).toBe(ledger);
    expect(loan.body.balanceFen).toBe(1_000_000 - ledger);
    const round = await as('committee').get(`/rounds/${roundId}`);
    expect(round.body.repaidFen).toBe(ledger);
  });

  it('the last capital of a round goes to one of two concurrent approvals only', async () => {
    const roundId = await openRound({ capitalFen: 1_500_000 });
    const [first, second] = await Promise.all([readyApplication(roundId), readyApplication(roundId)]);
    const answers = await Promise.all([first, second].map((id) => as('district').post(`/applications/${id}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const round = await as('committee').get(`/rounds/${roundId}`);
    expect(round.body).toMatchObject({ committedFen: 1_000_000, uncommittedFen: 500_000, loanCount: 1 });
  });

  it('two applications for the same mother at once: one is accepted, the other is told she has an open case', async () => {
    const roundId = await openRound();
    const { applicationInput } = await import('../support/fixtures.ts');
    const input = applicationInput(roundId);
    const answers = await Promise.all([as('township').post('/applications', input), as('district').post('/applications', input)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  });
});

describe('retries with an Idempotency-Key', () => {
  it('the same repayment sent five times at once moves the money once', async () => {
    const loanId = await activeLoan(await openRound(), 1_000_000);
    const key = `dup-${loanId}`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => repay(loanId, 250_000, key, 'SJ-1')));
    const ok = answers.filter((a) => a.status === 201);
    expect(ok.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(new Set(ok.map((a) => a.body.id)).size).toBe(1);
    const loan = await as('district').get(`/loans/${loanId}`);
    expect(loan.body.repayments).toHaveLength(1);
    expect(loan.body.balanceFen).toBe(750_000);
  });

  it('a retry after the first answer returns that answer, marked as a replay', async () => {
    const loanId = await activeLoan(await openRound(), 1_000_000);
    const first = await repay(loanId, 250_000, `replay-${loanId}`, `SJ-1-${loanId}`);
    const again = await repay(loanId, 250_000, `replay-${loanId}`, `SJ-1-${loanId}`);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('an application resent with the same key creates one application', async () => {
    const roundId = await openRound();
    const { applicationInput } = await import('../support/fixtures.ts');
    const input = applicationInput(roundId);
    const first = await as('township').post('/applications', input, { idempotencyKey: `app-${roundId}` });
    const again = await as('township').post('/applications', input, { idempotencyKey: `app-${roundId}` });
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const list = await as('district').get(`/applications?roundId=${roundId}`);
    expect(list.body.items).toHaveLength(1);
  });

  it('a key is private to its caller: another user with the same key makes a new request', async () => {
    const loanId = await activeLoan(await openRound(), 1_000_000);
    const key = `shared-${loanId}`;
    const byTownship = await repay(loanId, 100_000, key, `SJ-1-${loanId}`);
    const byDistrict = await as('district').post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(1), amountFen: 100_000, receiptNo: `SJ-2-${loanId}` }, { idempotencyKey: key });
    expect(byTownship.status).toBe(201);
    expect(byDistrict.status).toBe(201);
    expect(byDistrict.body.id).not.toBe(byTownship.body.id);
  });

  // a field officer's phone resends what it logged offline, days later: the answer is kept on the application the visit changed
  it('a visit resent after later steps on the same application is the first answer, and is recorded once', async () => {
    const submitted = await as('township').post('/applications', applicationInput(await openRound()));
    const id = submitted.body.id as string;
    await as('township').post(`/applications/${id}/notice`, { postedOn: daysAgo(55) });
    const key = `visit-${id}`;
    const first = await as('field').post(`/applications/${id}/visits`, visitInput({ visitedOn: daysAgo(45) }), { idempotencyKey: key });
    expect(first.status).toBe(201);
    await as('field').post(`/applications/${id}/visits`, visitInput({ visitedOn: daysAgo(35) }));
    // a step sent without a key replaces the application too: the kept answer stays
    expect((await as('field').post(`/applications/${id}/screening`, undefined, { idempotencyKey: false })).status).toBeLessThan(300);
    const again = await as('field').post(`/applications/${id}/visits`, visitInput({ visitedOn: daysAgo(45) }), { idempotencyKey: key });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const app = await as('district').get(`/applications/${id}`);
    expect(app.body.visits).toHaveLength(2);
    // what is kept for replays shows nowhere in the record or its history
    expect(JSON.stringify(app.body)).not.toMatch(/"idem"|"answer"/);
    expectError(await as('field').post(`/applications/${id}/visits`, visitInput({ visitedOn: daysAgo(44) }), { idempotencyKey: key }), 422, { code: 'validation_failed', field: 'Idempotency-Key' });
  });

  it('the same visit sent five times at once is recorded once, and every answer is that visit', async () => {
    const submitted = await as('township').post('/applications', applicationInput(await openRound()));
    const id = submitted.body.id as string;
    await as('township').post(`/applications/${id}/notice`, { postedOn: daysAgo(55) });
    const key = `visit-dup-${id}`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => as('field').post(`/applications/${id}/visits`, visitInput({ visitedOn: daysAgo(45) }), { idempotencyKey: key })));
    const ok = answers.filter((a) => a.status === 201);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((a) => a.body.id)).size).toBe(1);
    const app = await as('district').get(`/applications/${id}`);
    expect(app.body.visits).toHaveLength(1);
  });

  it('a record written back from a copy without its kept answers (a job, a script) still replays them', async () => {
    const submitted = await as('township').post('/applications', applicationInput(await openRound()));
    const id = submitted.body.id as string;
    const key = `notice-${id}`;
    const first = await as('township').post(`/applications/${id}/notice`, { postedOn: daysAgo(55) }, { idempotencyKey: key });
    expect(first.status).toBe(200);
    const app = await getRecord<Application>(keys.application(id));
    const copy = JSON.parse(JSON.stringify(app)) as Application;
    const tx = new Transaction();
    stageApplicationUpdate(tx, copy);
    await tx.commit(undefined);
    const again = await as('township').post(`/applications/${id}/notice`, { postedOn: daysAgo(55) }, { idempotencyKey: key });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await getRecord<Application>(keys.application(id)))?.version).toBe(app!.version + 1);
  });

  it('a write-off resent by the committee answers as the first did: her ID masked', async () => {
    const loanId = await activeLoan(await openRound(), 1_000_000);
    const body = { writtenOffOn: daysAgo(1), reason: '牲畜全部病死，无力偿还' };
    const first = await as('committee').post(`/loans/${loanId}/write-off`, body, { idempotencyKey: `wo-${loanId}` });
    expect(first.status).toBe(200);
    expect(first.body.mother.residentId).toContain('*');
    const again = await as('committee').post(`/loans/${loanId}/write-off`, body, { idempotencyKey: `wo-${loanId}` });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('a text-message choice resent answers as the first did (her choice, not the whole record)', async () => {
    const loanId = await activeLoan(await openRound(), 1_000_000);
    const body = { optIn: false, lang: 'zh-CN', reason: '本人要求停止短信' };
    const first = await as('township').post(`/loans/${loanId}/sms-preference`, body, { idempotencyKey: `sms-${loanId}` });
    expect(first.status).toBe(200);
    const again = await as('township').post(`/loans/${loanId}/sms-preference`, body, { idempotencyKey: `sms-${loanId}` });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });
});
