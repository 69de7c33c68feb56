/**
 * The records the system keeps, as the API returns them. Request shapes live in
 * `schemas.ts`; these are what the use cases build from them.
 */
import type { AgreementInput } from './schemas/disbursement.ts';
import type { ApplicationStatus, EvaluationKind, FamilyPlanningStatus, LoanStatus, ProjectType } from './schemas/common.ts';
import type { EvaluationInput } from './schemas/evaluations.ts';
import type { Role } from './roles.ts';
import type { SettingKey } from './settings.ts';

export interface Actor {
  userId: string;
  username: string;
  /** the person's name from the staff directory when the entry was recorded */
  displayName?: string;
  role: Role;
  officeId: string;
}

/** When a dated entry was recorded, and whether it was recorded late (see shared/domain/controls.ts). */
export interface Recorded {
  /** when it was entered into the system (the paper date is the entry's own date field) */
  recordedAt?: string;
  /** recorded more than the programme's `backDatedAfterDays` after its paper date */
  backDated?: { daysLate: number };
  /** the controls off or looser than their defaults when it was recorded (see shared/domain/settings.ts) */
  controlsOff?: SettingKey[];
}

export interface Round {
  id: string;
  districtId: string;
  name: string;
  /** the round's ordinal in its district (1 for the first round), part of its agreement numbers */
  number?: number;
  openedOn: string;
  capitalFen: number;
  minLoanFen: number;
  maxLoanFen: number;
  termMonths: number;
  evaluationMonths: number[];
  noticeDays: number;
  status: 'open' | 'closed';
  /** principal of loans approved in this round (reserved against capitalFen) */
  /** new money the committee granted with this round (the rest of the capital is re-lent recovered money) */
  grantFen: number;
  /** the grants by source, when the committee listed them (their sum is grantFen) */
  grants?: { source: string; amountFen: number }[];
  committedFen: number;
  /** capitalFen − committedFen, kept as a counter so approvals can be conditioned on it */
  uncommittedFen: number;
  disbursedFen: number;
  repaidFen: number;
  writtenOffFen: number;
  loanCount: number;
  /** loans repaid in full or written off */
  closedLoans: number;
  closedOn?: string;
  createdAt: string;
  createdBy: Actor;
  /** 'ledger': brought in from the office's Excel ledger by ledger import `ledgerImportId` */
  source?: 'ledger';
  ledgerImportId?: string;
  version: number;
}

export interface RoundRequest {
  id: string;
  districtId: string;
  name: string;
  requestedOn: string;
  capitalFen: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  /** the district's fund as it stood when the request was made: the committee decides on it */
  fundPosition?: FundPosition;
  roundId?: string;
  decision?: { decision: 'approve' | 'reject'; capitalFen?: number; grantFen?: number; reason?: string; decidedBy: Actor };
  requestedBy: Actor;
  version: number;
}

/** A district's revolving fund at a moment, with its rounds still being repaid. */
export interface FundPosition {
  grantedFen: number;
  /** what the district may put into a new round without a grant */
  availableFen: number;
  /** principal lent out and not yet repaid or written off */
  outstandingFen: number;
  roundsNotRecovered: { roundId: string; name: string; status: 'open' | 'closed'; loans: number; loansOutstanding: number; outstandingFen: number }[];
}

/** A mother's choice about messages, recorded with who recorded it and when. */
export interface SmsPreference {
  /** she agreed to receive messages (on the consent form, or later) */
  optIn: boolean;
  /** the language of her messages */
  lang: 'bo' | 'zh-CN';
  /** when and by whom the choice was last recorded */
  changedAt: string;
  changedBy?: Actor;
  /** why it changed (she asked to stop, a new number, …) */
  reason?: string;
}

export interface MotherDetails {
  name: string;
  residentId: string;
  phone?: string;
  /** her choice about text messages, with who recorded it */
  sms?: SmsPreference;
}

export interface Notice extends Recorded {
  postedOn: string;
  days: number;
  /** the last day objections may be raised; approval is possible from the day after */
  endsOn: string;
  place?: string;
  recordedBy: Actor;
}

export interface Objection extends Recorded {
  id: string;
  raisedOn: string;
  raisedBy?: string;
  content: string;
  status: 'open' | 'dismissed' | 'upheld';
  resolution?: { resolvedOn: string; outcome: 'dismissed' | 'upheld'; note: string; resolvedBy: Actor };
  recordedBy: Actor;
}

export interface Visit extends Recorded {
  id: string;
  visitedOn: string;
  visitors: string[];
  willingToWork: boolean;
  planCredible: boolean;
  notes: string;
  recordedBy: Actor;
}

export interface RuleResult {
  rule: string;
  passed: boolean;
  reason: string;
  reasonZh: string;
  /** the reason in Tibetan (results stored before it existed have none) */
  reasonBo?: string;
}

export interface ScreeningResult {
  passed: boolean;
  /** 0–100; ranks eligible applicants when the round's capital cannot cover them all */
  priorityScore: number;
  rules: RuleResult[];
  screenedAt: string;
  screenedBy?: Actor;
}

