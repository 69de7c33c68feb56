/** The steps between application and decision: the notice, its objections, the home visit, and a full resident ID revealed. (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { isoDate, personName, text } from './common.ts';

export const NoticeInput = z.strictObject({
  postedOn: isoDate,
  days: withMeta(z.optional(z.int().check(z.gte(1), z.lte(90))), { description: 'length of the notice period; defaults to the round’s noticeDays and may not be shorter' }),
  place: z.optional(text(200)),
});
export type NoticeInput = z.output<typeof NoticeInput>;

export const ObjectionInput = z.strictObject({
  raisedOn: isoDate,
  raisedBy: withMeta(z.optional(text(60)), { description: 'who objected; may be left out for an anonymous objection' }),
  content: text(2000),
});
export type ObjectionInput = z.output<typeof ObjectionInput>;

export const ResolutionInput = z.strictObject({
  resolvedOn: isoDate,
  outcome: withMeta(z.enum(['dismissed', 'upheld']), { description: 'upheld objections block approval' }),
  note: text(2000),
});
export type ResolutionInput = z.output<typeof ResolutionInput>;

export const VisitInput = z.strictObject({
  visitedOn: isoDate,
  visitors: z.array(personName).check(z.minLength(1), z.maxLength(10)),
  willingToWork: z.boolean(),
  planCredible: z.boolean(),
  notes: text(4000),
});
export type VisitInput = z.output<typeof VisitInput>;

export const RevealInput = z.strictObject({
  reason: withMeta(text(500), { description: 'why the full resident ID number is needed (kept in the history and the exceptions report)' }),
});
export type RevealInput = z.output<typeof RevealInput>;
