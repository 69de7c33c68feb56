/**
 * The programme's controls as use cases: reading and changing the settings (a loosening
 * change waits for a second committee member; every change is kept as history and listed in
 * the exceptions report), four eyes that counts people rather than accounts, and marking
 * back-dated entries and entries recorded while a control was off (in the record, its
 * history and the exceptions report).
 */
import { accountOwnerOf, recordingOf, type AccountOwners, type ProgrammeSettings, type Recording } from '../domain/controls.ts';
import type { Actor } from '../domain/entities.ts';
import { Conflict } from '../domain/errors.ts';
import { ancestorAt } from '../domain/offices.ts';
import { assertFewWords } from '../domain/reasons.ts';
import type { SettingsInput } from '../domain/schemas/settings.ts';
import type { PendingSettingsDecision, SettingsHistoryQuery } from '../domain/settings-schemas.ts';
import { splitChange, valuesOf, type SettingKey, type SettingsChange } from '../domain/settings.ts';
import { historyView } from '../i18n/history.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import { stageException, type ExceptionRecord } from '../store/exceptions.ts';
import { forgetSettings, readSettings, settingsHistoryPage, stageSettings, type PendingSettingsChange, type SettingsRecord } from '../store/settings.ts';
import { getStaffById } from '../store/staff.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';

/** The controls four eyes depends on: approvals and disbursements made while one is off are marked. */
export const FOUR_EYES: readonly SettingKey[] = ['separationOfDuties', 'accountOwnerDays'];

/** getProgrammeSettings: the settings in force (defaults until the committee changes them) and the change waiting for confirmation. */
export async function getProgrammeSettings(): Promise<SettingsRecord> {
  return readSettings();
}

/** `{ key: { before, after } }` of a change, for the history and the exceptions report. */
function changesOf(before: SettingsChange, after: SettingsChange): Record<string, { before: unknown; after: unknown }> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, { before: before[k as SettingKey], after: after[k as SettingKey] }]));
}

const describe = (c: Record<string, { before: unknown; after: unknown }>) =>
  Object.entries(c)
    .map(([k, v]) => `${k}: ${String(v.before)} → ${String(v.after)}`)
    .join('; ');

/** A settings change in the exceptions report (the committee's own partition: settings apply to every district). */
function stageSettingsException(
  ctx: Context,
  tx: Transaction,
  stage: 'changed' | 'proposed' | 'confirmed' | 'withdrawn',
  recordId: string,
  changes: Record<string, { before: unknown; after: unknown }>,
  reason: string,
  proposedBy?: Actor,
) {
  stageException(tx, {
    id: newId(),
    kind: 'settings_changed',
    date: ctx.today,
    at: ctx.now.toISOString(),
    districtId: ctx.caller.officeId,
    officeId: ctx.caller.officeId,
    recordType: 'settings',
    recordId,
    actor: actorOf(ctx.caller),
    summary: `programme settings ${stage} (${describe(changes)}): ${reason}`,
    data: { stage, changes, reason, ...(proposedBy ? { proposedBy } : {}) },
  });
}

/**
 * updateProgrammeSettings: the committee changes controls, giving a reason.
 * 1. the reason is at least a few words (`reason_too_short`);
 * 2. the change is split: what tightens a control (or leaves its strength) takes effect at
 *    once; what turns a control off or loosens it (`LOOSENS` in shared/domain/settings.ts)
 *    becomes the pending change, in force only once a second committee member confirms it
 *    (409 `settings_change_pending` while another one waits);
 * 3. saved if nobody changed the settings meanwhile, with a history entry (who, when,
 *    before → after, reason) and an exceptions-report item for each part.
 */
