/**
 * A mother's rights over her personal data (PIPL arts. 44–47), as the consent form promises
 * them: a copy of everything held about her (art. 45), printed for her by her district office;
 * a correction of her details (art. 46), with the reason and who made it. Both are recorded in
 * her history and listed in the exceptions report.
 */
import * as z from 'zod/mini';
import { withMeta } from './meta.ts';
import { isoDate, personName, text } from './schemas/common.ts';

export { PERSONAL_DATA_EXCEPTION_KINDS } from './personal-data-kinds.ts';

export const DataCopyInput = z.strictObject({
  askedOn: withMeta(isoDate, { description: 'the day she asked for the copy (not in the future)' }),
  note: withMeta(z.optional(text(200)), { description: 'how she asked (in person, through the village), or who came for her' }),
});
export type DataCopyInput = z.output<typeof DataCopyInput>;

/** The details a correction may change. */
export const CORRECTABLE = ['name', 'phone', 'householdSize'] as const;

export const CorrectionInput = z
  .strictObject({
    name: withMeta(z.optional(personName), { description: 'her name as on her ID card' }),
    phone: z.optional(z.string().check(z.regex(/^1\d{10}$/, { error: 'must be an 11-digit mobile number' }))),
    householdSize: withMeta(z.optional(z.int().check(z.gte(1), z.lte(30))), { description: 'people in her household (only before her loan is paid out: the reports counted it then)' }),
    reason: withMeta(text(500), { description: 'why, in a few words: what she showed or said (kept in the history and the exceptions report)' }),
  })
  .check(
    z.refine((c) => CORRECTABLE.some((k) => c[k] !== undefined), {
      error: 'is missing: correct at least one of name, phone or householdSize',
      path: ['name'],
    }),
  );
export type CorrectionInput = z.output<typeof CorrectionInput>;
