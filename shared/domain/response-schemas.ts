/**
 * The API's answers, defined once as zod schemas: the route table gives each route its
 * `response`, the OpenAPI document describes the answers with them, the tests check every
 * successful answer against them (`shared/http/response-contract.ts`), and a client typed
 * from the route table (`ResponseOf<K>`) reads its types from them.
 *
 * The records are those of `entities.ts`; at the end of this file a compile-time check
 * fails the type-check when a schema and its entity type drift apart (a field added to one
 * only, or typed differently). Money is integer fen (`…Fen`), rates are integer basis
 * points (`…Bp`), dates `YYYY-MM-DD`, instants ISO 8601 in UTC.
 */
import * as z from 'zod';
import type * as Entity from './entities.ts';
import { ImportReport } from './import-schemas.ts';
import { DeclaredTotals, LEDGER_STATUSES, LedgerFigures, LedgerReport, RoundFigures } from './ledger-schemas.ts';
import { OFFICE_KINDS, OFFICE_LEVELS, type Office as OfficeType } from './offices.ts';
import {
  HAND_OFF_STATES,
  REMITTANCE_LEVELS,
  type BatchRepayment as BatchRepaymentType,
  type ReconciliationRow as ReconciliationRowType,
  type ReconciliationTotals as ReconciliationTotalsType,
  type RemittanceBatch as RemittanceBatchType,
} from './remittance.ts';
import { ROLES, type Caller } from './roles.ts';
import type { StaffMember as StaffMemberType } from './staff.ts';
import { AgreementInput, ApplicationStatus, EvaluationInput, EvaluationKind, FamilyPlanningStatus, isoDate, LoanStatus, officeId, ProjectType, recordId, ReportQuery } from './schemas.ts';

// ---------- building blocks ----------

/** An amount of money as stored: integer fen, never negative. */
const amount = (description: string) =>
  z
    .int()
    .min(0)
    .meta({ description: `${description}, in integer fen (1 yuan = 100 fen)` });
/** A computed amount of money that may be negative (a difference, a shortfall). */
const signedAmount = (description: string) => z.int().meta({ description: `${description}, in integer fen (negative when short)` });
const count = (description: string) => z.int().min(0).meta({ description });
/** A rate in basis points (1/100 of a percent); null when its denominator is zero. */
const rateBp = (description: string) =>
  z
    .int()
    .nullable()
    .meta({ description: `${description}, in basis points (1/100 of a percent); null when nothing to divide by` });
const instant = z.iso.datetime().meta({ description: 'instant, ISO 8601 in UTC' });
const version = z.int().min(1).meta({ description: 'record version; every change increments it' });

export const Actor = z
  .object({
    userId: z.string().meta({ description: 'stable id of the person' }),
    username: z.string(),
    displayName: z.string().optional().meta({ description: 'the person’s name from the staff directory when the entry was recorded' }),
    role: z.enum(ROLES),
    officeId,
  })
  .meta({ description: 'who did it' });

export const HistoryEvent = z.object({
  at: instant,
  actor: Actor,
  action: z.string().meta({ description: 'what was done, e.g. application_submitted' }),
  summary: z.string().meta({ description: 'the English wording, kept for readers without the catalogue' }),
  params: z.record(z.string(), z.unknown()).optional().meta({ description: 'the figures of the entry (amounts in fen, dates YYYY-MM-DD)' }),
  data: z.record(z.string(), z.unknown()).optional().meta({ description: 'entries stored before `params` existed keep their figures here' }),
});

/** A history entry as the API returns it: with its actor's name and its text in the request's language. */
export const HistoryEntry = HistoryEvent.extend({
  params: z.record(z.string(), z.unknown()),
  actorName: z.string().meta({ description: 'the display name of the actor, else the username' }),
  text: z.string().meta({ description: 'what happened, in the language of Accept-Language: yuan, dates as people write them, no record ids' }),
});

