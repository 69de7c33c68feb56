/** Answers of the offices routes. (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { OFFICE_KINDS, OFFICE_LEVELS } from '../offices.ts';
import { officeId } from '../schemas/common.ts';
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';

export const Office = z.object({
  id: officeId,
  level: z.enum(OFFICE_LEVELS),
  name: z.string(),
  nameEn: z.optional(z.string()),
  kind: withMeta(z.optional(z.enum(OFFICE_KINDS)), { description: 'townships: township (乡), town (镇), subdistrict (街道); villages: village (村), residents_committee (居委会)' }),
  abbreviation: withMeta(z.optional(z.string()), { description: 'districts: the short name agreement numbers start with' }),
  parentId: z.optional(officeId),
});

export const OfficeList = z.object({ items: z.array(Office) });
