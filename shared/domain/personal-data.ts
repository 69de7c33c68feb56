/**
 * A mother's rights over her personal data (PIPL arts. 44–47), as the consent form promises
 * them: a copy of everything held about her (art. 45), printed for her by her district office;
 * a correction of her details (art. 46), with the reason and who made it. Both are recorded in
 * her history and listed in the exceptions report.
 */
import * as z from 'zod';
import { isoDate, personName, text } from './schemas.ts';

export { PERSONAL_DATA_EXCEPTION_KINDS } from './personal-data-kinds.ts';

export const DataCopyInput = z.strictObject({
  askedOn: isoDate.meta({ description: 'the day she asked for the copy (not in the future)' }),
  note: text(200).optional().meta({ description: 'how she asked (in person, through the village), or who came for her' }),
});
export type DataCopyInput = z.output<typeof DataCopyInput>;

/** The details a correction may change. */
export const CORRECTABLE = ['name', 'phone', 'householdSize'] as const;

export const CorrectionInput = z
  .strictObject({
    name: personName.optional().meta({ description: 'her name as on her ID card' }),
    phone: z
      .string()
      .regex(/^1\d{10}$/, { error: 'must be an 11-digit mobile number' })
      .optional(),
    householdSize: z.int().min(1).max(30).optional().meta({ description: 'people in her household (only before her loan is paid out: the reports counted it then)' }),
    reason: text(500).meta({ description: 'why, in a few words: what she showed or said (kept in the history and the exceptions report)' }),
  })
  .refine((c) => CORRECTABLE.some((k) => c[k] !== undefined), {
    error: 'is missing: correct at least one of name, phone or householdSize',
    path: ['name'],
  });
export type CorrectionInput = z.output<typeof CorrectionInput>;