export interface Decision extends Recorded {
  decision: 'approve' | 'reject';
  decidedOn: string;
  /** the amount approved (at most the amount asked) */
  amountApprovedFen?: number;
  /** the same amount, under its earlier name */
  amountFen?: number;
  reason?: string;
  note?: string;
  decidedBy: Actor;
}

export interface Application extends Recorded {
  id: string;
  roundId: string;
  districtId: string;
  townshipId: string;
  villageId: string;
  mother: MotherDetails;
  /** her consent to the processing of her personal information; absent on records brought in before consent was recorded */
  consent?: { givenOn: string; takenBy: string };
  householdSize: number;
  householdAnnualIncomeFen: number;
  villagePerCapitaIncomeFen: number;
  familyPlanning: FamilyPlanningStatus;
  project: { type: ProjectType; description: string; expectedAnnualReturnFen: number };
  amountRequestedFen: number;
  status: ApplicationStatus;
  notice?: Notice;
  /** household visits logged so far (two are needed before a decision) */
  visitCount?: number;
  screening?: ScreeningResult;
  decision?: Decision;
  loanId?: string;
  /** date on the application form */
  submittedOn: string;
  /** the day the retention job removed her personal data (name, ID, phone, household details, notes) */
  anonymisedOn?: string;
  submittedAt: string;
  submittedBy: Actor;
  version: number;
}

export interface Agreement extends AgreementInput, Recorded {
  recordedBy: Actor;
}

export interface Disbursement extends Recorded {
  disbursedOn: string;
  amountFen: number;
  motherPresent: true;
  idChecked: true;
  place?: string;
  recordedBy: Actor;
}

export interface ScheduledEvaluation {
  kind: EvaluationKind;
  dueOn: string;
  /** id of the evaluation that fulfilled this slot */
  evaluationId?: string;
}

/** The committee's confirmation of an approved loan (审核确定), from the last confirmation list it was on. */
export interface LoanConfirmation {
  status: 'listed' | 'confirmed' | 'returned';
  listId: string;
  sentOn: string;
  sentBy: Actor;
  decidedOn?: string;
  decidedBy?: Actor;
  /** why the committee returned it */
  reason?: string;
}

export interface Loan {
  id: string;
  /** the readable agreement number, assigned once at approval: 城关-2026-04-017 */
  agreementNo?: string;
  applicationId: string;
  roundId: string;
  districtId: string;
  townshipId: string;
  villageId: string;
  mother: MotherDetails;
  householdSize: number;
  principalFen: number;
  repaidFen: number;
  balanceFen: number;
  status: LoanStatus;
  termMonths: number;
  evaluationMonths: number[];
  approvedOn: string;
  /** who approved it (four eyes: they may not record the disbursement) */
  approvedBy?: Actor;
  agreement?: Agreement;
  disbursement?: Disbursement;
  dueOn?: string;
  evaluationSchedule: ScheduledEvaluation[];
  repaidOn?: string;
  writeOff?: { writtenOffOn: string; amountFen: number; reason: string; writtenOffBy: Actor };
  /** the committee's confirmation (absent: not yet sent) */
  confirmation?: LoanConfirmation;
  /** the field officer who visited the household: evaluations are due from them */
  fieldOfficer?: { userId: string; username: string; displayName?: string };
  /** the date the close-of-business job found it past due */
  overdueSince?: string;
  /** the day the retention job removed her personal data (name, ID, phone, household details, notes) */
  anonymisedOn?: string;
  createdAt: string;
  /** 'ledger': brought in from the office's Excel ledger by ledger import `ledgerImportId` (not a back-dated entry) */
  source?: 'ledger';
  ledgerImportId?: string;
  version: number;
}

export interface Evaluation extends EvaluationInput, Recorded {
  id: string;
  loanId: string;
  dueOn: string;
  recordedBy: Actor;
  recordedAt: string;
}

export interface Repayment extends Recorded {
  id: string;
  loanId: string;
  paidOn: string;
  amountFen: number;
  receiptNo: string;
  balanceAfterFen: number;
  recordedBy: Actor;
  recordedAt: string;
  /** where the repayment was collected (from its loan), so hand-offs can be listed by office */
  districtId?: string;
  townshipId?: string;
  villageId?: string;
  /** where the money is now: held by the township, at the district, or at the committee (see shared/domain/remittance.ts) */
  remittanceState?: 'held' | 'at_district' | 'at_committee';
  /** the remittance batch that took it to the district */
  toDistrict?: { batchId: string; handedOverOn: string };
  /** the remittance batch that took it to the committee */
  toCommittee?: { batchId: string; handedOverOn: string };
  /** 'ledger': brought in from the office's Excel ledger by ledger import `ledgerImportId` (not a back-dated entry) */
  source?: 'ledger';
  /** the mother's name: added to the lists of repayments waiting to be handed over (not stored) */
  motherName?: string;
  ledgerImportId?: string;
}

/**
 * One entry of a record's history: what happened (`action`, a key of the history catalogue
 * in `shared/i18n/history.ts`) with its structured `params`, who did it and when. `summary`
 * is the English wording kept for readers without the catalogue; events stored before
 * `params` existed carry their figures in `data`.
 */
export interface HistoryEvent {
  at: string;
  actor: Actor;
  action: string;
  summary: string;
  params?: Record<string, unknown>;
  data?: Record<string, unknown>;
}
