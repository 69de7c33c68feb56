/** Answers of the rounds, round-request and settings routes. (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { isoDate, officeId, recordId } from '../schemas.ts';
import * as z from 'zod';
import { amount, signedAmount, count, instant, version, Actor, page } from './common.ts';

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

export const ProgrammeSettings = z.object({
  separationOfDuties: z.boolean().meta({ description: 'four eyes on approval and disbursement' }),
  backDatedAfterDays: z.int().min(0).meta({ description: 'entries recorded more than this many days after their date are back-dated' }),
  version: z.int().min(0).meta({ description: '0 until the committee first changes them' }),
  updatedAt: instant.optional(),
  updatedBy: Actor.optional(),
});