/** One page of a list; pass `nextCursor` back as `cursor` for the next one. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().optional().meta({ description: 'pass back as `cursor` for the next page; absent on the last page' }),
  });

// ---------- offices and rounds ----------

export const Office = z.object({
  id: officeId,
  level: z.enum(OFFICE_LEVELS),
  name: z.string(),
  nameEn: z.string().optional(),
  kind: z.enum(OFFICE_KINDS).optional().meta({ description: 'townships: township (乡), town (镇), subdistrict (街道); villages: village (村), residents_committee (居委会)' }),
  abbreviation: z.string().optional().meta({ description: 'districts: the short name agreement numbers start with' }),
  parentId: officeId.optional(),
});

export const OfficeList = z.object({ items: z.array(Office) });

export const Round = z.object({
  id: recordId,
  districtId: officeId,
  name: z.string(),
  number: z.int().min(1).optional().meta({ description: 'the round’s ordinal in its district, part of its agreement numbers' }),
  openedOn: isoDate,
  capitalFen: amount('capital of the round'),
  minLoanFen: amount('smallest loan'),
  maxLoanFen: amount('largest loan'),
  termMonths: z.int().min(1),
  evaluationMonths: z.array(z.int().min(1)),
  noticeDays: z.int().min(1),
  status: z.enum(['open', 'closed']),
  grantFen: amount('new money the committee granted with this round (the rest of the capital is re-lent recovered money)'),
  grants: z
    .array(z.object({ source: z.string(), amountFen: amount('granted from this source') }))
    .optional()
    .meta({ description: 'the grants by source, when the committee listed them (their sum is grantFen)' }),
  committedFen: amount('principal of loans approved in this round (reserved against capitalFen)'),
  uncommittedFen: amount('capitalFen − committedFen'),
  disbursedFen: amount('paid out'),
  repaidFen: amount('repaid'),
  writtenOffFen: amount('written off'),
  loanCount: count('loans approved'),
  closedLoans: count('loans repaid in full or written off'),
  closedOn: isoDate.optional(),
  createdAt: instant,
  createdBy: Actor,
  source: z.literal('ledger').optional().meta({ description: 'ledger: brought in from the office’s Excel ledger (not a back-dated entry)' }),
  ledgerImportId: z.string().optional().meta({ description: 'the ledger import that brought it in' }),
  version,
});

export const RoundPage = page(Round);

export const RoundRequest = z.object({
  id: recordId,
  districtId: officeId,
  name: z.string(),
  requestedOn: isoDate,
  capitalFen: amount('capital asked for'),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  fundPosition: z
    .object({
      grantedFen: amount('granted by the committee so far'),
      availableFen: signedAmount('available to re-lend without a grant'),
      outstandingFen: signedAmount('lent out and not yet repaid or written off'),
      roundsNotRecovered: z.array(
        z.object({
          roundId: recordId,
          name: z.string(),
          status: z.enum(['open', 'closed']),
          loans: count('loans approved'),
          loansOutstanding: count('loans not yet repaid or written off'),
          outstandingFen: signedAmount('outstanding'),
        }),
      ),
    })
    .optional()
    .meta({ description: 'the district’s fund when the request was made: the committee decides on it' }),
  roundId: recordId.optional().meta({ description: 'the round opened on approval' }),
  decision: z
    .object({
      decision: z.enum(['approve', 'reject']),
      capitalFen: amount('capital of the round opened').optional(),
      grantFen: amount('new money granted').optional(),
      reason: z.string().optional(),
      decidedBy: Actor,
    })
    .optional(),
  requestedBy: Actor,
  version,
});

export const RoundRequestPage = page(RoundRequest);

/** The decision on a round request; on approval, the round it opened. */
export const RoundRequestDecided = RoundRequest.extend({ round: Round.optional() });

// ---------- controls ----------

/** When a dated entry was recorded, and whether that was late (see shared/domain/controls.ts). */
const recorded = {
  recordedAt: instant.optional().meta({ description: 'when it was entered (the paper date is the entry’s own date field)' }),
  backDated: z
    .object({ daysLate: z.int().min(0) })
    .optional()
    .meta({ description: 'recorded more than the programme’s backDatedAfterDays after its paper date' }),
};

export const ProgrammeSettings = z.object({
  separationOfDuties: z.boolean().meta({ description: 'four eyes on approval and disbursement' }),
  backDatedAfterDays: z.int().min(0).meta({ description: 'entries recorded more than this many days after their date are back-dated' }),
  confirmationRequired: z.boolean().meta({ description: 'a payout waits for the committee’s confirmation of the loan (审核确定)' }),
  version: z.int().min(0).meta({ description: '0 until the committee first changes them' }),
  updatedAt: instant.optional(),
  updatedBy: Actor.optional(),
});

