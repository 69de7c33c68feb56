/** One mother from application to repaid loan, through the API as each role does it. */
import { describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { agreementInput, applicationInput, confirmLoans, daysAgo, evaluationInput, openRound, visitInput } from '../support/fixtures.ts';

describe('a loan from application to repayment', () => {
  it('walks every step, keeps the history and lets the mother apply again after repaying', async () => {
    const roundId = await openRound();
    const input = applicationInput(roundId);
    const submitted = await as('township').post('/applications', input);
    expect(submitted.status).toBe(201);
    const appId = submitted.body.id;
    expect(submitted.body).toMatchObject({ status: 'submitted', townshipId: 'lhasa.chengguan.caigongtang', districtId: 'lhasa.chengguan' });
    // the submission's entry is read from the application (no event repeats it): no later step may change it
    const [submissionEntry] = (await as('district').get(`/applications/${appId}`)).body.history;
    expect(submissionEntry).toMatchObject({ action: 'application_submitted', actor: expect.objectContaining({ username: 'township' }), params: { amountRequestedFen: input.amountRequestedFen } });

    expect((await as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55), place: '村委会公示栏' })).status).toBe(200);
    const objection = await as('township').post(`/applications/${appId}/objections`, { raisedOn: daysAgo(53), raisedBy: '村民', content: '家里有拖拉机' });
    expect(objection.status).toBe(201);
    const resolved = await as('district').post(`/applications/${appId}/objections/${objection.body.id}/resolution`, { resolvedOn: daysAgo(50), outcome: 'dismissed', note: '拖拉机已报废，经核实' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('dismissed');

    expect((await as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(45) }))).status).toBe(201);
    expect((await as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(35) }))).status).toBe(201);

    const screening = await as('district').post(`/applications/${appId}/screening`);
    expect(screening.status).toBe(200);
    expect(screening.body.passed).toBe(true);
    expect(screening.body.rules.map((r: { rule: string }) => r.rule)).toEqual([
      'family_planning',
      'project_plan',
      'willing_to_work',
      'plan_credible',
      'income_below_village',
      'amount_in_range',
      'capacity_to_repay',
      'good_credit',
    ]);
    expect(screening.body.priorityScore).toBeGreaterThan(30);

    // four eyes: the clerk who ran the screening may not approve; a second district clerk does
    const own = await as('district').post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 });
    expect(own.status).toBe(409);
    expect(own.body.error).toMatchObject({ code: 'separation_of_duties', field: 'screening' });
    const decision = await as('district-2').post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 });
    expect(decision.status).toBe(200);
    const loanId = decision.body.loanId;
    expect(loanId).toMatch(/^[0-9A-Z]{26}$/);

    await confirmLoans([loanId], { on: daysAgo(30) });
    expect((await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29)))).status).toBe(200);
    const paid = await as('district').post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true, place: '蔡公堂乡政府' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'active', dueOn: expect.any(String), balanceFen: 1_000_000 });
    expect(paid.body.evaluationSchedule.map((s: { kind: string }) => s.kind)).toEqual(['midterm', 'yearend', 'final']);

    const evaluation = await as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm'));
    expect(evaluation.status).toBe(201);

    const part = await as('township').post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(5), amountFen: 400_000, receiptNo: `R-${loanId}-1` });
    expect(part.status).toBe(201);
    expect(part.body.balanceAfterFen).toBe(600_000);
    const rest = await as('township').post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(1), amountFen: 600_000, receiptNo: `R-${loanId}-2` });
    expect(rest.status).toBe(201);
    expect(rest.body.balanceAfterFen).toBe(0);

    const loan = await as('district').get(`/loans/${loanId}`);
    expect(loan.status).toBe(200);
    expect(loan.body).toMatchObject({ status: 'repaid', balanceFen: 0, repaidFen: 1_000_000, repaidOn: daysAgo(1) });
    expect(loan.body.repayments).toHaveLength(2);
    expect(loan.body.evaluations).toHaveLength(1);
    expect(loan.body.history.map((e: { action: string }) => e.action)).toEqual([
      'loan_created',
      'confirmation_sent',
      'confirmation_confirmed',
      'agreement_signed',
      'disbursed',
      'evaluated',
      'repayment',
      'repaid',
    ]);
    expect(loan.body.history.every((e: { actor: { username: string } }) => e.actor.username)).toBe(true);

    const application = (await as('district').get(`/applications/${appId}`)).body;
    expect(application.history[0]).toEqual(submissionEntry);
    expect(application.history.filter((e: { action: string }) => e.action === 'application_submitted')).toHaveLength(1);

    const round = await as('committee').get(`/rounds/${roundId}`);
    expect(round.body).toMatchObject({ committedFen: 1_000_000, disbursedFen: 1_000_000, repaidFen: 1_000_000, loanCount: 1 });

    // after repaying she may apply again, and the new application shows the earlier loan
    const again = await as('township').post('/applications', { ...input, submittedOn: daysAgo(1) });
    expect(again.status).toBe(201);
    const file = await as('district').get(`/applications/${again.body.id}`);
    expect(file.body.earlierLoans).toEqual([expect.objectContaining({ id: loanId, status: 'repaid', principalFen: 1_000_000 })]);
  });
});
