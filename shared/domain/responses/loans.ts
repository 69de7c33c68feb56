/** Answers of the loan routes (agreement, disbursement, evaluations, repayments, the loan file, search). (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { AgreementInput } from '../schemas/disbursement.ts';
import { EvaluationInput } from '../schemas/evaluations.ts';
import { EvaluationKind, isoDate, LoanStatus, officeId, recordId } from '../schemas/common.ts';
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { amount, count, instant, version, recorded, Actor, HistoryEntry, page } from './common.ts';
import { MotherDetails } from './mother.ts';
import { Repayment } from './repayments.ts';

export const Agreement = z.safeExtend(AgreementInput, { recordedBy: Actor, ...recorded });

export const Disbursement = z.object({
  disbursedOn: isoDate,
  amountFen: amount('amount paid out'),
  motherPresent: z.literal(true),
  idChecked: z.literal(true),
  place: z.optional(z.string()),
  recordedBy: Actor,
  ...recorded,
});

export const ScheduledEvaluation = z.object({
  kind: EvaluationKind,
  dueOn: isoDate,
  evaluationId: withMeta(z.optional(recordId), { description: 'the evaluation that fulfilled this slot' }),
});

export const Loan = z.object({
  id: recordId,
  confirmation: withMeta(
    z.optional(
      z.object({
        status: z.enum(['listed', 'confirmed', 'returned']),
        listId: recordId,
        sentOn: isoDate,
        sentBy: Actor,
        decidedOn: z.optional(isoDate),
        decidedBy: z.optional(Actor),
        reason: z.optional(z.string()),
      }),
    ),
    { description: 'the committee’s confirmation (审核确定) from the last confirmation list the loan was on; absent: not yet sent' },
  ),
  agreementNo: withMeta(z.optional(z.string()), { description: 'the readable agreement number, e.g. 城关-2026-04-017' }),
  applicationId: recordId,
  roundId: recordId,
  districtId: officeId,
  townshipId: officeId,
  villageId: officeId,
  mother: MotherDetails,
  householdSize: z.int().check(z.gte(1)),
  principalFen: amount('principal'),
  repaidFen: amount('repaid so far'),
  balanceFen: amount('still owed'),
  status: LoanStatus,
  termMonths: z.int().check(z.gte(1)),
  evaluationMonths: z.array(z.int().check(z.gte(1))),
  approvedOn: isoDate,
  approvedBy: withMeta(z.optional(Actor), { description: 'who approved it (four eyes: they may not record the disbursement)' }),
  agreement: z.optional(Agreement),
  disbursement: z.optional(Disbursement),
  dueOn: z.optional(isoDate),
  evaluationSchedule: z.array(ScheduledEvaluation),
  repaidOn: z.optional(isoDate),
  writeOff: z.optional(z.object({ writtenOffOn: isoDate, amountFen: amount('amount written off'), reason: z.string(), writtenOffBy: Actor })),
  fieldOfficer: withMeta(z.optional(z.object({ userId: z.string(), username: z.string(), displayName: z.optional(z.string()) })), {
    description: 'the field officer who visited the household: evaluations are due from them',
  }),
  overdueSince: withMeta(z.optional(isoDate), { description: 'the date the close-of-business job found it past due' }),
  anonymisedOn: withMeta(z.optional(isoDate), { description: 'the day the retention job removed her personal data (name, resident ID, phone, household details, notes); money and dates stay' }),
  createdAt: instant,
  source: withMeta(z.optional(z.literal('ledger')), { description: 'ledger: brought in from the office’s Excel ledger (not a back-dated entry)' }),
  ledgerImportId: withMeta(z.optional(z.string()), { description: 'the ledger import that brought it in' }),
  version,
});

/** A loan as lists and the loan file show it: with whether it is past due today. */
export const LoanView = z.extend(Loan, {
  overdue: z.boolean(),
  daysPastDue: count('days past the due date today (0 when not past due)'),
});

export const LoanPage = page(LoanView);

export const Evaluation = z.safeExtend(EvaluationInput, {
  id: recordId,
  loanId: recordId,
  dueOn: isoDate,
  recordedBy: Actor,
  recordedAt: instant,
  backDated: recorded.backDated,
  controlsOff: recorded.controlsOff,
});

/** The loan file: the loan with its repayments, evaluations and history. */
export const LoanFile = z.extend(LoanView, {
  repayments: z.array(
    z.extend(Repayment, { verifyToken: withMeta(z.string(), { description: 'the signature of its public check, printed as a QR code on the receipt: `#/verify/{loanId}/{id}?t=`' }) }),
  ),
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
      officeId: withMeta(officeId, { description: 'the mother’s village' }),
      status: z.string(),
      roundId: recordId,
    }),
  ),
});