export async function updateProgrammeSettings(ctx: Context, input: SettingsInput): Promise<SettingsRecord> {
  const { reason, ...change } = input;
  assertFewWords(reason);
  const current = await readSettings();
  const { atOnce, loosening } = splitChange(current, change);
  const loosens = Object.keys(loosening) as SettingKey[];
  if (loosens.length && current.pending)
    throw new Conflict(`another change of the settings, proposed by ${current.pending.proposedBy.username}, waits for confirmation: confirm or withdraw it first`, 'settings_change_pending', {
      proposedBy: current.pending.proposedBy.displayName ?? current.pending.proposedBy.username,
    });
  const at = ctx.now.toISOString();
  const tx = new Transaction();
  const recordId = newId();
  const pending: PendingSettingsChange | undefined = loosens.length
    ? { id: recordId, changes: loosening, before: valuesOf(current, loosens), loosens, reason, proposedBy: actorOf(ctx.caller), proposedAt: at }
    : current.pending;
  const { pending: _old, ...rest } = current;
  const atOnceKeys = Object.keys(atOnce);
  const next: SettingsRecord = { ...rest, ...atOnce, ...(atOnceKeys.length ? { updatedAt: at, updatedBy: actorOf(ctx.caller) } : {}), ...(pending ? { pending } : {}) };
  const saved = stageSettings(tx, next);
  if (atOnceKeys.length) {
    const changes = changesOf(valuesOf(current, atOnceKeys), atOnce);
    tx.create(
      historyItem(ctx, 'SETTINGS', 'settings_changed', `programme settings changed (${describe(changes)}): ${reason}`, { changes, reason, before: valuesOf(current, atOnceKeys), after: atOnce }),
    );
    stageSettingsException(ctx, tx, 'changed', recordId, changes, reason);
  }
  if (loosens.length) {
    const changes = changesOf(valuesOf(current, loosens), loosening);
    tx.create(historyItem(ctx, 'SETTINGS', 'settings_proposed', `programme settings change proposed, waiting for a second committee member (${describe(changes)}): ${reason}`, { changes, reason }));
    stageSettingsException(ctx, tx, 'proposed', recordId, changes, reason);
  }
  const committed = await tx.commit(saved, ctx.idempotency);
  forgetSettings();
  return committed;
}

/** The pending change a decision names, or 409 `no_pending_change` (none waits, or another one than the caller read). */
function pendingNamed(current: SettingsRecord, input: PendingSettingsDecision): PendingSettingsChange {
  if (!current.pending || current.pending.id !== input.proposalId)
    throw new Conflict(`no change ${input.proposalId} of the settings waits for confirmation${current.pending ? ` (the one waiting is ${current.pending.id})` : ''}`, 'no_pending_change');
  return current.pending;
}

/**
 * confirmSettingsChange: a second committee member confirms the pending loosening change.
 * 1. the change named is the one waiting (`no_pending_change`);
 * 2. whoever proposed it may not confirm it (409 `proposer_cannot_confirm`);
 * 3. its values take effect, with a history entry and an exceptions-report item naming both people.
 */
export async function confirmSettingsChange(ctx: Context, input: PendingSettingsDecision): Promise<SettingsRecord> {
  const current = await readSettings();
  const pending = pendingNamed(current, input);
  if (pending.proposedBy.userId === ctx.caller.userId)
    throw new Conflict('you proposed this change: another member of the committee must confirm it (four eyes on the controls)', 'proposer_cannot_confirm', {
      proposedBy: pending.proposedBy.displayName ?? pending.proposedBy.username,
    });
  const { pending: _done, ...rest } = current;
  const changes = changesOf(valuesOf(current, Object.keys(pending.changes)), pending.changes);
  const tx = new Transaction();
  const saved = stageSettings(tx, { ...rest, ...pending.changes, updatedAt: ctx.now.toISOString(), updatedBy: actorOf(ctx.caller) });
  tx.create(
    historyItem(ctx, 'SETTINGS', 'settings_confirmed', `programme settings change of ${pending.proposedBy.username} confirmed (${describe(changes)}): ${pending.reason}`, {
      changes,
      reason: pending.reason,
      proposedBy: pending.proposedBy,
      proposedAt: pending.proposedAt,
    }),
  );
  stageSettingsException(ctx, tx, 'confirmed', pending.id, changes, pending.reason, pending.proposedBy);
  const committed = await tx.commit(saved, ctx.idempotency);
  forgetSettings();
  return committed;
}

