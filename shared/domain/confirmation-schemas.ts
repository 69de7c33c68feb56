/**
 * Committee confirmation (审核确定): request and answer shapes of the confirmation lists
 * (报批名单) a district sends and the committee decides.
 */
import * as z from 'zod';
import { isoDate, officeId, recordId, text } from './schemas.ts';
import { Actor, HistoryEntry, page } from './response-schemas.ts';

/** One list is one transaction: each loan changes and gets a history entry. */
export const MAX_LIST_LOANS = 40;

export const ConfirmationListInput = z.strictObject({
  sentOn: isoDate.meta({ description: 'the date on the 报批表 the district sends' }),
  loanIds: z
    .array(recordId)
    .min(1)
    .max(MAX_LIST_LOANS)
    .meta({ description: `approved loans of one round, not yet confirmed (or returned earlier), each once (1–${MAX_LIST_LOANS})` }),
  note: text(500).optional(),
});
export type ConfirmationListInput = z.output<typeof ConfirmationListInput>;

export const ConfirmationDecisionInput = z.strictObject({
  decidedOn: isoDate.meta({ description: 'the date of the committee’s decision' }),
  returns: z
    .array(z.strictObject({ loanId: recordId, reason: text(500).meta({ description: 'why the loan goes back to the district' }) }))
    .max(MAX_LIST_LOANS)
    .default([])
    .meta({ description: 'loans returned to the district, each with its reason; every other loan on the list is confirmed' }),
});
export type ConfirmationDecisionInput = z.output<typeof ConfirmationDecisionInput>;

export const CONFIRMATION_LIST_STATUSES = ['sent', 'decided'] as const;

export const ConfirmationListQuery = z.strictObject({
  districtId: officeId.optional(),
  status: z.enum(CONFIRMATION_LIST_STATUSES).optional().meta({ description: 'sent: waiting for the committee; decided: confirmed or partly returned' }),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ConfirmationListQuery = z.output<typeof ConfirmationListQuery>;

// ---------- answers ----------

export const ConfirmationItem = z.object({
  loanId: recordId,
  agreementNo: z.string().optional(),
  motherName: z.string(),
  townshipId: officeId,
  villageId: officeId,
  amountFen: z.int().min(1).meta({ description: 'the approved amount, in fen' }),
  screeningPassed: z.boolean().optional().meta({ description: 'the “three nos and one priority” screening passed' }),
  priorityScore: z.int().optional(),
  visitCount: z.int().min(0).meta({ description: 'household visits logged' }),
  approvedOn: z.string(),
  approvedBy: Actor.optional(),
  status: z.enum(['listed', 'confirmed', 'returned']),
  reason: z.string().optional().meta({ description: 'why the committee returned it' }),
});

export const ConfirmationList = z.object({
  id: recordId,
  districtId: officeId,
  roundId: recordId,
  roundName: z.string(),
  status: z.enum(CONFIRMATION_LIST_STATUSES),
  sentOn: isoDate,
  sentBy: Actor,
  note: z.string().optional(),
  items: z.array(ConfirmationItem),
  totalFen: z.int().min(0),
  decidedOn: isoDate.optional(),
  decidedBy: Actor.optional(),
  createdAt: z.string(),
  version: z.int().min(1),
});

export const ConfirmationListPage = page(ConfirmationList);
export const ConfirmationListFile = ConfirmationList.extend({ history: z.array(HistoryEntry) });
