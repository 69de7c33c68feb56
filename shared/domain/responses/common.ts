/** The building blocks of the API's answers: money, counts, rates, instants, versions, who did it, history, pages, the error body. (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { ROLES } from '../roles.ts';
import { isoDate, officeId, recordId } from '../schemas.ts';
import * as z from 'zod';
import { SETTING_KEYS_ENUM } from '../settings.ts';

/** An amount of money as stored: integer fen, never negative. */
export const amount = (description: string) =>
  z
    .int()
    .min(0)
    .meta({ description: `${description}, in integer fen (1 yuan = 100 fen)` });

/** A computed amount of money that may be negative (a difference, a shortfall). */
export const signedAmount = (description: string) => z.int().meta({ description: `${description}, in integer fen (negative when short)` });

export const count = (description: string) => z.int().min(0).meta({ description });

/** A rate in basis points (1/100 of a percent); null when its denominator is zero. */
export const rateBp = (description: string) =>
  z
    .int()
    .nullable()
    .meta({ description: `${description}, in basis points (1/100 of a percent); null when nothing to divide by` });

export const instant = z.iso.datetime().meta({ description: 'instant, ISO 8601 in UTC' });

export const version = z.int().min(1).meta({ description: 'record version; every change increments it' });

/** When a dated entry was recorded, and whether that was late (see shared/domain/controls.ts). */
export const recorded = {
  recordedAt: instant.optional().meta({ description: 'when it was entered (the paper date is the entry’s own date field)' }),
  backDated: z
    .object({ daysLate: z.int().min(0) })
    .optional()
    .meta({ description: 'recorded more than the programme’s backDatedAfterDays after its paper date' }),
  controlsOff: z.array(z.enum(SETTING_KEYS_ENUM)).optional().meta({ description: 'the controls that were off or looser than their defaults when it was recorded (reported)' }),
};

export const Actor = z
  .object({
    userId: z.string().meta({ description: 'stable id of the person' }),
    username: z.string(),
    displayName: z.string().optional().meta({ description: 'the person’s name from the staff directory when the entry was recorded' }),
    role: z.enum(ROLES),
    officeId,
  })
  .meta({ description: 'who did it' });

export const HistoryEvent = z.object({
  at: instant,
  actor: Actor,
  action: z.string().meta({ description: 'what was done, e.g. application_submitted' }),
  summary: z.string().meta({ description: 'the English wording, kept for readers without the catalogue' }),
  params: z.record(z.string(), z.unknown()).optional().meta({ description: 'the figures of the entry (amounts in fen, dates YYYY-MM-DD)' }),
  data: z.record(z.string(), z.unknown()).optional().meta({ description: 'entries stored before `params` existed keep their figures here' }),
});

/** A history entry as the API returns it: with its actor's name and its text in the request's language. */
export const HistoryEntry = HistoryEvent.extend({
  params: z.record(z.string(), z.unknown()),
  actorName: z.string().meta({ description: 'the display name of the actor, else the username' }),
  text: z.string().meta({ description: 'what happened, in the language of Accept-Language: yuan, dates as people write them, no record ids' }),
});

/** One page of a list; pass `nextCursor` back as `cursor` for the next one. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().optional().meta({ description: 'pass back as `cursor` for the next page; absent on the last page' }),
  });

export const MotherDetails = z.object({
  name: z.string(),
  residentId: z.string().meta({ description: 'resident ID number; masked in lists (only the first and last characters shown)' }),
  phone: z.string().optional(),
  sms: z
    .object({
      optIn: z.boolean(),
      lang: z.enum(['bo', 'zh-CN']),
      changedAt: z.string(),
      changedBy: Actor.optional(),
      reason: z.string().optional(),
    })
    .optional()
    .meta({ description: 'her choice about text messages, with who recorded it' }),
});

export const HandOffRef = z.object({ batchId: recordId, handedOverOn: isoDate });

/** The body of every 4xx and 5xx answer. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().meta({ description: 'what went wrong, stable and machine-readable, e.g. approval_blocked' }),
    message: z.string().meta({ description: 'what went wrong, for people' }),
    rule: z.string().optional().meta({ description: 'the rule broken, a key of the message catalogue (shared/i18n/errors.ts), e.g. amount_out_of_range' }),
    field: z.string().optional().meta({ description: 'the field at fault, as a dotted path' }),
    params: z.record(z.string(), z.unknown()).optional().meta({ description: 'structured parameters of the message (the unmet rules, counts, amounts in fen, dates); always sent by the functions' }),
    details: z
      .array(z.object({ field: z.string(), rule: z.string(), params: z.record(z.string(), z.unknown()), message: z.string() }))
      .optional()
      .meta({ description: 'on 400: every invalid field' }),
  }),
});
