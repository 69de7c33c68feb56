/** Answers of the exceptions report (what an auditor reads first). (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import * as z from 'zod/mini';
import { EXCEPTION_KINDS, EXCEPTION_RECORD_TYPES } from '../exception-kinds.ts';
import { withMeta } from '../meta.ts';
import { isoDate, officeId, recordId } from '../schemas/common.ts';
import { Actor, instant } from './common.ts';

export const ExceptionRecord = z.object({
  id: recordId,
  kind: z.enum(EXCEPTION_KINDS),
  date: isoDate,
  at: instant,
  districtId: officeId,
  officeId,
  recordType: z.enum(EXCEPTION_RECORD_TYPES),
  recordId: withMeta(z.string(), { description: 'the record concerned (empty when it belongs to another district)' }),
  actor: Actor,
  summary: z.string(),
  data: z.optional(z.record(z.string(), z.unknown())),
});

export const ExceptionsReport = z.object({
  asOf: isoDate,
  from: z.optional(isoDate),
  districtIds: z.array(officeId),
  counts: z.record(z.string(), z.int().check(z.gte(0))),
  items: z.array(
    z.extend(ExceptionRecord, {
      districtName: z.string(),
      officeName: z.string(),
      actorName: withMeta(z.string(), { description: 'the display name of who did it, else the username' }),
      text: withMeta(z.string(), { description: 'what happened, in the language of Accept-Language: yuan, dates as people write them, offices by name' }),
    }),
  ),
});
