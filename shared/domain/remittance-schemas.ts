/** Request shapes of the repayment hand-offs (remittance batches). Owned by the remittances capability. */
import * as z from 'zod/mini';
import { withMeta } from './meta.ts';
import { MAX_BATCH_REPAYMENTS, REMITTANCE_LEVELS } from './remittance.ts';
import { fen, isoDate, officeId, personName, recordId, text } from './schemas/common.ts';

export const RemittanceInput = z.strictObject({
  /** township → district, or district → committee */
  level: withMeta(z.enum(REMITTANCE_LEVELS), {
    description: 'township_to_district: a township hands the repayments it collected to its district; district_to_committee: the district remits what it received',
  }),
  fromOfficeId: withMeta(officeId, { description: 'the office handing over: the township (township_to_district) or the district (district_to_committee)' }),
  handedOverOn: isoDate,
  amountFen: withMeta(fen('amountFen'), { description: 'the amount counted and handed over, in fen; a difference from the sum of the repayments is accepted but flagged' }),
  repaymentRefs: withMeta(z.array(z.strictObject({ id: recordId, loanId: recordId })).check(z.minLength(1), z.maxLength(MAX_BATCH_REPAYMENTS)), {
    description: `the repayments handed over, each once, by its id and its loan's (as the waiting list gives them; 1–${MAX_BATCH_REPAYMENTS}: one batch is one transaction)`,
  }),
  handedOverBy: personName,
  receivedBy: personName,
  note: z.optional(text(500)),
});
export type RemittanceInput = z.output<typeof RemittanceInput>;

export const RemittanceListQuery = z.strictObject({
  districtId: z.optional(officeId),
  level: z.optional(z.enum(REMITTANCE_LEVELS)),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});
export type RemittanceListQuery = z.output<typeof RemittanceListQuery>;

export const RemittanceWaitingQuery = z.strictObject({
  /** a township (what it still holds) or a district (what it received and has not yet remitted); defaults to the caller's office */
  officeId: z.optional(officeId),
  state: z.optional(z.enum(['held', 'at_district', 'at_committee'])),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});
