import { removalDeltas } from '../domain/aggregates.ts';
import type { Loan, Repayment } from '../domain/entities.ts';
import { applyRepayment, nextLoanStatus } from '../domain/lifecycle.ts';
import type { RepaymentInput, WriteOffInput } from '../domain/schemas.ts';
import { AggregateChanges } from '../store/aggregates.ts';
import { stageFund } from '../store/fund.ts';
import { keys } from '../store/keys.ts';
import { stageLoanUpdate, stageNewRepayment } from '../store/loans.ts';
import { stageMoveCase } from '../store/mothers.ts';
import { stageRoundCounters } from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { reportGroupsOf } from './loan-facts.ts';
import { dateNotBefore, dateNotFuture, loadFile } from './loans.ts';
import { stageCollected } from './remittances.ts';

/**
 * recordRepayment: a township records money a mother paid back.
 * 1. the loan is active or overdue and the amount does not exceed its balance;
 * 2. in one transaction: the repayment, the loan's new balance (optimistic version check),
 *    the round's and the district fund's recovered totals, the report aggregates, the
 *    township's collected money, the history, and the Idempotency-Key record, so a retry
 *    moves nothing twice;
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
  stageNewRepayment(tx, repayment, loan);
  stageLoanUpdate(tx, { ...loan, status: effect.status, balanceFen: effect.balanceAfterFen, repaidFen: effect.repaidAfterFen, ...(repaid ? { repaidOn: input.paidOn } : {}) });
  stageRoundCounters(tx, loan.roundId, { repaidFen: input.amountFen, closedLoans: repaid ? 1 : 0 });
  stageFund(tx, loan.districtId, { recoveredFen: input.amountFen, availableFen: input.amountFen });
  new AggregateChanges().add(reportGroupsOf(loan), removalDeltas({ dueOn: loan.dueOn! }, input.amountFen, input.paidOn, 'repayment', repaid)).stage(tx);
  stageCollected(tx, repayment, loan);
  if (repaid) stageMoveCase(tx, loan.mother.residentId, { kind: 'loan', id }, undefined);
  tx.create(historyItem(ctx, keys.loan(id).pk, repaid ? 'repaid' : 'repayment', `${input.amountFen} fen repaid on ${input.paidOn} (receipt ${input.receiptNo}); balance ${effect.balanceAfterFen} fen`, { repaymentId: repayment.id, amountFen: input.amountFen, paidOn: input.paidOn, receiptNo: input.receiptNo, balanceAfterFen: effect.balanceAfterFen }));
  return tx.commit(repayment, ctx.idempotency);
}

/**
 * writeOffLoan: the committee writes off what a mother cannot repay.
 * 1. the loan is active or overdue with a balance; 2. the balance becomes written off (not
 * repaid) in the loan, the round, the fund and the report aggregates; 3. the mother's case
 * closes (her record keeps the write-off, so screening's good-credit rule will see it).
 */
export async function writeOffLoan(ctx: Context, id: string, input: WriteOffInput): Promise<Loan> {
  const { loan } = await loadFile(ctx, id);
  const status = nextLoanStatus(loan.status, 'write_off');
  dateNotFuture(ctx, input.writtenOffOn, 'writtenOffOn');
  dateNotBefore(input.writtenOffOn, loan.disbursement?.disbursedOn, 'writtenOffOn', 'the disbursement date');
  const amountFen = loan.balanceFen;
  const tx = new Transaction();
  const saved = stageLoanUpdate(tx, { ...loan, status, balanceFen: 0, writeOff: { writtenOffOn: input.writtenOffOn, amountFen, reason: input.reason, writtenOffBy: actorOf(ctx.caller) } });
  stageRoundCounters(tx, loan.roundId, { writtenOffFen: amountFen, closedLoans: 1 });
  stageFund(tx, loan.districtId, { writtenOffFen: amountFen });
  new AggregateChanges().add(reportGroupsOf(loan), removalDeltas({ dueOn: loan.dueOn! }, amountFen, input.writtenOffOn, 'write_off', true)).stage(tx);
  stageMoveCase(tx, loan.mother.residentId, { kind: 'loan', id }, undefined);
  tx.create(historyItem(ctx, keys.loan(id).pk, 'written_off', `${amountFen} fen written off on ${input.writtenOffOn}: ${input.reason}`, { amountFen, writtenOffOn: input.writtenOffOn, reason: input.reason }));
  return tx.commit(saved, ctx.idempotency);
}
