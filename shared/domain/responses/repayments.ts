/** A repayment as the API returns it, and a page of them. (Part of `../response-schemas.ts`; apart from the loan's answers so that the remittance function does not bundle them.) */
import { HAND_OFF_STATES } from '../remittance.ts';
import { isoDate, officeId, recordId } from '../schemas/common.ts';
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { amount, instant, recorded, Actor, page, HandOffRef } from './common.ts';

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
  districtId: z.optional(officeId),
  townshipId: z.optional(officeId),
  villageId: z.optional(officeId),
  remittanceState: withMeta(z.optional(z.enum(HAND_OFF_STATES)), { description: 'where the money is now: held by the township, at the district, or at the committee' }),
  toDistrict: z.optional(HandOffRef),
  toCommittee: z.optional(HandOffRef),
  source: withMeta(z.optional(z.literal('ledger')), { description: 'ledger: brought in from the office’s Excel ledger (not a back-dated entry)' }),
  motherName: withMeta(z.optional(z.string()), { description: 'the name of the mother who paid (on the lists of repayments waiting to be handed over)' }),
  ledgerImportId: withMeta(z.optional(z.string()), { description: 'the ledger import that brought it in' }),
});

export const RepaymentPage = page(Repayment);
