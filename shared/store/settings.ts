/** The programme settings (one item, `SETTINGS` / `PROGRAMME`), read with defaults filled in. */
import { DEFAULT_SETTINGS, type ProgrammeSettings } from '../domain/controls.ts';
import type { Actor, HistoryEvent } from '../domain/entities.ts';
import { controlKeys } from './keys.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { getRecord, strip } from './records.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChange, ValidationFailed } from '../domain/errors.ts';
import type { Transaction } from './transaction.ts';

/** A change that turns a control off or loosens it, waiting for a second committee member. */
export interface PendingSettingsChange {
  id: string;
  changes: Partial<ProgrammeSettings>;
  /** the values in force when it was proposed */
  before: Partial<ProgrammeSettings>;
  loosens: (keyof ProgrammeSettings)[];
  reason: string;
  proposedBy: Actor;
  proposedAt: string;
}

export interface SettingsRecord extends ProgrammeSettings {
  version: number;
  updatedAt?: string;
  updatedBy?: Actor;
  pending?: PendingSettingsChange;
}

/** Settings change rarely: each function instance keeps them this long before reading them again. */
export const SETTINGS_CACHE_MS = 10_000;
let cached: { at: number; settings: Promise<SettingsRecord> } | undefined;

/** The settings in force, read at most every SETTINGS_CACHE_MS per process (a change applies everywhere within that time). */
export function getSettings(): Promise<SettingsRecord> {
  if (cached && Date.now() - cached.at < SETTINGS_CACHE_MS) return cached.settings;
  const settings = readSettings();
  cached = { at: Date.now(), settings };
  settings.catch(() => (cached = undefined));
  return settings;
}

/** The stored settings, read now (for a change: its version check needs the latest). */
export async function readSettings(): Promise<SettingsRecord> {
  const item = await getRecord<Partial<SettingsRecord>>(controlKeys.settings());
  return { ...DEFAULT_SETTINGS, version: 0, ...item };
}

/** Forget the kept settings (after this process changed them). */
export const forgetSettings = (): void => {
  cached = undefined;
};

/** Saves the settings if nobody changed them since they were read. */
export function stageSettings(tx: Transaction, settings: SettingsRecord): SettingsRecord {
  const onConflict = () => new ConcurrentChange('the programme settings');
  const next = { ...settings, version: settings.version + 1 };
  if (settings.version === 0) tx.create({ ...controlKeys.settings(), type: 'SETTINGS', ...next }, onConflict);
  else tx.replace({ ...controlKeys.settings(), type: 'SETTINGS', ...next }, settings.version, onConflict);
  return next;
}

/** One page of the settings' history, newest first (one Query of the `SETTINGS` partition's events). */
export async function settingsHistoryPage(limit: number, cursor?: string): Promise<{ items: HistoryEvent[]; nextCursor?: string }> {
  let after: string | undefined;
  if (cursor) {
    after = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!/^EVENT#[0-9T:.Z-]+#[0-9A-Z]{26}$/.test(after))
      throw new ValidationFailed('is not a cursor returned by this list (lists change their cursor when their filters change)', 'cursor', { rule: 'bad_cursor' });
  }
  const pk = controlKeys.settings().pk;
  const page = await guardUnavailable(() =>
    documentClient().send(
      new QueryCommand({
        TableName: recordsTable(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
        ExpressionAttributeValues: { ':pk': pk, ':events': 'EVENT#' },
        ScanIndexForward: false,
        Limit: limit,
        ...(after ? { ExclusiveStartKey: { pk, sk: after } } : {}),
      }),
    ),
  );
  const items = (page.Items ?? []).map((i) => strip<HistoryEvent>(i));
  const last = page.LastEvaluatedKey?.sk;
  return { items, ...(typeof last === 'string' ? { nextCursor: Buffer.from(last).toString('base64url') } : {}) };
}
