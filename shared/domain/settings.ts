/**
 * The programme settings as controls: which way each one loosens. Turning a control off or
 * loosening it needs a second committee member's confirmation before it takes effect;
 * tightening takes effect at once. Records made while a control is looser than its default
 * are marked with the controls that were off (`controlsOff`).
 */

export interface ProgrammeSettings {
  /** four eyes on approval and disbursement (on by default) */
  separationOfDuties: boolean;
  /** entries recorded more than this many days after their paper date are back-dated */
  backDatedAfterDays: number;
  /** for four eyes, an account created, moved or re-activated by a person counts as that person for this many days */
  accountOwnerDays: number;
  /** full resident-ID reveals one person may ask for per day */
  revealsPerDay: number;
  /** a payout waits for the committee's confirmation of the loan (审核确定; on by default) */
  confirmationRequired: boolean;
  /**
   * years a mother's personal data is kept after her last loan is repaid or written off, then
   * anonymised by the retention job. The consent form cites the national accounting-archive
   * rules (会计档案管理办法, 2015, art. 14 and its table: vouchers and ledgers 30 years); the
   * agreement and receipts are vouchers of the loan, so 30 is the default. Shorter loosens:
   * it destroys, early and for good, records the rules require, so one person may not do it.
   */
  retentionYears: number;
}

export const DEFAULT_SETTINGS: ProgrammeSettings = { separationOfDuties: true, backDatedAfterDays: 7, accountOwnerDays: 90, revealsPerDay: 20, confirmationRequired: true, retentionYears: 30 };

export type SettingKey = keyof ProgrammeSettings;

/** How a setting loosens: a switch turned off, a number made larger, or a number made smaller. */
export type Loosening = 'off' | 'higher' | 'lower';

/** Every setting and the way it loosens (a new setting adds one line). */
export const LOOSENS: Record<SettingKey, Loosening> = {
  separationOfDuties: 'off',
  backDatedAfterDays: 'higher',
  accountOwnerDays: 'lower',
  revealsPerDay: 'higher',
  confirmationRequired: 'off',
  retentionYears: 'lower',
};

export const SETTING_KEYS = Object.keys(LOOSENS) as SettingKey[];
/** The same keys as a tuple, for a zod enum. */
export const SETTING_KEYS_ENUM = SETTING_KEYS as [SettingKey, ...SettingKey[]];

/** Whether changing `key` from `before` to `after` loosens the control. */
export function loosens(key: SettingKey, before: unknown, after: unknown): boolean {
  const way = LOOSENS[key];
  if (way === 'off') return before !== false && after === false;
  if (typeof before !== 'number' || typeof after !== 'number') return false;
  return way === 'higher' ? after > before : after < before;
}

export type SettingsChange = Partial<ProgrammeSettings>;

/** A change split into what tightens (or changes nothing of a control's strength), taking effect at once, and what loosens, waiting for a second person. */
export function splitChange(current: ProgrammeSettings, change: SettingsChange): { atOnce: SettingsChange; loosening: SettingsChange } {
  const atOnce: Record<string, unknown> = {};
  const loosening: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const after = change[key];
    if (after === undefined || after === current[key]) continue;
    (loosens(key, current[key], after) ? loosening : atOnce)[key] = after;
  }
  return { atOnce: atOnce as SettingsChange, loosening: loosening as SettingsChange };
}

/** Of `keys`, the controls that are now looser than the programme's defaults (off, or a wider window). */
export function loosenedControls(settings: ProgrammeSettings, keys: readonly SettingKey[]): SettingKey[] {
  return keys.filter((k) => loosens(k, DEFAULT_SETTINGS[k], settings[k]));
}

/** The values of `keys` in `settings` (the "before" of a change). */
export function valuesOf(settings: ProgrammeSettings, keys: readonly string[]): SettingsChange {
  return Object.fromEntries(keys.filter((k): k is SettingKey => k in LOOSENS).map((k) => [k, settings[k]])) as SettingsChange;
}
