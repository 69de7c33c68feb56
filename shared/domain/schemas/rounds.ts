/** Rounds: opening one with its grants, a district's request for one and its decision, closing one. (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { fen, fenOrZero, isoDate, officeId, text } from './common.ts';

/** One grant of new money to a round: where it comes from (a donor, the committee's own funds) and how much. */
export const GrantInput = z.strictObject({
  source: withMeta(text(80), { description: 'where the money comes from: a donor, a foundation, the committee’s own funds' }),
  amountFen: fen('amountFen'),
});
export type GrantInput = z.output<typeof GrantInput>;

/** Grants listed with their sources; their sum is the round's new money (grantFen). */
const grantsField = withMeta(z.optional(z.array(GrantInput).check(z.minLength(1, { error: 'must list at least one grant' }), z.maxLength(10, { error: 'must list at most 10 grants' }))), {
  description: 'the new money granted, by source; their sum is grantFen (give one or the other, or both equal)',
});

/** Grants and grantFen agree, and the grants fit in the capital (shared by RoundInput and the approval of a round request). */
function checkGrants(r: { capitalFen: number; grantFen?: number; grants?: GrantInput[] }, ctx: z.core.$RefinementCtx): void {
  if (!r.grants) return;
  const sum = r.grants.reduce((s, g) => s + g.amountFen, 0);
  if (r.grantFen !== undefined && r.grantFen !== sum)
    ctx.addIssue({ code: 'custom', path: ['grantFen'], message: `must equal the sum of the grants (${sum} fen)`, params: { rule: 'sum_of', other: 'grants', sumFen: sum } });
  if (sum > r.capitalFen) ctx.addIssue({ code: 'custom', path: ['grants'], message: 'must not exceed capitalFen in total', params: { rule: 'not_above', other: 'capitalFen' } });
}

/** The new money of a round: the sum of its grants when listed, else grantFen as given. */
export const grantTotal = (r: { grantFen?: number; grants?: GrantInput[] }): number | undefined => (r.grants ? r.grants.reduce((s, g) => s + g.amountFen, 0) : r.grantFen);

export const RoundInput = z
  .strictObject({
    districtId: officeId,
    name: text(80),
    openedOn: isoDate,
    capitalFen: fen('capitalFen'),
    grantFen: withMeta(z.optional(fenOrZero('grantFen')), {
      description: 'new money the committee grants with this round; the rest of the capital comes from the district’s recovered funds. Defaults to the sum of `grants`, else to what the fund lacks.',
    }),
    grants: grantsField,
    minLoanFen: z._default(fen('minLoanFen'), 500_000),
    maxLoanFen: z._default(fen('maxLoanFen'), 1_500_000),
    termMonths: z._default(z.int().check(z.gte(1), z.lte(120)), 24),
    evaluationMonths: z._default(z.array(z.int().check(z.gte(1), z.lte(119))).check(z.maxLength(12)), [6, 12]),
    noticeDays: z._default(z.int().check(z.gte(1), z.lte(90)), 7),
  })
  .check(
    z.superRefine((r, ctx) => {
      if (r.minLoanFen > r.maxLoanFen) ctx.addIssue({ code: 'custom', path: ['minLoanFen'], message: 'must not exceed maxLoanFen', params: { rule: 'not_above', other: 'maxLoanFen' } });
      if (r.maxLoanFen > r.capitalFen) ctx.addIssue({ code: 'custom', path: ['maxLoanFen'], message: 'must not exceed capitalFen', params: { rule: 'not_above', other: 'capitalFen' } });
      if (r.grantFen !== undefined && r.grantFen > r.capitalFen)
        ctx.addIssue({ code: 'custom', path: ['grantFen'], message: 'must not exceed capitalFen', params: { rule: 'not_above', other: 'capitalFen' } });
      checkGrants(r, ctx);
      r.evaluationMonths.forEach((m, i) => {
        if (m >= r.termMonths) ctx.addIssue({ code: 'custom', path: ['evaluationMonths', i], message: 'must fall before the end of the term (termMonths)', params: { rule: 'before_term_end' } });
        if (i > 0 && m <= r.evaluationMonths[i - 1]!) ctx.addIssue({ code: 'custom', path: ['evaluationMonths', i], message: 'must be in increasing order', params: { rule: 'increasing' } });
      });
    }),
  );
export type RoundInput = z.output<typeof RoundInput>;

export const CloseRoundInput = z.strictObject({
  closedOn: isoDate,
});
export type CloseRoundInput = z.output<typeof CloseRoundInput>;

export const RoundRequestInput = z.strictObject({
  name: text(80),
  requestedOn: isoDate,
  capitalFen: fen('capitalFen'),
  reason: text(2000),
});
export type RoundRequestInput = z.output<typeof RoundRequestInput>;

export const RoundRequestDecisionInput = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('approve'),
    openedOn: isoDate,
    capitalFen: fen('capitalFen'),
    grantFen: z.optional(fenOrZero('grantFen')),
    grants: grantsField,
    minLoanFen: z.optional(fen('minLoanFen')),
    maxLoanFen: z.optional(fen('maxLoanFen')),
    termMonths: z.optional(z.int().check(z.gte(1), z.lte(120))),
    noticeDays: z.optional(z.int().check(z.gte(1), z.lte(90))),
  }),
  z.strictObject({ decision: z.literal('reject'), reason: text(2000) }),
]);
export type RoundRequestDecisionInput = z.output<typeof RoundRequestDecisionInput>;

export const RoundRequestListQuery = z.strictObject({
  districtId: z.optional(officeId),
  status: z.optional(z.enum(['pending', 'approved', 'rejected'])),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});
