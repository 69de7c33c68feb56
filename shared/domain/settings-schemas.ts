/** Requests and answers of the programme settings' two-person changes and their history (issue 18). */
import * as z from 'zod';
import { Actor, HistoryEntry } from './response-schemas.ts';
import { recordId } from './schemas.ts';
import { SETTING_KEYS_ENUM } from './settings.ts';

const instant = z.iso.datetime().meta({ description: 'instant, ISO 8601 in UTC' });

/** Which change a second committee member confirms (or anyone of the committee withdraws): the one she read. */
export const PendingSettingsDecision = z.strictObject({
  proposalId: recordId.meta({ description: 'the pending change’s id, as GET /settings shows it' }),
});
export type PendingSettingsDecision = z.output<typeof PendingSettingsDecision>;

export const SettingsHistoryQuery = z.strictObject({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type SettingsHistoryQuery = z.output<typeof SettingsHistoryQuery>;

const SettingValues = z.object({
  separationOfDuties: z.boolean().optional(),
  backDatedAfterDays: z.int().optional(),
  accountOwnerDays: z.int().optional(),
  revealsPerDay: z.int().optional(),
  confirmationRequired: z.boolean().optional(),
  retentionYears: z.int().optional(),
});

export const PendingSettingsChange = z.object({
  id: recordId,
  changes: SettingValues.meta({ description: 'the loosening values proposed (not in force until confirmed)' }),
  before: SettingValues.meta({ description: 'the values in force when proposed' }),
  loosens: z.array(z.enum(SETTING_KEYS_ENUM)).meta({ description: 'the controls it turns off or loosens' }),
  reason: z.string(),
  proposedBy: Actor,
  proposedAt: instant,
});

export const SettingsHistory = z.object({
  items: z.array(HistoryEntry).meta({ description: 'newest first: every change, proposal, confirmation and withdrawal, with who, when, before → after and the reason' }),
  nextCursor: z.string().optional(),
});

/** The settings in force, and the loosening change waiting for a second committee member. */
export const ProgrammeSettingsView = z.object({
  separationOfDuties: z.boolean().meta({ description: 'four eyes on approval and disbursement' }),
  backDatedAfterDays: z.int().min(0).meta({ description: 'entries recorded more than this many days after their date are back-dated' }),
  accountOwnerDays: z.int().min(0).meta({ description: 'for four eyes, an account created, moved or re-activated by a person counts as that person for this many days' }),
  revealsPerDay: z.int().min(0).meta({ description: 'full resident-ID reveals one person may ask for per day' }),
  confirmationRequired: z.boolean().meta({ description: 'a payout waits for the committee’s confirmation of the loan (审核确定)' }),
  retentionYears: z.int().min(1).meta({ description: 'years personal data is kept after a mother’s last loan is repaid or written off, then anonymised (default 30: the accounting-archive rules)' }),
  version: z.int().min(0).meta({ description: '0 until the committee first changes them' }),
  updatedAt: instant.optional(),
  updatedBy: Actor.optional(),
  pending: PendingSettingsChange.optional().meta({ description: 'a change that turns a control off or loosens it: in force only once a second committee member confirms it' }),
});
