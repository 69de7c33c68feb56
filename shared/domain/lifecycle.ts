/**
 * State transitions of applications and loans as pure `(state, event) → state` tables,
 * and the guards that name what is missing when a step is refused.
 */
import { Conflict, ValidationFailed } from './errors.ts';
import type { Blocker } from '../i18n/errors-approval.ts';
import { addDays, addMonths, daysBetween } from './dates.ts';
import type { Application, Loan, Objection, Round, ScheduledEvaluation, ScreeningResult, Visit } from './entities.ts';
import type { ApplicationStatus, EvaluationKind, LoanStatus } from './schemas/common.ts';
import { formatYuan } from './money.ts';
import { REQUIRED_VISITS } from './screening.ts';

// ---------- transition tables ----------

export type ApplicationEvent = 'approve' | 'reject';
const APPLICATION_TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>> = {
  submitted: { approve: 'approved', reject: 'rejected' },
  approved: {},
  rejected: {},
};

export type LoanEvent = 'record_agreement' | 'disburse' | 'evaluate' | 'repay_part' | 'repay_rest' | 'mark_overdue' | 'write_off';
const LOAN_TRANSITIONS: Record<LoanStatus, Partial<Record<LoanEvent, LoanStatus>>> = {
  approved: { record_agreement: 'approved', disburse: 'active' },
  active: { evaluate: 'active', repay_part: 'active', repay_rest: 'repaid', mark_overdue: 'overdue', write_off: 'written_off' },
  overdue: { evaluate: 'overdue', repay_part: 'overdue', repay_rest: 'repaid', write_off: 'written_off' },
  repaid: { evaluate: 'repaid' },
  written_off: { evaluate: 'written_off' },
};

export function nextApplicationStatus(status: ApplicationStatus, event: ApplicationEvent): ApplicationStatus {
  const next = APPLICATION_TRANSITIONS[status][event];
  if (!next) throw new Conflict(`the application is already ${status}; it cannot ${event === 'approve' ? 'be approved' : 'be rejected'} now`, 'wrong_state', { status, step: event });
  return next;
}

const LOAN_EVENT_WORDS: Record<LoanEvent, string> = {
  record_agreement: 'record an agreement',
  disburse: 'disburse',
  evaluate: 'record an evaluation',
  repay_part: 'record a repayment',
  repay_rest: 'record a repayment',
  mark_overdue: 'mark it overdue',
  write_off: 'write it off',
};

export function nextLoanStatus(status: LoanStatus, event: LoanEvent): LoanStatus {
  const next = LOAN_TRANSITIONS[status][event];
  if (!next) {
    const why = status === 'approved' ? 'it has not been disbursed yet' : status === 'repaid' ? 'it is repaid' : status === 'written_off' ? 'it was written off' : `it is ${status}`;
    throw new Conflict(`cannot ${LOAN_EVENT_WORDS[event]} on this loan: ${why}`, 'wrong_state', { status, step: event });
  }
  return next;
}

// ---------- committee confirmation (审核确定) ----------

/**
 * Where an approved loan stands with the committee: not yet sent, on a confirmation list
 * (报批名单) waiting, confirmed, or returned to the district with a reason (which may send it
 * again on a later list).
 */
export type ConfirmationStatus = 'unconfirmed' | 'listed' | 'confirmed' | 'returned';
export type ConfirmationEvent = 'send' | 'confirm' | 'return';
const CONFIRMATION_TRANSITIONS: Record<ConfirmationStatus, Partial<Record<ConfirmationEvent, ConfirmationStatus>>> = {
  unconfirmed: { send: 'listed' },
  listed: { confirm: 'confirmed', return: 'returned' },
  returned: { send: 'listed' },
  confirmed: {},
};

/** The confirmation state of a loan: one brought in from the ledger counts as confirmed (the ledger's approval confirmed it). */
export function confirmationStatusOf(loan: Pick<Loan, 'confirmation' | 'source'>): ConfirmationStatus {
  if (loan.source === 'ledger') return 'confirmed';
  return loan.confirmation?.status ?? 'unconfirmed';
}

