/**
 * Committee confirmation (审核确定): the district sends a round's approved loans to the
 * committee as a confirmation list (报批名单); the committee confirms the list or returns
 * single loans with a reason. A payout waits for it (see `disburseLoan`).
 */
import type { Application, Loan } from '../domain/entities.ts';
import { Conflict, NotFound, ValidationFailed, dateTooEarly, futureDate } from '../domain/errors.ts';
import { confirmationStatusOf, nextConfirmationStatus } from '../domain/lifecycle.ts';
import type { ConfirmationDecisionInput, ConfirmationListInput, ConfirmationListQuery } from '../domain/confirmation-schemas.ts';
import { historyView } from '../i18n/history.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import { type ConfirmationList, listLists, loadList, stageListUpdate, stageNewList } from '../store/confirmations.ts';
import { keys } from '../store/keys.ts';
import { batchGetItems, keyString } from '../store/batch-get.ts';
import { stageLoanUpdate } from '../store/loans.ts';
import type { Page } from '../store/records.ts';
import { getRound } from '../store/rounds.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { assertSeesRecordOf, districtsFor } from './scope.ts';

/** The loans named, each found and visible to the caller, in the order given. */
async function loansNamed(ctx: Context, ids: string[]): Promise<Loan[]> {
  const found = await batchGetItems<Loan>(ids.map((id) => keys.loan(id)));
  return ids.map((id) => {
    const loan = found.get(keyString(keys.loan(id)));
    if (!loan) throw new NotFound('loan', id);
    assertSeesRecordOf(ctx.caller, loan.villageId, 'loan');
    return loan;
  });
}

/**
 * sendConfirmationList: the district sends approved loans to the committee (报批).
 * 1. each loan once, all of one round, visible to the caller; 2. each loan is approved and
 * not yet paid out, not on a list waiting and not confirmed (a returned loan may be sent
 * again); 3. the list is dated today or earlier, not before any loan's approval; 4. the list
 * carries for each loan what the committee decides on (mother, village, amount, screening,
 * visits, approver); 5. the list and every loan's confirmation state are written together,
 * with history on the list and on each loan.
 */
export async function sendConfirmationList(ctx: Context, input: ConfirmationListInput): Promise<ConfirmationList> {
  const repeated = input.loanIds.find((id, i) => input.loanIds.indexOf(id) !== i);
  if (repeated) throw new ValidationFailed(`names loan ${repeated} twice`, 'loanIds', { rule: 'list_loan_repeated' });
  if (input.sentOn > ctx.today) throw futureDate('sentOn', ctx.today);
  const loans = await loansNamed(ctx, input.loanIds);
  const roundId = loans[0]!.roundId;
  if (loans.some((l) => l.roundId !== roundId)) throw new ValidationFailed('must all be loans of one round (one 报批表 per round)', 'loanIds', { rule: 'list_mixed_rounds' });
  for (const loan of loans) {
    if (loan.status !== 'approved')
      throw new Conflict(`loan ${loan.agreementNo ?? loan.id} is ${loan.status}: only approved loans not yet paid out go on a list`, 'list_loan_not_approved', { status: loan.status });
    nextConfirmationStatus(confirmationStatusOf(loan), 'send');
  }
  const latestApproval = loans
    .map((l) => l.approvedOn)
    .sort()
    .at(-1)!;
  if (input.sentOn < latestApproval) throw dateTooEarly('sentOn', latestApproval, 'the approval date');
  const [round, apps] = await Promise.all([getRound(roundId), batchGetItems<Application>(loans.map((l) => keys.application(l.applicationId)))]);
  if (!round) throw new NotFound('round', roundId);
  const sentBy = actorOf(ctx.caller);
  const list: ConfirmationList = {
    id: newId(),
    districtId: round.districtId,
    roundId,
    roundName: round.name,
    status: 'sent',
    sentOn: input.sentOn,
    sentBy,
    ...(input.note ? { note: input.note } : {}),
    items: loans.map((loan) => {
      const app = apps.get(keyString(keys.application(loan.applicationId)));
      return {
        loanId: loan.id,
        ...(loan.agreementNo ? { agreementNo: loan.agreementNo } : {}),
        motherName: loan.mother.name,
        townshipId: loan.townshipId,
        villageId: loan.villageId,
        amountFen: loan.principalFen,
        ...(app?.screening ? { screeningPassed: app.screening.passed, priorityScore: app.screening.priorityScore } : {}),
        visitCount: app?.visitCount ?? 0,
        approvedOn: loan.approvedOn,
        ...(loan.approvedBy ? { approvedBy: loan.approvedBy } : {}),
        status: 'listed' as const,
      };
    }),
    totalFen: loans.reduce((sum, l) => sum + l.principalFen, 0),
    createdAt: ctx.now.toISOString(),
    version: 1,
  };
  const tx = new Transaction();
  stageNewList(tx, list);
  tx.create(
    historyItem(ctx, `CONFLIST#${list.id}`, 'confirmation_list_sent', `confirmation list of ${loans.length} loan(s), ${list.totalFen} fen, sent on ${input.sentOn}`, {
      count: loans.length,
      totalFen: list.totalFen,
      sentOn: input.sentOn,
    }),
  );
  for (const loan of loans) {
    stageLoanUpdate(tx, { ...loan, confirmation: { status: 'listed', listId: list.id, sentOn: input.sentOn, sentBy } });
    tx.create(historyItem(ctx, keys.loan(loan.id).pk, 'confirmation_sent', `sent to the committee for confirmation on ${input.sentOn}`, { sentOn: input.sentOn, listId: list.id }));
  }
  return tx.commit(list, ctx.idempotency);
}