export const ResidentIdReveal = z.object({
  applicationId: recordId,
  residentId: z.string().meta({ description: 'the full resident ID number (the reveal is in the history and the exceptions report)' }),
});

export const ExceptionRecord = z.object({
  id: recordId,
  kind: z.enum(['back_dated', 'duplicate_receipt', 'cross_district_application', 'resident_id_revealed', 'remittance_mismatch']),
  date: isoDate,
  at: instant,
  districtId: officeId,
  officeId,
  recordType: z.enum(['application', 'loan', 'remittance']),
  recordId: z.string().meta({ description: 'the record concerned (empty when it belongs to another district)' }),
  actor: Actor,
  summary: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const ExceptionsReport = z.object({
  asOf: isoDate,
  from: isoDate.optional(),
  districtIds: z.array(officeId),
  counts: z.record(z.string(), z.int().min(0)),
  items: z.array(
    ExceptionRecord.extend({
      districtName: z.string(),
      officeName: z.string(),
      actorName: z.string().meta({ description: 'the display name of who did it, else the username' }),
      text: z.string().meta({ description: 'what happened, in the language of Accept-Language: yuan, dates as people write them, offices by name' }),
    }),
  ),
});

// ---------- applications ----------

export const MotherDetails = z.object({
  name: z.string(),
  residentId: z.string().meta({ description: 'resident ID number; masked in lists (only the first and last characters shown)' }),
  phone: z.string().optional(),
});

export const Notice = z.object({
  postedOn: isoDate,
  days: z.int().min(1),
  endsOn: isoDate.meta({ description: 'the last day objections may be raised; approval is possible from the day after' }),
  place: z.string().optional(),
  recordedBy: Actor,
  ...recorded,
});

export const Objection = z.object({
  id: recordId,
  raisedOn: isoDate,
  raisedBy: z.string().optional(),
  content: z.string(),
  status: z.enum(['open', 'dismissed', 'upheld']),
  resolution: z.object({ resolvedOn: isoDate, outcome: z.enum(['dismissed', 'upheld']), note: z.string(), resolvedBy: Actor }).optional(),
  recordedBy: Actor,
  ...recorded,
});

export const Visit = z.object({
  id: recordId,
  visitedOn: isoDate,
  visitors: z.array(z.string()),
  willingToWork: z.boolean(),
  planCredible: z.boolean(),
  notes: z.string(),
  recordedBy: Actor,
  ...recorded,
});

export const RuleResult = z.object({
  rule: z.string(),
  passed: z.boolean(),
  reason: z.string(),
  reasonZh: z.string(),
  reasonBo: z.string().optional().meta({ description: 'the reason in Tibetan' }),
});

export const ScreeningResult = z.object({
  passed: z.boolean(),
  priorityScore: z.int().min(0).max(100).meta({ description: 'ranks eligible applicants when the round’s capital cannot cover them all' }),
  rules: z.array(RuleResult),
  screenedAt: instant,
  screenedBy: Actor.optional(),
});

export const Decision = z.object({
  decision: z.enum(['approve', 'reject']),
  decidedOn: isoDate,
  amountApprovedFen: amount('amount approved (at most the amount asked)').optional(),
  amountFen: amount('amount approved (its earlier name)').optional(),
  reason: z.string().optional(),
  note: z.string().optional(),
  decidedBy: Actor,
  ...recorded,
});

export const Application = z.object({
  id: recordId,
  roundId: recordId,
  districtId: officeId,
  townshipId: officeId,
  villageId: officeId,
  mother: MotherDetails,
  consent: z
    .object({ givenOn: isoDate, takenBy: z.string() })
    .optional()
    .meta({ description: 'her consent to the processing of her personal information (PIPL): the date she signed and who took it; absent on records from before it was recorded' }),
  householdSize: z.int().min(1),
  householdAnnualIncomeFen: amount('household annual income'),
  villagePerCapitaIncomeFen: amount('village income per head'),
  familyPlanning: FamilyPlanningStatus,
  project: z.object({ type: ProjectType, description: z.string(), expectedAnnualReturnFen: amount('expected annual return') }),
  amountRequestedFen: amount('amount asked for'),
  status: ApplicationStatus,
  notice: Notice.optional(),
  visitCount: count('household visits logged so far (two are needed before a decision)').optional(),
  screening: ScreeningResult.optional(),
  decision: Decision.optional(),
  loanId: recordId.optional().meta({ description: 'the loan created on approval' }),
  submittedOn: isoDate.meta({ description: 'date on the application form' }),
  submittedAt: instant,
  submittedBy: Actor,
  ...recorded,
  version,
});

export const ApplicationPage = page(Application);

/** One application with everything recorded on it, and the mother's earlier loans. */
export const ApplicationFile = Application.extend({
  objections: z.array(Objection),
  visits: z.array(Visit),
  history: z.array(HistoryEntry),
  earlierLoans: z.array(
    z.object({
      id: recordId,
      agreementNo: z.string().optional(),
      roundId: recordId,
      principalFen: amount('principal'),
      status: LoanStatus,
      disbursedOn: isoDate.optional(),
      repaidOn: isoDate.optional(),
    }),
  ),
});

// ---------- loans ----------

export const Agreement = AgreementInput.safeExtend({ recordedBy: Actor, ...recorded });

export const Disbursement = z.object({
  disbursedOn: isoDate,
  amountFen: amount('amount paid out'),
  motherPresent: z.literal(true),
  idChecked: z.literal(true),
  place: z.string().optional(),
  recordedBy: Actor,
  ...recorded,
});

export const ScheduledEvaluation = z.object({
  kind: EvaluationKind,
  dueOn: isoDate,
  evaluationId: recordId.optional().meta({ description: 'the evaluation that fulfilled this slot' }),
});

export const Loan = z.object({
  id: recordId,
  agreementNo: z.string().optional().meta({ description: 'the readable agreement number, e.g. 城关-2026-04-017' }),
  applicationId: recordId,
  roundId: recordId,
  districtId: officeId,
  townshipId: officeId,
  villageId: officeId,
  mother: MotherDetails,
  householdSize: z.int().min(1),
  principalFen: amount('principal'),
  repaidFen: amount('repaid so far'),
  balanceFen: amount('still owed'),
  status: LoanStatus,
  termMonths: z.int().min(1),
  evaluationMonths: z.array(z.int().min(1)),
  approvedOn: isoDate,
  approvedBy: Actor.optional().meta({ description: 'who approved it (four eyes: they may not record the disbursement)' }),
  agreement: Agreement.optional(),
  disbursement: Disbursement.optional(),
  dueOn: isoDate.optional(),
  evaluationSchedule: z.array(ScheduledEvaluation),
  repaidOn: isoDate.optional(),
  writeOff: z.object({ writtenOffOn: isoDate, amountFen: amount('amount written off'), reason: z.string(), writtenOffBy: Actor }).optional(),
  confirmation: z
    .object({
      status: z.enum(['listed', 'confirmed', 'returned']),
      listId: recordId,
      sentOn: isoDate,
      sentBy: Actor,
      decidedOn: isoDate.optional(),
      decidedBy: Actor.optional(),
      reason: z.string().optional(),
    })
    .optional()
    .meta({ description: 'the committee’s confirmation (审核确定) from the last confirmation list the loan was on; absent: not yet sent' }),
  fieldOfficer: z
    .object({ userId: z.string(), username: z.string(), displayName: z.string().optional() })
    .optional()
    .meta({ description: 'the field officer who visited the household: evaluations are due from them' }),
  overdueSince: isoDate.optional().meta({ description: 'the date the close-of-business job found it past due' }),
  createdAt: instant,
  source: z.literal('ledger').optional().meta({ description: 'ledger: brought in from the office’s Excel ledger (not a back-dated entry)' }),
  ledgerImportId: z.string().optional().meta({ description: 'the ledger import that brought it in' }),
  version,
});

/** A loan as lists and the loan file show it: with whether it is past due today. */
export const LoanView = Loan.extend({
  overdue: z.boolean(),
  daysPastDue: count('days past the due date today (0 when not past due)'),
});

export const LoanPage = page(LoanView);

export const Evaluation = EvaluationInput.safeExtend({
  id: recordId,
  loanId: recordId,
  dueOn: isoDate,
  recordedBy: Actor,
  recordedAt: instant,
  backDated: recorded.backDated,
});

const HandOffRef = z.object({ batchId: recordId, handedOverOn: isoDate });

export const Repayment = z.object({
  id: recordId,
  loanId: recordId,
  paidOn: isoDate,
  amountFen: amount('amount paid'),
  receiptNo: z.string(),
  balanceAfterFen: amount('balance after this repayment'),
  recordedBy: Actor,
  recordedAt: instant,
  backDated: recorded.backDated,
  districtId: officeId.optional(),
  townshipId: officeId.optional(),
  villageId: officeId.optional(),
  remittanceState: z.enum(HAND_OFF_STATES).optional().meta({ description: 'where the money is now: held by the township, at the district, or at the committee' }),
  toDistrict: HandOffRef.optional(),
  toCommittee: HandOffRef.optional(),
  source: z.literal('ledger').optional().meta({ description: 'ledger: brought in from the office’s Excel ledger (not a back-dated entry)' }),
  motherName: z.string().optional().meta({ description: 'the name of the mother who paid (on the lists of repayments waiting to be handed over)' }),
  ledgerImportId: z.string().optional().meta({ description: 'the ledger import that brought it in' }),
});

export const RepaymentPage = page(Repayment);

/** The loan file: the loan with its repayments, evaluations and history. */
export const LoanFile = LoanView.extend({
  repayments: z.array(Repayment),
  evaluations: z.array(Evaluation),
  history: z.array(HistoryEntry),
});

// ---------- remittances ----------

export const BatchRepayment = z.object({
  id: recordId,
  loanId: recordId,
  villageId: officeId,
  paidOn: isoDate,
  amountFen: amount('amount paid'),
  receiptNo: z.string().optional(),
});

export const RemittanceBatch = z.object({
  id: recordId,
  level: z.enum(REMITTANCE_LEVELS),
  fromOfficeId: officeId,
  toOfficeId: officeId,
  districtId: officeId,
  handedOverOn: isoDate,
  amountFen: amount('the amount counted and handed over (declared)'),
  repaymentCount: count('repayments carried'),
  repayments: z.array(BatchRepayment),
  handedOverBy: z.string(),
  receivedBy: z.string(),
  note: z.string().optional(),
  recordedBy: Actor,
  recordedAt: instant,
  sumOfRepaymentsFen: amount('what the repayments carried add up to'),
  differenceFen: signedAmount('declared minus the sum of the repayments'),
  flagged: z.boolean().meta({ description: 'the declared amount differs from the repayments' }),
});

export const RemittanceBatchSummary = RemittanceBatch.omit({ repayments: true });

export const RemittanceBatchPage = page(RemittanceBatchSummary);

/** One batch with its repayments (and where each is now) and its history. */
export const RemittanceBatchFile = RemittanceBatch.extend({
  repayments: z.array(
    BatchRepayment.extend({
      remittanceState: z.enum(HAND_OFF_STATES).optional(),
      toDistrict: HandOffRef.optional(),
      toCommittee: HandOffRef.optional(),
    }),
  ),
  history: z.array(HistoryEntry),
});

export const ReconciliationRow = z.object({
  level: z.enum(['township', 'district', 'committee']),
  officeId,
  name: z.string(),
  collectedFen: amount('townships: repayments recorded'),
  collectedCount: count('townships: repayments recorded'),
  receivedFen: amount('repayments in the batches received'),
  receivedCount: count('repayments in the batches received'),
  declaredReceivedFen: amount('what the batches received declared was counted'),
  handedOnFen: amount('repayments in the batches handed on'),
  handedOnCount: count('repayments in the batches handed on'),
  declaredHandedOnFen: amount('what this office declared it handed on'),
  differenceFen: signedAmount('declaredHandedOnFen − handedOnFen'),
  heldFen: signedAmount('collected or received, less handed on: what this office still holds'),
  heldCount: z.int(),
  batchesHandedOn: count('batches handed on'),
  flaggedBatches: count('batches whose declared amount differs'),
  handedHereFen: amount('what the offices below say they handed here').optional(),
  reconciles: z.boolean().optional().meta({ description: 'receivedFen equals handedHereFen: nothing lost on the way here' }),
});

export const ReconciliationTotals = z.object({
  collectedFen: amount('money taken from mothers in the townships of the report'),
  heldByTownshipsFen: signedAmount('held by townships'),
  heldByDistrictsFen: signedAmount('held by districts'),
  remittedToCommitteeFen: amount('remitted to the committee'),
  unaccountedFen: signedAmount('collected − (held by townships + held by districts + remitted): zero when not a fen is lost'),
  differenceFen: signedAmount('declared amounts of every batch against their repayments, summed'),
  flaggedBatches: count('flagged batches'),
});

export const RemittanceReconciliation = z.object({
  asOf: isoDate,
  officeId,
  rows: z.array(ReconciliationRow),
  totals: ReconciliationTotals,
  flaggedBatches: z.array(RemittanceBatchSummary),
});

// ---------- reports ----------

const reportRow = {
  groupBy: z.enum([...ReportQuery.shape.groupBy.unwrap().options, 'total']),
  id: z.string(),
  label: z.string(),
  districtId: officeId.optional(),
};

const loansAndFen = (what: string) => z.object({ loans: count(`loans ${what}`), fen: signedAmount(`principal ${what}`) });

export const RepaymentReport = z.object({
  asOf: isoDate,
  groupBy: ReportQuery.shape.groupBy.unwrap(),
  rows: z.array(
    z.object({
      ...reportRow,
      fallenDueFen: amount('principal fallen due by the as-of date'),
      repaidOnDueLoansFen: amount('principal repaid on loans fallen due'),
      repaidOnTimeFen: amount('principal repaid by each loan’s due date'),
      repaymentRateBp: rateBp('cumulative repayment rate'),
      onTimeRateBp: rateBp('on-time repayment rate'),
      outstandingFen: signedAmount('outstanding principal'),
      arrearsFen: amount('outstanding principal of loans past due'),
      arrearsLoans: count('loans past due'),
      par30Fen: amount('outstanding principal more than 30 days past due'),
      par30Bp: rateBp('PAR30'),
      ageing: z.object({
        days1to30: loansAndFen('1–30 days past due'),
        days31to90: loansAndFen('31–90 days past due'),
        days91to180: loansAndFen('91–180 days past due'),
        days181plus: loansAndFen('over 180 days past due'),
      }),
      writtenOffFen: amount('written off'),
    }),
  ),
});

export const PortfolioReport = z.object({
  asOf: isoDate,
  groupBy: ReportQuery.shape.groupBy.unwrap(),
  rows: z.array(
    z.object({
      ...reportRow,
      approved: loansAndFen('approved, not yet paid out'),
      active: loansAndFen('active and current'),
      overdue: loansAndFen('past due'),
      repaid: loansAndFen('repaid'),
      writtenOff: loansAndFen('written off'),
      disbursed: loansAndFen('disbursed'),
      outstandingFen: signedAmount('outstanding principal'),
    }),
  ),
});

export const OutcomesReport = z.object({
  asOf: isoDate,
  groupBy: ReportQuery.shape.groupBy.unwrap(),
  rows: z.array(
    z.object({
      ...reportRow,
      mothersHelped: count('mothers helped (each once, at her first loan)'),
      householdMembersReached: count('household members reached'),
      villagesCovered: count('villages covered'),
      finalEvaluations: count('final evaluations'),
      leftPoverty: count('households that left poverty (final evaluations)'),
      incomeGainedFen: signedAmount('income gained, from final evaluations'),
      povertyExitRateBp: rateBp('left poverty ÷ final evaluations'),
    }),
  ),
});

export const EvaluationsReport = z.object({
  asOf: isoDate,
  dueWithinDays: z.int().min(0),
  rows: z.array(
    z.object({
      districtId: officeId,
      fieldOfficer: z.string().meta({ description: 'username of the field officer, or (未指定) when none visited' }),
      kind: EvaluationKind,
      overdue: count('evaluations overdue'),
      due: count('evaluations due within dueWithinDays'),
      loans: z.array(z.object({ loanId: recordId, mother: z.string(), dueOn: isoDate, overdue: z.boolean() })),
    }),
  ),
});

export const FundReport = z.object({
  asOf: isoDate,
  rows: z.array(
    z.object({
      districtId: officeId,
      label: z.string(),
      grantedFen: amount('granted by the committee'),
      lentOutFen: amount('lent out'),
      recoveredFen: amount('recovered'),
      writtenOffFen: amount('written off'),
      outstandingFen: signedAmount('outstanding'),
      cashHeldFen: signedAmount('cash held'),
      availableToRelendFen: signedAmount('available to re-lend (today only)').nullable(),
      roundsOpened: count('rounds opened'),
      roundsCompleted: count('rounds closed with every loan repaid or written off'),
      rounds: z.array(
        z.object({
          id: recordId,
          name: z.string(),
          status: z.enum(['open', 'closed']),
          recovered: z.boolean(),
          capitalFen: amount('capital'),
          grantFen: amount('granted'),
          disbursedFen: amount('paid out'),
          repaidFen: amount('repaid'),
          writtenOffFen: amount('written off'),
          loans: count('loans approved'),
          closedLoans: count('loans repaid or written off'),
        }),
      ),
    }),
  ),
});

// ---------- search and the collection list ----------

export const SearchResults = z.object({
  items: z.array(
    z.object({
      kind: z.enum(['application', 'loan']),
      id: recordId,
      motherName: z.string(),
      residentIdMasked: z.string(),
      officeId: officeId.meta({ description: 'the mother’s village' }),
      status: z.string(),
      roundId: recordId,
    }),
  ),
});

export const CollectionList = z.object({
  asOf: isoDate,
  townshipId: officeId,
  villages: z.array(
    z.object({
      officeId,
      name: z.string(),
      kind: z.enum(OFFICE_KINDS).optional(),
      loans: z.array(
        z.object({
          loanId: recordId,
          agreementNo: z.string().optional(),
          motherName: z.string(),
          dueOn: isoDate,
          principalFen: amount('principal'),
          balanceFen: amount('balance now'),
          daysPastDue: count('days past due on the as-of day'),
          state: z.enum(['due_this_month', 'overdue']),
        }),
      ),
      totals: z.object({ dueFen: amount('due this month'), overdueFen: amount('overdue') }),
    }),
  ),
});

// ---------- meta ----------

export const Health = z.object({ status: z.literal('ok'), database: z.literal('reachable'), time: instant });

export const OpenApiDocument = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  components: z.record(z.string(), z.record(z.string(), z.unknown())),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

export { ImportReport, LedgerReport };

// ---------- ledger imports ----------

/** A district's ledger import: what it brings, checked against the paper, and how far it is written. */
export const LedgerBatch = z.object({
  id: recordId,
  districtId: officeId,
  status: z.enum(LEDGER_STATUSES),
  stagedBy: Actor,
  stagedAt: instant,
  declaredTotals: DeclaredTotals,
  totals: LedgerFigures,
  rounds: z.array(RoundFigures),
  counts: z.object({
    rounds: count('rounds it creates'),
    loans: count('loans it creates'),
    repayments: count('repayments it creates'),
    writeOffs: count('write-offs it records'),
    disbursedFen: amount('principal of its loans'),
    repaidFen: amount('its repayments'),
    writtenOffFen: amount('its write-offs'),
  }),
  alreadyImported: count('rows of the ledger imported before'),
  newRounds: z.array(
    z.object({
      row: z.int(),
      id: recordId,
      name: z.string(),
      openedOn: isoDate,
      capitalFen: amount('capital of the round'),
      grantFen: amount('new money granted with it'),
      minLoanFen: amount('smallest loan'),
      maxLoanFen: amount('largest loan'),
      termMonths: z.int().min(1),
      closedOn: isoDate.optional(),
      declared: DeclaredTotals.partial().optional(),
    }),
  ),
  parts: count('stored parts of its loans'),
  decision: z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().optional(), decidedBy: Actor, decidedAt: instant }).optional(),
  progress: z.object({
    phase: z.enum(['rounds', 'records', 'counters', 'firsts', 'done']),
    partsDone: count('parts whose loans are written'),
    loansWritten: count('loans written'),
    countersTotal: count('counter chunks planned'),
    countersDone: count('counter chunks applied'),
  }),
  lastError: z.string().optional().meta({ description: 'why writing stopped last time (it resumes from where it was)' }),
  appliedAt: instant.optional(),
  version,
});

