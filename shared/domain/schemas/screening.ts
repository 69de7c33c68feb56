/** The committee's decision on an application. (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { fen, isoDate, text } from './common.ts';

/** Approval names the amount approved: an amount within the round's range, up to the amount asked. */
const Approval = z
  .strictObject({
    decision: z.literal('approve'),
    decidedOn: isoDate,
    amountApprovedFen: withMeta(z.optional(fen('amountApprovedFen')), { description: 'the amount approved: within the round’s range and at most the amount asked (amountRequestedFen)' }),
    amountFen: withMeta(z.optional(fen('amountFen')), { description: 'the earlier name of amountApprovedFen, still accepted', deprecated: true }),
    note: z.optional(text(2000)),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.amountApprovedFen === undefined && d.amountFen === undefined) ctx.addIssue({ code: 'custom', path: ['amountApprovedFen'], message: 'is required', params: { rule: 'required' } });
      if (d.amountApprovedFen !== undefined && d.amountFen !== undefined && d.amountApprovedFen !== d.amountFen)
        ctx.addIssue({ code: 'custom', path: ['amountFen'], message: 'give the approved amount once, as amountApprovedFen', params: { rule: 'amount_given_once' } });
    }),
  );

export const DecisionInput = z.discriminatedUnion('decision', [Approval, z.strictObject({ decision: z.literal('reject'), decidedOn: isoDate, reason: text(2000) })]);
export type DecisionInput = z.output<typeof DecisionInput>;