export function nextConfirmationStatus(status: ConfirmationStatus, event: ConfirmationEvent): ConfirmationStatus {
  const next = CONFIRMATION_TRANSITIONS[status][event];
  if (!next)
    throw new Conflict(`cannot ${event === 'send' ? 'send' : 'decide'} this loan for confirmation: ${CONFIRMATION_WORDS[status]}`, 'confirmation_wrong_state', { confirmation: status, step: event });
  return next;
}

const CONFIRMATION_WORDS: Record<ConfirmationStatus, string> = {
  unconfirmed: 'it has not been sent for confirmation',
  listed: 'it is on a list waiting for the committee',
  confirmed: 'it is confirmed',
  returned: 'the committee returned it to the district',
};

/** A payout waits for the committee's confirmation while the programme requires it. */
export function assertConfirmedForPayout(required: boolean, loan: Pick<Loan, 'confirmation' | 'source'>): void {
  const status = confirmationStatusOf(loan);
  if (required && status !== 'confirmed')
    throw new Conflict(`cannot disburse: the committee has not confirmed this loan (${CONFIRMATION_WORDS[status]})`, 'confirmation_missing', { confirmation: status });
}

// ---------- approval ----------

export interface ApprovalState {
  application: Pick<Application, 'status' | 'notice'>;
  objections: Pick<Objection, 'id' | 'status'>[];
  visits: Pick<Visit, 'id'>[];
  screening: Pick<ScreeningResult, 'passed' | 'rules'>;
  round: Pick<Round, 'minLoanFen' | 'maxLoanFen' | 'uncommittedFen' | 'status'>;
  amountFen: number;
  today: string;
}

/** Every unmet condition for approval, in the order a clerk would fix them, each with its English wording. Empty means approvable. */
export function unmetConditions(s: ApprovalState): { blocker: Blocker; text: string }[] {
  const blockers: { blocker: Blocker; text: string }[] = [];
  const add = (blocker: Blocker, text: string) => blockers.push({ blocker, text });
  const notice = s.application.notice;
  if (!notice) add({ rule: 'notice_missing' }, 'the public notice (公示) has not been posted');
  else if (s.today <= notice.endsOn) add({ rule: 'notice_running', endsOn: notice.endsOn }, `the public notice period runs until ${notice.endsOn}`);
  const open = s.objections.filter((o) => o.status === 'open');
  if (open.length) add({ rule: 'objections_open', count: open.length }, `${open.length} objection(s) are unresolved: ${open.map((o) => o.id).join(', ')}`);
  const upheld = s.objections.filter((o) => o.status === 'upheld');
  if (upheld.length) add({ rule: 'objections_upheld', count: upheld.length }, `${upheld.length} objection(s) were upheld: ${upheld.map((o) => o.id).join(', ')}`);
  if (s.visits.length < REQUIRED_VISITS)
    add({ rule: 'visits_missing', count: s.visits.length, required: REQUIRED_VISITS }, `${s.visits.length} household visit(s) logged; ${REQUIRED_VISITS} are required`);
  const failed = s.screening.rules.filter((r) => !r.passed);
  if (failed.length) add({ rule: 'screening_failed', rules: failed.map((r) => r.rule) }, `screening failed: ${failed.map((r) => `${r.rule} (${r.reason})`).join('; ')}`);
  if (s.round.status !== 'open') add({ rule: 'round_closed' }, 'the round is closed');
  const available = s.round.uncommittedFen;
  if (s.amountFen > available)
    add({ rule: 'capital_short', availableFen: available, amountFen: s.amountFen }, `the round has ${formatYuan(available)} yuan of capital left, less than ${formatYuan(s.amountFen)}`);
  return blockers;
}

/** The unmet conditions in English (see `unmetConditions`). */
export function approvalBlockers(s: ApprovalState): string[] {
  return unmetConditions(s).map((b) => b.text);
}

/**
 * The amount the district approves lies within the round's range and is at most what the
 * mother asked for (a smaller amount is a common decision); then every approval condition holds.
 */
