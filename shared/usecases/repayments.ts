import { removalDeltas } from '../domain/aggregates.ts';
import { ConcurrentChange, DuplicateReceipt, type DomainError } from '../domain/errors.ts';
import { isWithin } from '../domain/offices.ts';
import { recordException } from '../store/exceptions.ts';
import { getRecord } from '../store/records.ts';
import { getSettings } from '../store/settings.ts';
import { backDatedData, recordEntry } from './controls.ts';
import { withMotherFor } from './views.ts';
import type { Loan, Repayment } from '../domain/entities.ts';
import { applyRepayment, nextLoanStatus } from '../domain/lifecycle.ts';
import type { RepaymentInput, WriteOffInput } from '../domain/schemas/repayments.ts';
import { AggregateChanges } from '../store/aggregates.ts';
import { stageFund } from '../store/fund.ts';
import { keys } from '../store/keys.ts';
import { stageLoanUpdate, stageNewRepayment } from '../store/loans.ts';
import { stageDueDateChange } from '../store/loan-due.ts';
import { stageMoveCase } from '../store/mothers.ts';
import { stageRoundCounters } from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { reportGroupsOf } from './loan-facts.ts';
import { dateNotBefore, dateNotFuture, loadFile } from './loans.ts';
import { stageCollected } from './remittances.ts';
import { dispatch, stageRepaymentMessage } from './sms.ts';

/** The item that makes a paper receipt number count once in its township (`keys.receipt`). */
interface ReceiptRecord {
  receiptNo: string;
  townshipId: string;
  loanId: string;
  repaymentId: string;
  /** the village of the loan; receipts written by a ledger import before it was kept have none until `scripts/backfill-receipts.ts` runs */
  officeId?: string;
  recordedAt?: string;
  /** a receipt that came from a district's ledger (`POST /ledger-imports`) */
  ledgerImportId?: string;
  /** the request that used it (so a concurrent duplicate of that same request replays instead) */
  requestScope?: string;
}

/**
 * recordRepayment: a township records money a mother paid back.
 * 1. the loan is active or overdue and the amount does not exceed its balance; the paper
 *    receipt number was not used before in the loan's township (else 409 `duplicate_receipt`
 *    naming the earlier repayment, and the refusal is kept for the exceptions report);
 * 2. in one transaction: the receipt number (a conditional create: two at once cannot both
 *    win), the repayment, the loan's new balance (optimistic version check),
 *    the round's and the district fund's recovered totals, the report aggregates, the
 *    township's collected money, the history, and the Idempotency-Key record, so a retry
 *    moves nothing twice;
 * 3. at zero balance the loan is repaid and the mother may apply again (its reminder-run
 *    pointer `LOANDUE#` is left to expire by itself: the run skips a loan no longer out);
 * 4. her confirmation (amount, receipt number, balance left) is queued in the same transaction
 *    when she agreed to text messages, and sent once it is committed: a mother who paid more
 *    than was recorded notices the same day.
 */
export async function recordRepayment(ctx: Context, id: string, input: RepaymentInput): Promise<Repayment> {
  const { loan } = await loadFile(ctx, id);
  const effect = applyRepayment(loan, input.amountFen);
  dateNotFuture(ctx, input.paidOn, 'paidOn');
  dateNotBefore(input.paidOn, loan.disbursement?.disbursedOn, 'paidOn', 'the disbursement date');
  const receiptKey = keys.receipt(loan.townshipId, input.receiptNo);
  const used = await getRecord<ReceiptRecord>(receiptKey);
  if (used) throw await duplicateReceipt(ctx, loan, input.receiptNo, used);
  const tx = new Transaction();
  const recording = recordEntry(ctx, await getSettings(), tx, { what: 'repayment', paperDate: input.paidOn, recordType: 'loan', recordId: id, officeId: loan.villageId });
  const repayment: Repayment = { id: newId(), loanId: id, ...input, balanceAfterFen: effect.balanceAfterFen, recordedBy: actorOf(ctx.caller), ...recording };
  const repaid = effect.status === 'repaid';
  const receipt: ReceiptRecord = {
    receiptNo: input.receiptNo,
    townshipId: loan.townshipId,
    loanId: id,
    repaymentId: repayment.id,
    officeId: loan.villageId,
    recordedAt: recording.recordedAt,
    ...(ctx.idempotency ? { requestScope: ctx.idempotency.scope } : {}),
  };
  tx.create(
    { ...receiptKey, type: 'RECEIPT', ...receipt },
    () => new DuplicateReceipt(`"${input.receiptNo}" was already used for another repayment in township ${loan.townshipId}; each paper receipt is recorded once`),
  );
  stageNewRepayment(tx, repayment, loan);
  const after = stageLoanUpdate(tx, { ...loan, status: effect.status, balanceFen: effect.balanceAfterFen, repaidFen: effect.repaidAfterFen, ...(repaid ? { repaidOn: input.paidOn } : {}) });
  stageDueDateChange(tx, loan, after);
  stageRoundCounters(tx, loan.roundId, { repaidFen: input.amountFen, closedLoans: repaid ? 1 : 0 });
  stageFund(tx, loan.districtId, { recoveredFen: input.amountFen, availableFen: input.amountFen });
  new AggregateChanges().add(reportGroupsOf(loan), removalDeltas({ dueOn: loan.dueOn! }, input.amountFen, input.paidOn, 'repayment', repaid)).stage(tx);
  stageCollected(tx, repayment, loan);
  if (repaid) stageMoveCase(tx, loan.mother.residentId, { kind: 'loan', id }, undefined);
  tx.create(
    historyItem(ctx, keys.loan(id).pk, repaid ? 'repaid' : 'repayment', `${input.amountFen} fen repaid on ${input.paidOn} (receipt ${input.receiptNo}); balance ${effect.balanceAfterFen} fen`, {
      repaymentId: repayment.id,
      amountFen: input.amountFen,
      balanceAfterFen: effect.balanceAfterFen,
      paidOn: input.paidOn,
      receiptNo: input.receiptNo,
      ...backDatedData(recording),
    }),
  );
  const message = stageRepaymentMessage(tx, loan, repayment, ctx.now);
  try {
    const committed = await tx.commit(repayment, ctx.idempotency);
    await dispatch([message], ctx.now);
    return committed;
  } catch (error) {
    // another repayment took the receipt number between our read and our write: name it
    if (error instanceof DuplicateReceipt && !error.earlierRepaymentId) {
      const winner = await getRecord<ReceiptRecord>(receiptKey);
      if (winner) throw await duplicateReceipt(ctx, loan, input.receiptNo, winner);
    }
    throw error;
  }
}

