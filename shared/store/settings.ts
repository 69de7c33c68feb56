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