export const LedgerBatchPage = page(LedgerBatch);

/** A ledger template is a file (CSV or .xlsx), never JSON. */
export const LedgerTemplateFile = z.string().meta({ description: 'the template file itself: text/csv (UTF-8 with BOM) or an .xlsx workbook' });

// ---------- errors ----------

/** The body of every 4xx and 5xx answer. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().meta({ description: 'what went wrong, stable and machine-readable, e.g. approval_blocked' }),
    message: z.string().meta({ description: 'what went wrong, for people' }),
    rule: z.string().optional().meta({ description: 'the rule broken, a key of the message catalogue (shared/i18n/errors.ts), e.g. amount_out_of_range' }),
    field: z.string().optional().meta({ description: 'the field at fault, as a dotted path' }),
    params: z.record(z.string(), z.unknown()).optional().meta({ description: 'structured parameters of the message (the unmet rules, counts, amounts in fen, dates); always sent by the functions' }),
    details: z
      .array(z.object({ field: z.string(), rule: z.string(), params: z.record(z.string(), z.unknown()), message: z.string() }))
      .optional()
      .meta({ description: 'on 400: every invalid field' }),
  }),
});

// ---------- the staff directory ----------

export const StaffMember = z.object({
  id: recordId,
  username: z.string().meta({ description: 'sign-in name at the identity provider (or its subject)' }),
  displayName: z.string().meta({ description: 'the name people read, in Chinese' }),
  displayNameBo: z.string().optional().meta({ description: 'the name in Tibetan' }),
  role: z.enum(ROLES),
  officeId,
  active: z.boolean().meta({ description: 'false: refused on the next request' }),
  email: z.string().optional(),
  createdAt: instant,
  updatedAt: instant,
  version,
});

export const StaffList = z.object({ items: z.array(StaffMember) });

/** The caller, as the staff directory knows her. */
export const Me = z.object({
  userId: z.string().meta({ description: 'her staff record id' }),
  username: z.string(),
  displayName: z.string().optional(),
  role: z.enum(ROLES),
  officeId,
});

