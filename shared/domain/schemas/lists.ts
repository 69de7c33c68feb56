/** The query of the lists of applications, loans and rounds, and the search for a mother. (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { officeId, recordId } from './common.ts';

export const ListQuery = z.strictObject({
  roundId: z.optional(recordId),
  districtId: z.optional(officeId),
  status: z.optional(z.string()),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});

export const SearchQuery = z.strictObject({
  q: withMeta(z.string().check(z.trim(), z.minLength(1, { error: 'must not be empty' }), z.maxLength(60, { error: 'must be at most 60 characters' })), {
    description: 'a full resident ID number (18 characters), or the start of the mother’s name',
  }),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
});
export type SearchQuery = z.output<typeof SearchQuery>;