/**
 * The refusal of a receipt number already used in the township: names the earlier repayment
 * when it lies in the caller's subtree, and records the refused duplicate for the exceptions
 * report. When the earlier use was this very request (a concurrent duplicate with the same
 * Idempotency-Key), it is a concurrent change instead, so the request replays the first answer.
 */
async function duplicateReceipt(ctx: Context, loan: Loan, receiptNo: string, used: ReceiptRecord): Promise<DomainError> {
  if (ctx.idempotency && used.requestScope === ctx.idempotency.scope) return new ConcurrentChange('this request');
  // a receipt without its office (an old ledger record) is named to no one
  const visible = !!used.officeId && isWithin(used.officeId, ctx.caller.officeId);
  await recordException({
    id: newId(),
    kind: 'duplicate_receipt',
    date: ctx.today,
    at: ctx.now.toISOString(),
    districtId: loan.districtId,
    officeId: loan.villageId,
    recordType: 'loan',
    recordId: loan.id,
    actor: actorOf(ctx.caller),
    summary: `a repayment with receipt "${receiptNo}" was refused: the receipt was already recorded in township ${used.townshipId} (repayment ${used.repaymentId} of loan ${used.loanId}${used.ledgerImportId ? `, from ledger import ${used.ledgerImportId}` : ''})`,
    data: { receiptNo, earlierRepaymentId: used.repaymentId, earlierLoanId: used.loanId, ...(used.ledgerImportId ? { ledgerImportId: used.ledgerImportId } : {}) },
  });
  const when = used.recordedAt ? `, recorded ${used.recordedAt.slice(0, 10)}` : '';
  const earlier = visible ? ` (repayment ${used.repaymentId} of loan ${used.loanId}${when})` : '';
  return new DuplicateReceipt(`"${receiptNo}" was already used for a repayment in this township${earlier}; each paper receipt is recorded once`, visible ? used.repaymentId : undefined);
}

/**
 * writeOffLoan: the committee writes off what a mother cannot repay.
 * 1. the loan is active or overdue with a balance; 2. the balance becomes written off (not
 * repaid) in the loan, the round, the fund and the report aggregates; 3. the mother's case
 * closes (her record keeps the write-off, so screening's good-credit rule will see it); the
 * loan's reminder-run pointer is left to expire by itself (the run skips a loan no longer out).
 */
export async function writeOffLoan(ctx: Context, id: string, input: WriteOffInput): Promise<Loan> {
  const { loan } = await loadFile(ctx, id);
  const status = nextLoanStatus(loan.status, 'write_off');
  dateNotFuture(ctx, input.writtenOffOn, 'writtenOffOn');
  dateNotBefore(input.writtenOffOn, loan.disbursement?.disbursedOn, 'writtenOffOn', 'the disbursement date');
  const amountFen = loan.balanceFen;
  const tx = new Transaction();
  const saved = stageLoanUpdate(tx, { ...loan, status, balanceFen: 0, writeOff: { writtenOffOn: input.writtenOffOn, amountFen, reason: input.reason, writtenOffBy: actorOf(ctx.caller) } });
  stageDueDateChange(tx, loan, saved);
  stageRoundCounters(tx, loan.roundId, { writtenOffFen: amountFen, closedLoans: 1 });
  stageFund(tx, loan.districtId, { writtenOffFen: amountFen });
  new AggregateChanges().add(reportGroupsOf(loan), removalDeltas({ dueOn: loan.dueOn! }, amountFen, input.writtenOffOn, 'write_off', true)).stage(tx);
  stageMoveCase(tx, loan.mother.residentId, { kind: 'loan', id }, undefined);
  tx.create(
    historyItem(ctx, keys.loan(id).pk, 'written_off', `${amountFen} fen written off on ${input.writtenOffOn}: ${input.reason}`, { amountFen, writtenOffOn: input.writtenOffOn, reason: input.reason }),
  );
  // what is kept for a replay is the answer as given (her ID masked for whoever may not see it), not the record
  return tx.commit(withMotherFor(ctx.caller, saved), ctx.idempotency);
}
