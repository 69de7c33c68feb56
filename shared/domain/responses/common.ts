/** The building blocks of the API's answers: money, counts, rates, instants, versions, who did it, history, pages (the error body: `./errors.ts`). (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { ROLES } from '../roles.ts';
import { isoDate, officeId, recordId } from '../schemas/common.ts';
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { SETTING_KEYS_ENUM } from '../settings.ts';

/** An amount of money as stored: integer fen, never negative. */
export const amount = (description: string) => withMeta(z.int().check(z.gte(0)), { description: `${description}, in integer fen (1 yuan = 100 fen)` });

/** A computed amount of money that may be negative (a difference, a shortfall). */
export const signedAmount = (description: string) => withMeta(z.int(), { description: `${description}, in integer fen (negative when short)` });

export const count = (description: string) => withMeta(z.int().check(z.gte(0)), { description });

/** A rate in basis points (1/100 of a percent); null when its denominator is zero. */
export const rateBp = (description: string) => withMeta(z.nullable(z.int()), { description: `${description}, in basis points (1/100 of a percent); null when nothing to divide by` });

export const instant = withMeta(z.iso.datetime(), { description: 'instant, ISO 8601 in UTC' });

export const version = withMeta(z.int().check(z.gte(1)), { description: 'record version; every change increments it' });

/** When a dated entry was recorded, and whether that was late (see shared/domain/controls.ts). */
export const recorded = {
  recordedAt: withMeta(z.optional(instant), { description: 'when it was entered (the paper date is the entry’s own date field)' }),
  backDated: withMeta(z.optional(z.object({ daysLate: z.int().check(z.gte(0)) })), { description: 'recorded more than the programme’s backDatedAfterDays after its paper date' }),
  controlsOff: withMeta(z.optional(z.array(z.enum(SETTING_KEYS_ENUM))), { description: 'the controls that were off or looser than their defaults when it was recorded (reported)' }),
};

export const Actor = withMeta(
  z.object({
    userId: withMeta(z.string(), { description: 'stable id of the person' }),
    username: z.string(),
    displayName: withMeta(z.optional(z.string()), { description: 'the person’s name from the staff directory when the entry was recorded' }),
    role: z.enum(ROLES),
    officeId,
  }),
  { description: 'who did it' },
);

export const HistoryEvent = z.object({
  at: instant,
  actor: Actor,
  action: withMeta(z.string(), { description: 'what was done, e.g. application_submitted' }),
  summary: withMeta(z.string(), { description: 'the English wording, kept for readers without the catalogue' }),
  params: withMeta(z.optional(z.record(z.string(), z.unknown())), { description: 'the figures of the entry (amounts in fen, dates YYYY-MM-DD)' }),
  data: withMeta(z.optional(z.record(z.string(), z.unknown())), { description: 'entries stored before `params` existed keep their figures here' }),
});

/** A history entry as the API returns it: with its actor's name and its text in the request's language. */
export const HistoryEntry = z.extend(HistoryEvent, {
  params: z.record(z.string(), z.unknown()),
  actorName: withMeta(z.string(), { description: 'the display name of the actor, else the username' }),
  text: withMeta(z.string(), { description: 'what happened, in the language of Accept-Language: yuan, dates as people write them, no record ids' }),
});

/** One page of a list; pass `nextCursor` back as `cursor` for the next one. */
export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: withMeta(z.optional(z.string()), { description: 'pass back as `cursor` for the next page; absent on the last page' }),
  });

export const HandOffRef = z.object({ batchId: recordId, handedOverOn: isoDate });
