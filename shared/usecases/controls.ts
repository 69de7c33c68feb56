/**
 * The programme's controls as use cases: reading and changing the settings, and marking
 * back-dated entries (in the record, its history and the exceptions report).
 */
import { recordingOf, type ProgrammeSettings, type Recording } from '../domain/controls.ts';
import type { SettingsInput } from '../domain/schemas.ts';
import { ancestorAt } from '../domain/offices.ts';
import { stageException, type ExceptionRecord } from '../store/exceptions.ts';
import { forgetSettings, readSettings, stageSettings, type SettingsRecord } from '../store/settings.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';

/** getProgrammeSettings: the settings in force (defaults until the committee changes them). */
export async function getProgrammeSettings(): Promise<SettingsRecord> {
  return readSettings();
}

/**
 * updateProgrammeSettings: the committee changes a control.
 * 1. read the settings (with their version); 2. save the change if nobody changed them
 * meanwhile, with a history entry naming the old and new values.
 */
export async function updateProgrammeSettings(ctx: Context, input: SettingsInput): Promise<SettingsRecord> {
  const current = await readSettings();
  const changed = { ...current, ...input, updatedAt: ctx.now.toISOString(), updatedBy: actorOf(ctx.caller) };
  const tx = new Transaction();
  const saved = stageSettings(tx, changed);
  const what = Object.entries(input)
    .map(([k, v]) => `${k}: ${String(current[k as keyof ProgrammeSettings])} → ${String(v)}`)
    .join('; ');
  tx.create(
    historyItem(ctx, 'SETTINGS', 'settings_changed', `programme settings changed (${what})`, {
      before: { separationOfDuties: current.separationOfDuties, backDatedAfterDays: current.backDatedAfterDays, confirmationRequired: current.confirmationRequired },
      after: input,
    }),
  );
  const committed = await tx.commit(saved, ctx.idempotency);
  forgetSettings();
  return committed;
}

export interface DatedEntry {
  /** what was recorded, for the report: "repayment", "household visit" … */
  what: string;
  paperDate: string;
  recordType: ExceptionRecord['recordType'];
  recordId: string;
  /** the record's office (village) */
  officeId: string;
  source?: string;
}

/**
 * The recording of a dated entry: when it was recorded and, when it was recorded more than
 * the programme's `backDatedAfterDays` after its paper date, the back-dated mark; a marked
 * entry also gets an exceptions-report item in the same transaction.
 */
export function recordEntry(ctx: Context, settings: ProgrammeSettings, tx: Transaction, entry: DatedEntry): Recording {
  const recording = recordingOf(settings, entry.paperDate, ctx.today, ctx.now.toISOString(), entry.source);
  if (recording.backDated) {
    const districtId = ancestorAt(entry.officeId, 'district') ?? entry.officeId;
    stageException(tx, {
      id: newId(),
      kind: 'back_dated',
      date: ctx.today,
      at: recording.recordedAt,
      districtId,
      officeId: entry.officeId,
      recordType: entry.recordType,
      recordId: entry.recordId,
      actor: actorOf(ctx.caller),
      summary: `${entry.what} dated ${entry.paperDate} recorded ${recording.backDated.daysLate} days later, on ${ctx.today}`,
      data: { what: entry.what, paperDate: entry.paperDate, daysLate: recording.backDated.daysLate },
    });
  }
  return recording;
}

/** The history data of a dated entry: the back-dated mark when there is one. */
export const backDatedData = (r: Pick<Recording, 'backDated'>) => (r.backDated ? { backDated: true, daysLate: r.backDated.daysLate } : {});