// ---------- the schemas and the entity types agree ----------

/** True only when A and B are the same type (not merely assignable to each other). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** `true`, or what differs: the fields only one side has (`never` on both: a field typed differently, or a difference further down). */
type Drift<Schema, EntityType> = Same<Schema, EntityType> extends true ? true : { onlyInSchema: Exclude<keyof Schema, keyof EntityType>; onlyInEntity: Exclude<keyof EntityType, keyof Schema> };
type Agree<T extends true> = T;

/**
 * Fails the type-check when a schema and the entity type it describes drift apart, naming
 * the fields only one side has: add the field to both (here with its zod type).
 */
export type SchemasAgreeWithEntities = [
  Agree<Drift<z.output<typeof Actor>, Entity.Actor>>,
  Agree<Drift<z.output<typeof HistoryEvent>, Entity.HistoryEvent>>,
  Agree<Drift<z.output<typeof Round>, Entity.Round>>,
  Agree<Drift<z.output<typeof RoundRequest>, Entity.RoundRequest>>,
  Agree<Drift<z.output<typeof MotherDetails>, Entity.MotherDetails>>,
  Agree<Drift<z.output<typeof Notice>, Entity.Notice>>,
  Agree<Drift<z.output<typeof Objection>, Entity.Objection>>,
  Agree<Drift<z.output<typeof Visit>, Entity.Visit>>,
  Agree<Drift<z.output<typeof RuleResult>, Entity.RuleResult>>,
  Agree<Drift<z.output<typeof ScreeningResult>, Entity.ScreeningResult>>,
  Agree<Drift<z.output<typeof Decision>, Entity.Decision>>,
  Agree<Drift<z.output<typeof Application>, Entity.Application>>,
  Agree<Drift<z.output<typeof Agreement>, Entity.Agreement>>,
  Agree<Drift<z.output<typeof Disbursement>, Entity.Disbursement>>,
  Agree<Drift<z.output<typeof ScheduledEvaluation>, Entity.ScheduledEvaluation>>,
  Agree<Drift<z.output<typeof Loan>, Entity.Loan>>,
  Agree<Drift<z.output<typeof Evaluation>, Entity.Evaluation>>,
  Agree<Drift<z.output<typeof Repayment>, Entity.Repayment>>,
  Agree<Drift<z.output<typeof Office>, OfficeType>>,
  Agree<Drift<z.output<typeof StaffMember>, StaffMemberType>>,
  Agree<Drift<z.output<typeof Me>, Caller>>,
  Agree<Drift<z.output<typeof BatchRepayment>, BatchRepaymentType>>,
  Agree<Drift<z.output<typeof RemittanceBatch>, RemittanceBatchType>>,
  Agree<Drift<z.output<typeof ReconciliationRow>, ReconciliationRowType>>,
  Agree<Drift<z.output<typeof ReconciliationTotals>, ReconciliationTotalsType>>,
];
