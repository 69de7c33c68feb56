/** Answers of the loan routes (agreement, disbursement, evaluations, repayments, the loan file, search). (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { HAND_OFF_STATES } from '../remittance.ts';
import { AgreementInput, EvaluationInput, EvaluationKind, isoDate, LoanStatus, officeId, recordId } from '../schemas.ts';
import * as z from 'zod';
import { amount, count, instant, version, recorded, Actor, HistoryEntry, page, MotherDetails, HandOffRef } from './common.ts';

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
  fieldOfficer: z
    .object({ userId: z.string(), username: z.string(), displayName: z.string().optional() })
    .optional()
    .meta({ description: 'the field officer who visited the household: evaluations are due from them' }),
  overdueSince: isoDate.optional().meta({ description: 'the date the close-of-business job found it past due' }),
  anonymisedOn: isoDate.optional().meta({ description: 'the day the retention job removed her personal data (name, resident ID, phone, household details, notes); money and dates stay' }),
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
  controlsOff: recorded.controlsOff,
});

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
  controlsOff: recorded.controlsOff,
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
  repayments: z.array(Repayment.extend({ verifyToken: z.string().meta({ description: 'the signature of its public check, printed as a QR code on the receipt: `#/verify/{loanId}/{id}?t=`' }) })),
  evaluations: z.array(Evaluation),
  history: z.array(HistoryEntry),
});

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
