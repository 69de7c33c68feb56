/** Answers of the rounds, round-request and settings routes. (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { isoDate, officeId, recordId } from '../schemas/common.ts';
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { amount, signedAmount, count, instant, version, Actor, page } from './common.ts';

export const Round = z.object({
  id: recordId,
  districtId: officeId,
  name: z.string(),
  number: withMeta(z.optional(z.int().check(z.gte(1))), { description: 'the round’s ordinal in its district, part of its agreement numbers' }),
  openedOn: isoDate,
  capitalFen: amount('capital of the round'),
  minLoanFen: amount('smallest loan'),
  maxLoanFen: amount('largest loan'),
  termMonths: z.int().check(z.gte(1)),
  evaluationMonths: z.array(z.int().check(z.gte(1))),
  noticeDays: z.int().check(z.gte(1)),
  status: z.enum(['open', 'closed']),
  grantFen: amount('new money the committee granted with this round (the rest of the capital is re-lent recovered money)'),
  grants: withMeta(z.optional(z.array(z.object({ source: z.string(), amountFen: amount('granted from this source') }))), {
    description: 'the grants by source, when the committee listed them (their sum is grantFen)',
  }),
  committedFen: amount('principal of loans approved in this round (reserved against capitalFen)'),
  uncommittedFen: amount('capitalFen − committedFen'),
  disbursedFen: amount('paid out'),
  repaidFen: amount('repaid'),
  writtenOffFen: amount('written off'),
  loanCount: count('loans approved'),
  closedLoans: count('loans repaid in full or written off'),
  closedOn: z.optional(isoDate),
  createdAt: instant,
  createdBy: Actor,
  source: withMeta(z.optional(z.literal('ledger')), { description: 'ledger: brought in from the office’s Excel ledger (not a back-dated entry)' }),
  ledgerImportId: withMeta(z.optional(z.string()), { description: 'the ledger import that brought it in' }),
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
  fundPosition: withMeta(
    z.optional(
      z.object({
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
      }),
    ),
    { description: 'the district’s fund when the request was made: the committee decides on it' },
  ),
  roundId: withMeta(z.optional(recordId), { description: 'the round opened on approval' }),
  decision: z.optional(
    z.object({
      decision: z.enum(['approve', 'reject']),
      capitalFen: z.optional(amount('capital of the round opened')),
      grantFen: z.optional(amount('new money granted')),
      reason: z.optional(z.string()),
      decidedBy: Actor,
    }),
  ),
  requestedBy: Actor,
  version,
});

export const RoundRequestPage = page(RoundRequest);

/** The decision on a round request; on approval, the round it opened. */
export const RoundRequestDecided = z.extend(RoundRequest, { round: z.optional(Round) });

export const ProgrammeSettings = z.object({
  separationOfDuties: withMeta(z.boolean(), { description: 'four eyes on approval and disbursement' }),
  backDatedAfterDays: withMeta(z.int().check(z.gte(0)), { description: 'entries recorded more than this many days after their date are back-dated' }),
  version: withMeta(z.int().check(z.gte(0)), { description: '0 until the committee first changes them' }),
  updatedAt: z.optional(instant),
  updatedBy: z.optional(Actor),
});
