import type { Repayment } from '../domain/entities.ts';
import { applyRepayment } from '../domain/lifecycle.ts';
import type { RepaymentInput } from '../domain/schemas.ts';
import { keys } from '../store/keys.ts';
import { stageLoanUpdate, stageNewRepayment } from '../store/loans.ts';
import { stageMoveCase } from '../store/mothers.ts';
import { stageRoundCounters } from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { dateNotBefore, dateNotFuture, loadFile } from './loans.ts';

/**
 * recordRepayment: a township records money a mother paid back.
 * 1. the loan is active and the amount does not exceed its balance; 2. the repayment, the
 * loan's new balance (optimistic version check), the round's recovered total and the history
 * are written in one transaction, with the Idempotency-Key record so a retry moves nothing twice;
 * 3. at zero balance the loan is repaid and the mother may apply again.
 */
export async function recordRepayment(ctx: Context, id: string, input: RepaymentInput): Promise<Repayment> {
  const { loan } = await loadFile(ctx, id);
  const effect = applyRepayment(loan, input.amountFen);
  dateNotFuture(ctx, input.paidOn, 'paidOn');
  dateNotBefore(input.paidOn, loan.disbursement?.disbursedOn, 'paidOn', 'the disbursement date');
  const repayment: Repayment = { id: newId(), loanId: id, ...input, balanceAfterFen: effect.balanceAfterFen, recordedBy: actorOf(ctx.caller), recordedAt: ctx.now.toISOString() };
  const repaid = effect.status === 'repaid';
  const tx = new Transaction();
  stageNewRepayment(tx, repayment);
  stageLoanUpdate(tx, { ...loan, status: effect.status, balanceFen: effect.balanceAfterFen, repaidFen: effect.repaidAfterFen, ...(repaid ? { repaidOn: input.paidOn } : {}) });
  stageRoundCounters(tx, loan.roundId, { repaidFen: input.amountFen });
  if (repaid) stageMoveCase(tx, loan.mother.residentId, { kind: 'loan', id }, undefined);
  tx.create(historyItem(ctx, keys.loan(id).pk, repaid ? 'repaid' : 'repayment', `${input.amountFen} fen repaid on ${input.paidOn} (receipt ${input.receiptNo}); balance ${effect.balanceAfterFen} fen`, { repaymentId: repayment.id, amountFen: input.amountFen, balanceAfterFen: effect.balanceAfterFen }));
  return tx.commit(repayment, ctx.idempotency);
}
