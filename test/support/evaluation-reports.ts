/** Fixtures of the evaluation reports (评估报告): a round whose households were evaluated at mid-term, and reports of it in each state. */
import { as, call } from './api.ts';
import { activeLoan, agreementInput, applicationInput, confirmLoans, daysAgo, evaluationInput, openRound, residentId, today, visitInput } from './fixtures.ts';

/** A round with `households` loans paid out 28 days ago, each evaluated at mid-term (ahead of time) by the field officer. */
export async function evaluatedRound(households = 1, overrides: Record<string, unknown> = {}): Promise<{ roundId: string; loanIds: string[] }> {
  const roundId = await openRound();
  const loanIds: string[] = [];
  for (let i = 0; i < households; i++) {
    const loanId = await activeLoan(roundId);
    const evaluated = await as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm', overrides));
    if (evaluated.status !== 201) throw new Error(`evaluate: ${evaluated.status} ${JSON.stringify(evaluated.body)}`);
    loanIds.push(loanId);
  }
  return { roundId, loanIds };
}

/** The mid-term report of a round drafted by the district; with an assessment when `assessment` is given. */
export async function draftedReport(roundId: string, assessment?: string): Promise<string> {
  const drafted = await as('district').post('/evaluation-reports', { roundId, point: 0 });
  if (drafted.status !== 201) throw new Error(`draft: ${drafted.status} ${JSON.stringify(drafted.body)}`);
  const id = drafted.body.id as string;
  if (assessment) {
    const written = await call('district', 'PATCH', `/evaluation-reports/${id}`, { assessment });
    if (written.status !== 200) throw new Error(`assessment: ${written.status} ${JSON.stringify(written.body)}`);
  }
  return id;
}

/** A mid-term report of a new evaluated round, submitted to the committee today. */
export async function submittedReport(): Promise<string> {
  const { roundId } = await evaluatedRound();
  const id = await draftedReport(roundId, '各户资金使用基本符合计划。');
  const submitted = await as('district').post(`/evaluation-reports/${id}/submit`, { reportedOn: today() });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return id;
}

/** A loan of `roundId` paid out `disbursedDaysAgo` days ago, every step dated on paper long before today (so its first evaluations are due). */
export async function oldLoan(roundId: string, name: string, amountFen: number, disbursedDaysAgo = 168): Promise<string> {
  const step = async (res: Promise<{ status: number; body: any }>, status: number, what: string) => {
    const r = await res;
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const start = disbursedDaysAgo + 32;
  const app = await step(
    as('township').post('/applications', applicationInput(roundId, { submittedOn: daysAgo(start), mother: { name, residentId: residentId() }, amountRequestedFen: amountFen })),
    201,
    'apply',
  );
  await step(as('township').post(`/applications/${app.id}/notice`, { postedOn: daysAgo(start - 5) }), 200, 'notice');
  await step(as('field').post(`/applications/${app.id}/visits`, visitInput({ visitedOn: daysAgo(start - 15) })), 201, 'visit');
  await step(as('field').post(`/applications/${app.id}/visits`, visitInput({ visitedOn: daysAgo(start - 20) })), 201, 'visit');
  const decision = await step(as('district-2').post(`/applications/${app.id}/decision`, { decision: 'approve', decidedOn: daysAgo(start - 25), amountFen }), 200, 'approve');
  await confirmLoans([decision.loanId], { on: daysAgo(start - 28) });
  await step(as('district').post(`/loans/${decision.loanId}/agreement`, agreementInput(daysAgo(start - 30))), 200, 'agreement');
  await step(as('district').post(`/loans/${decision.loanId}/disbursement`, { disbursedOn: daysAgo(disbursedDaysAgo), amountFen, motherPresent: true, idChecked: true }), 200, 'disburse');
  return decision.loanId;
}
