/** The queries of the reports: portfolio, collection list, exceptions. (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { EXCEPTION_KINDS } from '../exception-kinds.ts';
import { isoDate, officeId } from './common.ts';

export const CollectionQuery = z.strictObject({
  townshipId: withMeta(officeId, { description: 'the township (乡/镇/街道) whose collection list this is' }),
  asOf: withMeta(z.optional(isoDate), { description: 'collection day: loans due in its month and those past due on it; defaults to today' }),
});
export type CollectionQuery = z.output<typeof CollectionQuery>;

export const ReportQuery = z.strictObject({
  asOf: withMeta(z.optional(isoDate), { description: 'figures as they stood at the end of this day; defaults to today' }),
  groupBy: withMeta(z._default(z.enum(['district', 'township', 'round', 'year']), 'district'), { description: 'rows per district, township, round, or year of disbursement' }),
  districtId: z.optional(officeId),
  format: z._default(z.enum(['json', 'csv']), 'json'),
});
export type ReportQuery = z.output<typeof ReportQuery>;

export const ExceptionsQuery = z.strictObject({
  asOf: withMeta(z.optional(isoDate), { description: 'exceptions that happened up to the end of this day; defaults to today' }),
  from: withMeta(z.optional(isoDate), { description: 'and from this day on; defaults to the start' }),
  districtId: z.optional(officeId),
  kind: z.optional(z.enum(EXCEPTION_KINDS)),
  format: z._default(z.enum(['json', 'csv']), 'json'),
});
export type ExceptionsQuery = z.output<typeof ExceptionsQuery>;
