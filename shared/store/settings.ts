/** The programme settings (one item, `SETTINGS` / `PROGRAMME`), read with defaults filled in. */
import { DEFAULT_SETTINGS, type ProgrammeSettings } from '../domain/controls.ts';
import { controlKeys } from './keys.ts';
import { getRecord } from './records.ts';
import { ConcurrentChange } from '../domain/errors.ts';
import type { Transaction } from './transaction.ts';

export interface SettingsRecord extends ProgrammeSettings {
  version: number;
  updatedAt?: string;
}

export async function getSettings(): Promise<SettingsRecord> {
  const item = await getRecord<Partial<SettingsRecord>>(controlKeys.settings());
  return { ...DEFAULT_SETTINGS, version: 0, ...item };
}

/** Saves the settings if nobody changed them since they were read. */
export function stageSettings(tx: Transaction, settings: SettingsRecord): SettingsRecord {
  const onConflict = () => new ConcurrentChange('the programme settings');
  const next = { ...settings, version: settings.version + 1 };
  if (settings.version === 0) tx.create({ ...controlKeys.settings(), type: 'SETTINGS', ...next }, onConflict);
  else tx.replace({ ...controlKeys.settings(), type: 'SETTINGS', ...next }, settings.version, onConflict);
  return next;
}
