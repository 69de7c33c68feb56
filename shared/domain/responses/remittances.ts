/** Answers of the remittance routes and the hand-off reconciliation. (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { HAND_OFF_STATES, REMITTANCE_LEVELS } from '../remittance.ts';
import { isoDate, officeId, recordId } from '../schemas/common.ts';
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { amount, signedAmount, count, instant, Actor, HistoryEntry, page, HandOffRef } from './common.ts';

export const BatchRepayment = z.object({
  id: recordId,
  loanId: recordId,
  villageId: officeId,
  paidOn: isoDate,
  amountFen: amount('amount paid'),
  receiptNo: z.optional(z.string()),
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
  note: z.optional(z.string()),
  recordedBy: Actor,
  recordedAt: instant,
  sumOfRepaymentsFen: amount('what the repayments carried add up to'),
  differenceFen: signedAmount('declared minus the sum of the repayments'),
  flagged: withMeta(z.boolean(), { description: 'the declared amount differs from the repayments' }),
});

export const RemittanceBatchSummary = z.omit(RemittanceBatch, { repayments: true });

export const RemittanceBatchPage = page(RemittanceBatchSummary);

/** One batch with its repayments (and where each is now) and its history. */
export const RemittanceBatchFile = z.extend(RemittanceBatch, {
  repayments: z.array(
    z.extend(BatchRepayment, {
      remittanceState: z.optional(z.enum(HAND_OFF_STATES)),
      toDistrict: z.optional(HandOffRef),
      toCommittee: z.optional(HandOffRef),
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
  handedHereFen: z.optional(amount('what the offices below say they handed here')),
  reconciles: withMeta(z.optional(z.boolean()), { description: 'receivedFen equals handedHereFen: nothing lost on the way here' }),
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