/**
 * decideConfirmationList: the committee confirms a list, returning single loans with a reason.
 * 1. the list is waiting (sent, not yet decided); 2. each returned loan is on it, once, with
 * its reason; 3. the decision is dated today or earlier, not before the list; 4. every other
 * loan is confirmed: the list, each loan's confirmation state and the history of both are
 * written together (a loan changed meanwhile fails the whole decision, which is retried).
 */
export async function decideConfirmationList(ctx: Context, id: string, input: ConfirmationDecisionInput): Promise<ConfirmationList> {
  const found = await loadList(id);
  if (!found) throw new NotFound('confirmation list', id);
  const { list } = found;
  await districtsFor(ctx.caller, list.districtId);
  if (list.status !== 'sent') throw new Conflict(`the list was already decided on ${list.decidedOn}`, 'confirmation_list_decided', { on: list.decidedOn });
  if (input.decidedOn > ctx.today) throw futureDate('decidedOn', ctx.today);
  if (input.decidedOn < list.sentOn) throw new ValidationFailed(`must not be before the list was sent (${list.sentOn})`, 'decidedOn', { rule: 'decided_before_sent', params: { date: list.sentOn } });
  const reasons = new Map<string, string>();
  for (const [i, r] of input.returns.entries()) {
    if (!list.items.some((item) => item.loanId === r.loanId)) throw new ValidationFailed(`loan ${r.loanId} is not on this list`, `returns.${i}.loanId`, { rule: 'list_loan_not_on_list' });
    if (reasons.has(r.loanId)) throw new ValidationFailed(`names loan ${r.loanId} twice`, `returns.${i}.loanId`, { rule: 'list_loan_repeated' });
    reasons.set(r.loanId, r.reason);
  }
  const loans = await loansNamed(
    ctx,
    list.items.map((i) => i.loanId),
  );
  const decidedBy = actorOf(ctx.caller);
  const tx = new Transaction();
  for (const loan of loans) {
    const reason = reasons.get(loan.id);
    const status = nextConfirmationStatus(confirmationStatusOf(loan), reason === undefined ? 'confirm' : 'return');
    if (loan.confirmation?.listId !== list.id) throw new Conflict(`loan ${loan.id} is on another list now`, 'confirmation_wrong_state', { confirmation: confirmationStatusOf(loan), step: 'confirm' });
    stageLoanUpdate(tx, { ...loan, confirmation: { ...loan.confirmation, status: status as 'confirmed' | 'returned', decidedOn: input.decidedOn, decidedBy, ...(reason ? { reason } : {}) } });
    tx.create(
      reason === undefined
        ? historyItem(ctx, keys.loan(loan.id).pk, 'confirmation_confirmed', `confirmed by the committee on ${input.decidedOn}`, { decidedOn: input.decidedOn })
        : historyItem(ctx, keys.loan(loan.id).pk, 'confirmation_returned', `returned to the district on ${input.decidedOn}: ${reason}`, { decidedOn: input.decidedOn, reason }),
    );
  }
  const decided: ConfirmationList = {
    ...list,
    status: 'decided',
    decidedOn: input.decidedOn,
    decidedBy,
    items: list.items.map((item) => {
      const reason = reasons.get(item.loanId);
      return reason === undefined ? { ...item, status: 'confirmed' as const } : { ...item, status: 'returned' as const, reason };
    }),
  };
  const saved = stageListUpdate(tx, decided);
  tx.create(
    historyItem(ctx, `CONFLIST#${list.id}`, 'confirmation_list_decided', `decided on ${input.decidedOn}: ${list.items.length - reasons.size} confirmed, ${reasons.size} returned`, {
      decidedOn: input.decidedOn,
      confirmed: list.items.length - reasons.size,
      returned: reasons.size,
    }),
  );
  return tx.commit(saved, ctx.idempotency);
}

/** listConfirmationLists: the lists of the caller's districts (committee: every district, or one), waiting or decided. */
export async function listConfirmationLists(ctx: Context, q: ConfirmationListQuery): Promise<Page<ConfirmationList>> {
  return listLists(await districtsFor(ctx.caller, q.districtId), q);
}

/** getConfirmationList: one list with its history, for the committee or its district. */
export async function getConfirmationList(ctx: Context, id: string) {
  const found = await loadList(id);
  if (!found) throw new NotFound('confirmation list', id);
  await districtsFor(ctx.caller, found.list.districtId);
  return { ...found.list, history: historyView(found.history, ctx.lang ?? DEFAULT_LANG) };
}
