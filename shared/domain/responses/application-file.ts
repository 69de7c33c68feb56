/** The answers only the applications function gives: a full resident ID revealed, a page of applications, the application file. (Part of `../response-schemas.ts`; apart from `./applications.ts` so that the screening function, which answers with an application, does not bundle them.) */
import { isoDate, LoanStatus, recordId } from '../schemas/common.ts';
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { Application, Objection, Visit } from './applications.ts';
import { amount, HistoryEntry, page } from './common.ts';

export const ResidentIdReveal = z.object({
  applicationId: recordId,
  residentId: withMeta(z.string(), { description: 'the full resident ID number (the reveal is in the history and the exceptions report)' }),
});

export const ApplicationPage = page(Application);

/** One application with everything recorded on it, and the mother's earlier loans. */
export const ApplicationFile = z.extend(Application, {
  objections: z.array(Objection),
  visits: z.array(Visit),
  history: z.array(HistoryEntry),
  earlierLoans: z.array(
    z.object({
      id: recordId,
      agreementNo: z.optional(z.string()),
      roundId: recordId,
      principalFen: amount('principal'),
      status: LoanStatus,
      disbursedOn: z.optional(isoDate),
      repaidOn: z.optional(isoDate),
    }),
  ),
  earlierLoansElsewhere: withMeta(z.optional(z.object({ count: z.int().check(z.gte(1)), allRepaid: z.boolean() })), {
    description: "the mother's loans in other districts: only how many and whether all were repaid, never which",
  }),
});