export function assertApprovable(s: ApprovalState & { amountRequestedFen?: number; amountField?: string }): void {
  const field = s.amountField ?? 'amountFen';
  if (s.amountFen < s.round.minLoanFen || s.amountFen > s.round.maxLoanFen)
    throw new ValidationFailed(`must be within the round's loan range ${s.round.minLoanFen}–${s.round.maxLoanFen} fen`, field, {
      rule: 'amount_out_of_range',
      params: { minFen: s.round.minLoanFen, maxFen: s.round.maxLoanFen },
    });
  if (s.amountRequestedFen !== undefined && s.amountFen > s.amountRequestedFen)
    throw new ValidationFailed(`must not exceed the amount asked for (${s.amountRequestedFen} fen)`, field, { rule: 'amount_above_requested', params: { requestedFen: s.amountRequestedFen } });
  const blockers = unmetConditions(s);
  if (blockers.length) throw new Conflict(`cannot approve: ${blockers.map((b) => b.text).join('; ')}`, 'approval_blocked', { unmet: blockers.map((b) => b.blocker) });
}

export function noticeEndsOn(postedOn: string, days: number): string {
  return addDays(postedOn, days - 1);
}

// ---------- loan schedule ----------

/** Due date and evaluation slots from the disbursement date: first point mid-term, later ones year-end, final at term end. */
export function loanSchedule(disbursedOn: string, termMonths: number, evaluationMonths: number[]): { dueOn: string; evaluationSchedule: ScheduledEvaluation[] } {
  const dueOn = addMonths(disbursedOn, termMonths);
  const evaluationSchedule: ScheduledEvaluation[] = evaluationMonths.map((m, i) => ({
    kind: i === 0 ? 'midterm' : 'yearend',
    dueOn: addMonths(disbursedOn, m),
  }));
  evaluationSchedule.push({ kind: 'final', dueOn });
  return { dueOn, evaluationSchedule };
}

/** The first open slot of that kind, or a conflict naming why none is left. */
export function nextEvaluationSlot(schedule: ScheduledEvaluation[], kind: EvaluationKind): number {
  const index = schedule.findIndex((s) => s.kind === kind && !s.evaluationId);
  if (index < 0) {
    const scheduled = schedule.some((s) => s.kind === kind);
    throw new Conflict(scheduled ? `every ${kind} evaluation of this loan is already recorded` : `this loan's schedule has no ${kind} evaluation`, 'evaluation_recorded', { kind, scheduled });
  }
  return index;
}

// ---------- repayment ----------

export interface RepaymentEffect {
  balanceAfterFen: number;
  repaidAfterFen: number;
  status: LoanStatus;
}

/** Applies a repayment to a loan; refuses one larger than the outstanding balance. */
export function applyRepayment(loan: Pick<Loan, 'status' | 'balanceFen' | 'repaidFen' | 'principalFen'>, amountFen: number): RepaymentEffect {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new ValidationFailed('must be a positive whole number of fen', 'amountFen', { rule: 'amount_positive' });
  if ((loan.status === 'active' || loan.status === 'overdue') && amountFen > loan.balanceFen)
    throw new ValidationFailed(`exceeds the outstanding balance of ${loan.balanceFen} fen (${formatYuan(loan.balanceFen)} yuan)`, 'amountFen', {
      rule: 'exceeds_balance',
      params: { balanceFen: loan.balanceFen },
    });
  const balanceAfterFen = loan.balanceFen - amountFen;
  const status = nextLoanStatus(loan.status, balanceAfterFen === 0 ? 'repay_rest' : 'repay_part');
  return { balanceAfterFen, repaidAfterFen: loan.repaidFen + amountFen, status };
}

/** Days past due on `today` (0 when not yet due or not active). */
export function daysPastDue(loan: Pick<Loan, 'status' | 'dueOn'>, today: string): number {
  if ((loan.status !== 'active' && loan.status !== 'overdue') || !loan.dueOn) return 0;
  return Math.max(0, daysBetween(loan.dueOn, today));
}
