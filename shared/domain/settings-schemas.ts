/** Requests and answers of the programme settings' two-person changes and their history (issue 18). */
import * as z from 'zod/mini';
import { withMeta } from './meta.ts';
import { Actor, HistoryEntry } from './response-schemas.ts';
import { recordId } from './schemas/common.ts';
import { SETTING_KEYS_ENUM } from './settings.ts';

const instant = withMeta(z.iso.datetime(), { description: 'instant, ISO 8601 in UTC' });

/** Which change a second committee member confirms (or anyone of the committee withdraws): the one she read. */
export const PendingSettingsDecision = z.strictObject({
  proposalId: withMeta(recordId, { description: 'the pending change’s id, as GET /settings shows it' }),
});
export type PendingSettingsDecision = z.output<typeof PendingSettingsDecision>;

export const SettingsHistoryQuery = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});
export type SettingsHistoryQuery = z.output<typeof SettingsHistoryQuery>;

const SettingValues = z.object({
  separationOfDuties: z.optional(z.boolean()),
  backDatedAfterDays: z.optional(z.int()),
  accountOwnerDays: z.optional(z.int()),
  revealsPerDay: z.optional(z.int()),
  confirmationRequired: z.optional(z.boolean()),
  retentionYears: z.optional(z.int()),
});

export const PendingSettingsChange = z.object({
  id: recordId,
  changes: withMeta(SettingValues, { description: 'the loosening values proposed (not in force until confirmed)' }),
  before: withMeta(SettingValues, { description: 'the values in force when proposed' }),
  loosens: withMeta(z.array(z.enum(SETTING_KEYS_ENUM)), { description: 'the controls it turns off or loosens' }),
  reason: z.string(),
  proposedBy: Actor,
  proposedAt: instant,
});

export const SettingsHistory = z.object({
  items: withMeta(z.array(HistoryEntry), { description: 'newest first: every change, proposal, confirmation and withdrawal, with who, when, before → after and the reason' }),
  nextCursor: z.optional(z.string()),
});

/** The settings in force, and the loosening change waiting for a second committee member. */
export const ProgrammeSettingsView = z.object({
  separationOfDuties: withMeta(z.boolean(), { description: 'four eyes on approval and disbursement' }),
  backDatedAfterDays: withMeta(z.int().check(z.gte(0)), { description: 'entries recorded more than this many days after their date are back-dated' }),
  accountOwnerDays: withMeta(z.int().check(z.gte(0)), { description: 'for four eyes, an account created, moved or re-activated by a person counts as that person for this many days' }),
  revealsPerDay: withMeta(z.int().check(z.gte(0)), { description: 'full resident-ID reveals one person may ask for per day' }),
  confirmationRequired: withMeta(z.boolean(), { description: 'a payout waits for the committee’s confirmation of the loan (审核确定)' }),
  retentionYears: withMeta(z.int().check(z.gte(1)), {
    description: 'years personal data is kept after a mother’s last loan is repaid or written off, then anonymised (default 30: the accounting-archive rules)',
  }),
  version: withMeta(z.int().check(z.gte(0)), { description: '0 until the committee first changes them' }),
  updatedAt: z.optional(instant),
  updatedBy: z.optional(Actor),
  pending: withMeta(z.optional(PendingSettingsChange), { description: 'a change that turns a control off or loosens it: in force only once a second committee member confirms it' }),
});
