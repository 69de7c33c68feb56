/**
 * The controls an auditor checks first, as pure rules: the programme settings, four eyes
 * (separation of duties) and back-dating.
 */
import { daysBetween } from './dates.ts';
import { DEFAULT_SETTINGS, loosenedControls, type ProgrammeSettings, type SettingKey } from './settings.ts';
import type { Actor } from './entities.ts';
import { SeparationOfDuties } from './errors.ts';

/** Who an account counts as, besides its holder: the person who created, moved or re-activated it, within `accountOwnerDays`. */
export type AccountOwners = ReadonlyMap<string, Pick<Actor, 'userId' | 'username'>>;

export { DEFAULT_SETTINGS, type ProgrammeSettings } from './settings.ts';

const STEP_WORDS = {
  submission: 'submitted the application',
  notice: 'recorded its public notice',
  visit: 'logged a household visit',
  screening: 'ran its screening',
  approval: 'approved it',
} as const;

export type Step = keyof typeof STEP_WORDS;

/**
 * Four eyes: refuses when `actor` did one of the earlier `steps` (compared by the person's
 * stable `userId`), and — counting people, not accounts — when a step was done by an account
 * the actor created, moved or re-activated within `accountOwnerDays` (`owners`: account →
 * the person it counts as), or when the actor's own account was so made by whoever did the
 * step. The first conflicting step is named.
 */
export function assertSeparateDuties(
  settings: ProgrammeSettings,
  actor: Pick<Actor, 'userId'>,
  doing: 'approve' | 'disburse',
  steps: { step: Step; by: Pick<Actor, 'userId' | 'username'> | undefined }[],
  owners: AccountOwners = new Map(),
): void {
  if (!settings.separationOfDuties) return;
  const may = doing === 'approve' ? 'approve it' : 'record its disbursement';
  const other = doing === 'approve' ? 'another district officer must approve' : 'another officer must record the disbursement';
  const conflict = steps.find((s) => s.by?.userId === actor.userId);
  if (conflict) throw new SeparationOfDuties(conflict.step, `— you ${STEP_WORDS[conflict.step]}, so you may not ${may}; ${other} (four eyes)`);
  const made = steps.find((s) => s.by && owners.get(s.by.userId)?.userId === actor.userId);
  if (made?.by)
    throw new SeparationOfDuties(
      made.step,
      `— the account ${made.by.username} ${STEP_WORDS[made.step]}, and you created, moved or re-activated it within ${settings.accountOwnerDays} days: it counts as you, so you may not ${may}; ${other} (four eyes)`,
      {
        rule: 'account_made_by_you',
        params: { account: made.by.username, days: settings.accountOwnerDays },
      },
    );
  const mine = owners.get(actor.userId);
  const madeMe = mine && steps.find((s) => s.by?.userId === mine.userId);
  if (mine && madeMe)
    throw new SeparationOfDuties(
      madeMe.step,
      `— ${mine.username} ${STEP_WORDS[madeMe.step]} and created, moved or re-activated your account within ${settings.accountOwnerDays} days, so you may not ${may}; ${other} (four eyes)`,
      {
        rule: 'account_made_by_step_actor',
        params: { account: mine.username, days: settings.accountOwnerDays },
      },
    );
}

/** The person an account counts as besides its holder: whoever last placed it (created, moved, re-activated), when that was less than `days` ago. */
export function accountOwnerOf(placed: { by: Pick<Actor, 'userId' | 'username'>; at: string } | undefined, days: number, now: Date): Pick<Actor, 'userId' | 'username'> | undefined {
  if (!placed) return undefined;
  return now.getTime() - Date.parse(placed.at) < days * 86_400_000 ? placed.by : undefined;
}

/** What an entry keeps about when it was recorded, compared with the date written on it. */
export interface Recording {
  recordedAt: string;
  /** set when recorded more than `backDatedAfterDays` after the paper date */
  backDated?: { daysLate: number };
  /** the controls that were off or loosened when it was recorded and would have applied to it */
  controlsOff?: SettingKey[];
}

/**
 * Back-dating is allowed (paper comes in late) but never silent: an entry recorded more
 * than `backDatedAfterDays` after its paper date is marked. Entries brought in by the
 * ledger import (`source: 'ledger'`) are history being transcribed and never flagged.
 */
export function recordingOf(settings: ProgrammeSettings, paperDate: string, today: string, recordedAt: string, source?: string, controls: readonly SettingKey[] = []): Recording {
  if (source === 'ledger') return { recordedAt };
  const daysLate = daysBetween(paperDate, today);
  // a looser back-dating window marks what it let through: late by the default, not by the setting in force
  const backDating = daysLate > DEFAULT_SETTINGS.backDatedAfterDays ? loosenedControls(settings, ['backDatedAfterDays']) : [];
  const off = [...loosenedControls(settings, controls), ...backDating];
  return { recordedAt, ...(daysLate > settings.backDatedAfterDays ? { backDated: { daysLate } } : {}), ...(off.length ? { controlsOff: off } : {}) };
}
