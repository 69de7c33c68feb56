import type { Evaluation } from '../domain/entities.ts';
import { nextEvaluationSlot, nextLoanStatus } from '../domain/lifecycle.ts';
import type { EvaluationInput } from '../domain/schemas/evaluations.ts';
import { keys } from '../store/keys.ts';
import { stageLoanUpdate, stageNewEvaluation } from '../store/loans.ts';
import { Transaction } from '../store/transaction.ts';
import { finalEvaluationDeltas } from '../domain/aggregates.ts';
import { AggregateChanges } from '../store/aggregates.ts';
import { reportGroupsOf } from './loan-facts.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { dateNotBefore, dateNotFuture, loadFile } from './loans.ts';
import { getSettings } from '../store/settings.ts';
import { backDatedData, recordEntry } from './controls.ts';

/**
 * recordEvaluation: field staff log an on-site evaluation (评估关).
 * 1. the loan has been disbursed; 2. the first open slot of that kind in its schedule is
 * filled (mid-term, year-end, final: each once); 3. the evaluation and the schedule change
 * are written together with the history.
 */
export async function recordEvaluation(ctx: Context, id: string, input: EvaluationInput): Promise<Evaluation> {
  const { loan } = await loadFile(ctx, id);
  nextLoanStatus(loan.status, 'evaluate');
  const slot = nextEvaluationSlot(loan.evaluationSchedule, input.kind);
  dateNotFuture(ctx, input.evaluatedOn, 'evaluatedOn');
  dateNotBefore(input.evaluatedOn, loan.disbursement?.disbursedOn, 'evaluatedOn', 'the disbursement date');
  const tx = new Transaction();
  const recording = recordEntry(ctx, await getSettings(), tx, { what: `${input.kind} evaluation`, paperDate: input.evaluatedOn, recordType: 'loan', recordId: id, officeId: loan.villageId });
  const evaluation: Evaluation = { id: newId(), loanId: id, ...input, dueOn: loan.evaluationSchedule[slot]!.dueOn, recordedBy: actorOf(ctx.caller), ...recording };
  const schedule = loan.evaluationSchedule.map((s, i) => (i === slot ? { ...s, evaluationId: evaluation.id } : s));
  stageNewEvaluation(tx, evaluation);
  stageLoanUpdate(tx, { ...loan, evaluationSchedule: schedule });
  if (input.kind === 'final') new AggregateChanges().add(reportGroupsOf(loan), finalEvaluationDeltas(input.evaluatedOn, input.incomeToDateFen, input.leftPoverty ?? false)).stage(tx);
  tx.create(
    historyItem(
      ctx,
      keys.loan(id).pk,
      'evaluated',
      `${input.kind} evaluation on ${input.evaluatedOn}${input.kind === 'final' ? (input.leftPoverty ? ': left poverty' : ': not yet out of poverty') : ''}`,
      { evaluationId: evaluation.id, kind: input.kind, evaluatedOn: input.evaluatedOn, ...(input.leftPoverty !== undefined ? { leftPoverty: input.leftPoverty } : {}), ...backDatedData(recording) },
    ),
  );
  return tx.commit(evaluation, ctx.idempotency);
}
