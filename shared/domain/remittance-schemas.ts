/** Request shapes of the repayment hand-offs (remittance batches). Owned by the remittances capability. */
import * as z from 'zod';
import { MAX_BATCH_REPAYMENTS, REMITTANCE_LEVELS } from './remittance.ts';
import { fen, isoDate, officeId, personName, recordId, text } from './schemas.ts';

export const RemittanceInput = z.strictObject({
  /** township → district, or district → committee */
  level: z
    .enum(REMITTANCE_LEVELS)
    .meta({ description: 'township_to_district: a township hands the repayments it collected to its district; district_to_committee: the district remits what it received' }),
  fromOfficeId: officeId.meta({ description: 'the office handing over: the township (township_to_district) or the district (district_to_committee)' }),
  handedOverOn: isoDate,
  amountFen: fen('amountFen').meta({ description: 'the amount counted and handed over, in fen; a difference from the sum of the repayments is accepted but flagged' }),
  repaymentIds: z
    .array(recordId)
    .min(1)
    .max(MAX_BATCH_REPAYMENTS)
    .meta({ description: `the repayments handed over, each once (1–${MAX_BATCH_REPAYMENTS}: one batch is one transaction)` }),
  handedOverBy: personName,
  receivedBy: personName,
  note: text(500).optional(),
});
export type RemittanceInput = z.output<typeof RemittanceInput>;

export const RemittanceListQuery = z.strictObject({
  districtId: officeId.optional(),
  level: z.enum(REMITTANCE_LEVELS).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type RemittanceListQuery = z.output<typeof RemittanceListQuery>;

export const RemittanceWaitingQuery = z.strictObject({
  /** a township (what it still holds) or a district (what it received and has not yet remitted); defaults to the caller's office */
  officeId: officeId.optional(),
  state: z.enum(['held', 'at_district', 'at_committee']).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
