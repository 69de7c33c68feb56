/**
 * Committee confirmation (审核确定): request and answer shapes of the confirmation lists
 * (报批名单) a district sends and the committee decides.
 */
import * as z from 'zod/mini';
import { withMeta } from './meta.ts';
import { isoDate, officeId, recordId, text } from './schemas/common.ts';
import { Actor, HistoryEntry, page } from './response-schemas.ts';

/** One list is one transaction: each loan changes and gets a history entry. */
export const MAX_LIST_LOANS = 40;

export const ConfirmationListInput = z.strictObject({
  sentOn: withMeta(isoDate, { description: 'the date on the 报批表 the district sends' }),
  loanIds: withMeta(z.array(recordId).check(z.minLength(1), z.maxLength(MAX_LIST_LOANS)), {
    description: `approved loans of one round, not yet confirmed (or returned earlier), each once (1–${MAX_LIST_LOANS})`,
  }),
  note: z.optional(text(500)),
});
export type ConfirmationListInput = z.output<typeof ConfirmationListInput>;

export const ConfirmationDecisionInput = z.strictObject({
  decidedOn: withMeta(isoDate, { description: 'the date of the committee’s decision' }),
  returns: withMeta(
    z._default(z.array(z.strictObject({ loanId: recordId, reason: withMeta(text(500), { description: 'why the loan goes back to the district' }) })).check(z.maxLength(MAX_LIST_LOANS)), []),
    { description: 'loans returned to the district, each with its reason; every other loan on the list is confirmed' },
  ),
});
export type ConfirmationDecisionInput = z.output<typeof ConfirmationDecisionInput>;

export const CONFIRMATION_LIST_STATUSES = ['sent', 'decided'] as const;

export const ConfirmationListQuery = z.strictObject({
  districtId: z.optional(officeId),
  status: withMeta(z.optional(z.enum(CONFIRMATION_LIST_STATUSES)), { description: 'sent: waiting for the committee; decided: confirmed or partly returned' }),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});
export type ConfirmationListQuery = z.output<typeof ConfirmationListQuery>;

// ---------- answers ----------

export const ConfirmationItem = z.object({
  loanId: recordId,
  agreementNo: z.optional(z.string()),
  motherName: z.string(),
  townshipId: officeId,
  villageId: officeId,
  amountFen: withMeta(z.int().check(z.gte(1)), { description: 'the approved amount, in fen' }),
  screeningPassed: withMeta(z.optional(z.boolean()), { description: 'the “three nos and one priority” screening passed' }),
  priorityScore: z.optional(z.int()),
  visitCount: withMeta(z.int().check(z.gte(0)), { description: 'household visits logged' }),
  approvedOn: z.string(),
  approvedBy: z.optional(Actor),
  status: z.enum(['listed', 'confirmed', 'returned']),
  reason: withMeta(z.optional(z.string()), { description: 'why the committee returned it' }),
});

export const ConfirmationList = z.object({
  id: recordId,
  districtId: officeId,
  roundId: recordId,
  roundName: z.string(),
  status: z.enum(CONFIRMATION_LIST_STATUSES),
  sentOn: isoDate,
  sentBy: Actor,
  note: z.optional(z.string()),
  items: z.array(ConfirmationItem),
  totalFen: z.int().check(z.gte(0)),
  decidedOn: z.optional(isoDate),
  decidedBy: z.optional(Actor),
  createdAt: z.string(),
  version: z.int().check(z.gte(1)),
});

export const ConfirmationListPage = page(ConfirmationList);
export const ConfirmationListFile = z.extend(ConfirmationList, { history: z.array(HistoryEntry) });
