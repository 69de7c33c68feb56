import type { Loan } from '../domain/entities.ts';
import { Conflict, ValidationFailed } from '../domain/errors.ts';
import { assertConfirmedForPayout, loanSchedule, nextLoanStatus } from '../domain/lifecycle.ts';
import type { AgreementInput, DisbursementInput } from '../domain/schemas/disbursement.ts';
import { keys } from '../store/keys.ts';
import { stageLoanUpdate } from '../store/loans.ts';
import { stageDueDateChange } from '../store/loan-due.ts';
import { stageRoundCounters } from '../store/rounds.ts';
import { approvalDeltas, disbursementDeltas, yearGroupOf } from '../domain/aggregates.ts';
import { AggregateChanges, stageFirsts } from '../store/aggregates.ts';
import { stageFund } from '../store/fund.ts';
import { motherKey } from '../store/keys.ts';
import { factsOf, reportGroupsOf } from './loan-facts.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, type Context } from './context.ts';
import { dateNotBefore, dateNotFuture, loadFile } from './loans.ts';
import { assertSeparateDuties } from '../domain/controls.ts';
import { getSettings } from '../store/settings.ts';
import { accountOwners, backDatedData, FOUR_EYES, recordEntry } from './controls.ts';
import { dispatch, stagePayoutMessage } from './sms.ts';

/**
 * recordAgreement: the loan agreement is signed (放贷关, first half).
 * 1. the loan is approved and has no agreement yet; 2. signed on or after approval, not in the future;
 * 3. the township and village heads stand as guarantors; the mother signs.
 */
export async function recordAgreement(ctx: Context, id: string, input: AgreementInput): Promise<Loan> {
  const { loan } = await loadFile(ctx, id);
  nextLoanStatus(loan.status, 'record_agreement');
  if (loan.agreement) throw new Conflict(`the agreement was already recorded, signed on ${loan.agreement.signedOn}`, 'already_recorded', { on: loan.agreement.signedOn });
  dateNotFuture(ctx, input.signedOn, 'signedOn');
  dateNotBefore(input.signedOn, loan.approvedOn, 'signedOn', 'the approval date');
  const tx = new Transaction();
  const recording = recordEntry(ctx, await getSettings(), tx, { what: 'loan agreement', paperDate: input.signedOn, recordType: 'loan', recordId: id, officeId: loan.villageId });
  const saved = stageLoanUpdate(tx, { ...loan, agreement: { ...input, recordedBy: actorOf(ctx.caller), ...recording } });
  tx.create(
    historyItem(ctx, keys.loan(id).pk, 'agreement_signed', `agreement signed on ${input.signedOn}; guarantors ${input.guarantors.townshipHead}, ${input.guarantors.villageHead}`, {
      signedOn: input.signedOn,
      townshipHead: input.guarantors.townshipHead,
      villageHead: input.guarantors.villageHead,
      ...backDatedData(recording),
    }),
  );
  const message = stagePayoutMessage(tx, saved, ctx.now);
  const committed = await tx.commit(saved, ctx.idempotency);
  await dispatch([message], ctx.now);
  return committed;
}

/**
 * disburseLoan: the money is paid out to the mother in person (放贷关, second half).
 * 1. the loan is approved and its agreement signed; the committee confirmed it (when the
 * programme setting `confirmationRequired` is on; ledger loans count as confirmed); four eyes (when the programme setting is
 * on): whoever approved the loan may not record its disbursement; 2. the amount equals the approved
 * principal; 3. the mother is present and her ID checked; 4. the loan becomes active, due
 * a term after disbursement, with its evaluation schedule; the round's and the fund's
 * disbursed totals and the report aggregates (including first-time mothers and villages) grow;
 * its reminder-run pointer (`LOANDUE#{district}` / `{dueOn}#{id}`) is written, set to expire after the last notice it can serve;
 * 5. the mother's payout confirmation (amount, agreement number, due date) is queued in the same
 *    transaction when she agreed to text messages, and sent once it is committed.
 */
export async function disburseLoan(ctx: Context, id: string, input: DisbursementInput): Promise<Loan> {
  const { loan } = await loadFile(ctx, id);
  const status = nextLoanStatus(loan.status, 'disburse');
  if (!loan.agreement) throw new Conflict('cannot disburse: the loan agreement has not been signed and recorded', 'agreement_missing');
  const settings = await getSettings();
  assertConfirmedForPayout(settings.confirmationRequired, loan);
  const steps = [{ step: 'approval' as const, by: loan.approvedBy }];
  assertSeparateDuties(settings, actorOf(ctx.caller), 'disburse', steps, await accountOwners([actorOf(ctx.caller), loan.approvedBy], settings, ctx.now));
  if (!input.motherPresent) throw new ValidationFailed('must be true: the mother must come in person to receive the money', 'motherPresent', { rule: 'mother_not_present' });
  if (!input.idChecked) throw new ValidationFailed("must be true: the mother's resident ID card must be checked at disbursement", 'idChecked', { rule: 'id_not_checked' });
  if (input.amountFen !== loan.principalFen)
    throw new ValidationFailed(`must equal the approved amount of ${loan.principalFen} fen`, 'amountFen', { rule: 'amount_must_equal_approved', params: { approvedFen: loan.principalFen } });
  dateNotFuture(ctx, input.disbursedOn, 'disbursedOn');
  dateNotBefore(input.disbursedOn, loan.agreement.signedOn, 'disbursedOn', 'the agreement date');
  const { dueOn, evaluationSchedule } = loanSchedule(input.disbursedOn, loan.termMonths, loan.evaluationMonths);
  const tx = new Transaction();
  const recording = recordEntry(ctx, settings, tx, { what: 'disbursement', paperDate: input.disbursedOn, recordType: 'loan', recordId: id, officeId: loan.villageId, controls: FOUR_EYES });
  const disbursed: Loan = {
    ...loan,
    status,
    dueOn,
    evaluationSchedule,
    disbursement: {
      disbursedOn: input.disbursedOn,
      amountFen: input.amountFen,
      motherPresent: true,
      idChecked: true,
      ...(input.place ? { place: input.place } : {}),
      recordedBy: actorOf(ctx.caller),
      ...recording,
    },
  };
  const saved = stageLoanUpdate(tx, disbursed);
  stageDueDateChange(tx, loan, disbursed);
  stageRoundCounters(tx, loan.roundId, { disbursedFen: loan.principalFen });
  stageFund(tx, loan.districtId, { disbursedFen: loan.principalFen });
  const groups = reportGroupsOf(disbursed);
  const changes = new AggregateChanges().add(groups, disbursementDeltas({ ...factsOf(disbursed), disbursedOn: input.disbursedOn, dueOn }));
  // the year of disbursement is known only now: the year group gets the loan's approval too
  changes.add([yearGroupOf(factsOf(disbursed))!], approvalDeltas(factsOf(disbursed)));
  await stageFirsts(tx, changes, groups, { motherKey: motherKey(loan.mother.residentId), villageId: loan.villageId, householdSize: loan.householdSize, date: input.disbursedOn });
  changes.stage(tx);
  tx.create(
    historyItem(ctx, keys.loan(id).pk, 'disbursed', `${input.amountFen} fen paid to the mother in person on ${input.disbursedOn}; due ${dueOn}`, {
      amountFen: input.amountFen,
      disbursedOn: input.disbursedOn,
      dueOn,
      ...backDatedData(recording),
    }),
  );
  return tx.commit(saved, ctx.idempotency);
}
