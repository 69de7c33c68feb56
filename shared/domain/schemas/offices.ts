/** An office of the directory: committee, district, township or village. (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { isOfficeId, kindsFor, levelOf, OFFICE_KINDS } from '../offices.ts';
import { officeId, text } from './common.ts';

export const OfficeInput = z
  .strictObject({
    id: officeId,
    name: text(60),
    nameEn: z.optional(text(60)),
    kind: withMeta(z.optional(z.enum(OFFICE_KINDS)), {
      description: 'townships: township (乡), town (镇) or subdistrict (街道); villages: village (村) or residents_committee (居委会). Sets the guarantor titles on agreements',
    }),
    abbreviation: withMeta(z.optional(text(8)), { description: 'districts: the short name agreement numbers start with (城关)' }),
  })
  .check(
    z.superRefine((o, ctx) => {
      if (!isOfficeId(o.id)) return;
      const level = levelOf(o.id);
      if (o.kind && !kindsFor(level).includes(o.kind))
        ctx.addIssue({
          code: 'custom',
          path: ['kind'],
          message: `must be one of ${kindsFor(level).join(', ') || '(none)'} for a ${level} office`,
          params: { rule: 'one_of', values: [...kindsFor(level)] },
        });
      if (o.abbreviation && level !== 'district') ctx.addIssue({ code: 'custom', path: ['abbreviation'], message: 'is given to district offices only', params: { rule: 'district_only' } });
    }),
  );
export type OfficeInput = z.output<typeof OfficeInput>;
