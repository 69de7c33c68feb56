/** The programme's settings (controls), changed by the committee. (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { text } from './common.ts';

export const SettingsInput = z
  .strictObject({
    separationOfDuties: withMeta(z.optional(z.boolean()), {
      description: 'four eyes: whoever submitted, posted the notice, visited or screened may not approve; whoever approved may not record the disbursement (off: waits for a second committee member)',
    }),
    backDatedAfterDays: withMeta(z.optional(z.int().check(z.gte(0), z.lte(365))), {
      description: 'an entry recorded more than this many days after the date written on it is marked back-dated and reported (longer: waits for a second committee member)',
    }),
    accountOwnerDays: withMeta(z.optional(z.int().check(z.gte(0), z.lte(3650))), {
      description: 'for four eyes, an account created, moved or re-activated by a person counts as that person for this many days (shorter: waits for a second committee member)',
    }),
    revealsPerDay: withMeta(z.optional(z.int().check(z.gte(1), z.lte(1000))), { description: 'full resident-ID reveals one person may ask for per day (more: waits for a second committee member)' }),
    confirmationRequired: withMeta(z.optional(z.boolean()), { description: 'a payout waits for the committee’s confirmation of the loan (审核确定; off: waits for a second committee member)' }),
    retentionYears: withMeta(z.optional(z.int().check(z.gte(10), z.lte(100))), {
      description: 'years a mother’s personal data is kept after her last loan is repaid or written off, then anonymised (shorter: waits for a second committee member)',
    }),
    reason: withMeta(text(500), { description: 'why, in a few words (at least 4 Chinese characters, 3 Tibetan syllables or 3 words): kept in the history and the exceptions report' }),
  })
  .check(
    z.refine((s) => Object.keys(s).some((k) => k !== 'reason'), {
      error: 'is missing: change at least one setting (separationOfDuties, backDatedAfterDays, accountOwnerDays or revealsPerDay)',
      path: ['separationOfDuties'],
    }),
  );
export type SettingsInput = z.output<typeof SettingsInput>;