/** withdrawSettingsChange: a committee member withdraws the pending change; nothing of it takes effect (kept in the history and the report). */
export async function withdrawSettingsChange(ctx: Context, input: PendingSettingsDecision): Promise<SettingsRecord> {
  const current = await readSettings();
  const pending = pendingNamed(current, input);
  const { pending: _gone, ...rest } = current;
  const changes = changesOf(pending.before, pending.changes);
  const tx = new Transaction();
  const saved = stageSettings(tx, rest);
  tx.create(
    historyItem(ctx, 'SETTINGS', 'settings_withdrawn', `programme settings change of ${pending.proposedBy.username} withdrawn (${describe(changes)})`, {
      changes,
      reason: pending.reason,
      proposedBy: pending.proposedBy,
    }),
  );
  stageSettingsException(ctx, tx, 'withdrawn', pending.id, changes, pending.reason, pending.proposedBy);
  const committed = await tx.commit(saved, ctx.idempotency);
  forgetSettings();
  return committed;
}

/** settingsHistory: one page of the settings' history, newest first, each entry written out in the caller's language. */
export async function settingsHistory(ctx: Context, q: SettingsHistoryQuery) {
  const page = await settingsHistoryPage(q.limit, q.cursor);
  return { items: historyView(page.items, ctx.lang ?? DEFAULT_LANG), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/**
 * Who each account counts as for four eyes, besides its holder: the person who created,
 * moved or re-activated it less than `accountOwnerDays` ago (one read per account; accounts
 * without that record — the demo data, older records — count as nobody's).
 */
export async function accountOwners(actors: (Pick<Actor, 'userId'> | undefined)[], settings: ProgrammeSettings, now: Date): Promise<AccountOwners> {
  const ids = [...new Set(actors.filter((a): a is Pick<Actor, 'userId'> => !!a).map((a) => a.userId))];
  const staff = await Promise.all(ids.map((id) => getStaffById(id)));
  const owners = new Map<string, Pick<Actor, 'userId' | 'username'>>();
  for (const s of staff) {
    const owner = s && accountOwnerOf(s.placed, settings.accountOwnerDays, now);
    if (s && owner && owner.userId !== s.id) owners.set(s.id, owner);
  }
  return owners;
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
  /** the controls that apply to this entry besides back-dating (four eyes for approvals and disbursements) */
  controls?: readonly SettingKey[];
}

/**
 * The recording of a dated entry: when it was recorded and, when it was recorded more than
 * the programme's `backDatedAfterDays` after its paper date, the back-dated mark; when a
 * control that applies to it was off or looser than its default, the `controlsOff` mark. A
 * marked entry also gets an exceptions-report item in the same transaction.
 */
export function recordEntry(ctx: Context, settings: ProgrammeSettings, tx: Transaction, entry: DatedEntry): Recording {
  const recording = recordingOf(settings, entry.paperDate, ctx.today, ctx.now.toISOString(), entry.source, entry.controls);
  const districtId = ancestorAt(entry.officeId, 'district') ?? entry.officeId;
  const base = { date: ctx.today, at: recording.recordedAt, districtId, officeId: entry.officeId, recordType: entry.recordType, recordId: entry.recordId, actor: actorOf(ctx.caller) };
  if (recording.backDated) {
    stageException(tx, {
      id: newId(),
      kind: 'back_dated',
      ...base,
      summary: `${entry.what} dated ${entry.paperDate} recorded ${recording.backDated.daysLate} days later, on ${ctx.today}`,
      data: { what: entry.what, paperDate: entry.paperDate, daysLate: recording.backDated.daysLate },
    });
  }
  if (recording.controlsOff) {
    stageException(tx, {
      id: newId(),
      kind: 'controls_off',
      ...base,
      summary: `${entry.what} recorded while ${recording.controlsOff.join(', ')} ${recording.controlsOff.length > 1 ? 'were' : 'was'} off or loosened`,
      data: { what: entry.what, paperDate: entry.paperDate, controls: recording.controlsOff, settings: valuesOf(settings, recording.controlsOff) },
    });
  }
  return recording;
}

/** The history data of a dated entry: the back-dated mark and the controls that were off, when there are. */
export const backDatedData = (r: Pick<Recording, 'backDated' | 'controlsOff'>) => ({
  ...(r.backDated ? { backDated: true, daysLate: r.backDated.daysLate } : {}),
  ...(r.controlsOff ? { controlsOff: r.controlsOff } : {}),
});
