/**
 * The controls an auditor checks first, as pure rules: the programme settings, four eyes
 * (separation of duties) and back-dating.
 */
import { daysBetween } from './dates.ts';
import type { Actor } from './entities.ts';
import { SeparationOfDuties } from './errors.ts';

export interface ProgrammeSettings {
  /** four eyes on approval and disbursement (on by default) */
  separationOfDuties: boolean;
  /** entries recorded more than this many days after their paper date are back-dated */
  backDatedAfterDays: number;
  /** a payout waits for the committee's confirmation of the loan (审核确定; on by default) */
  confirmationRequired: boolean;
}

export const DEFAULT_SETTINGS: ProgrammeSettings = { separationOfDuties: true, backDatedAfterDays: 7, confirmationRequired: true };

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
 * stable `userId`). The first conflicting step is named.
 */
export function assertSeparateDuties(settings: ProgrammeSettings, actor: Pick<Actor, 'userId'>, doing: 'approve' | 'disburse', steps: { step: Step; by: Pick<Actor, 'userId'> | undefined }[]): void {
  if (!settings.separationOfDuties) return;
  const conflict = steps.find((s) => s.by?.userId === actor.userId);
  if (!conflict) return;
  const other = doing === 'approve' ? 'another district officer must approve' : 'another officer must record the disbursement';
  throw new SeparationOfDuties(conflict.step, `— you ${STEP_WORDS[conflict.step]}, so you may not ${doing === 'approve' ? 'approve it' : 'record its disbursement'}; ${other} (four eyes)`);
}

/** What an entry keeps about when it was recorded, compared with the date written on it. */
export interface Recording {
  recordedAt: string;
  /** set when recorded more than `backDatedAfterDays` after the paper date */
  backDated?: { daysLate: number };
}

/**
 * Back-dating is allowed (paper comes in late) but never silent: an entry recorded more
 * than `backDatedAfterDays` after its paper date is marked. Entries brought in by the
 * ledger import (`source: 'ledger'`) are history being transcribed and never flagged.
 */
export function recordingOf(settings: ProgrammeSettings, paperDate: string, today: string, recordedAt: string, source?: string): Recording {
  const daysLate = daysBetween(paperDate, today);
  if (source === 'ledger' || daysLate <= settings.backDatedAfterDays) return { recordedAt };
  return { recordedAt, backDated: { daysLate } };
}
