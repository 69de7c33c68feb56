import { isIsoDate, todayInChina } from './dates.ts';

/**
 * Chinese resident identity card number (GB 11643-1999): 17 digits and a check character
 * computed with ISO 7064 MOD 11-2. Digits 7–14 are the date of birth.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type ResidentIdProblem = 'shape' | 'birth_date' | 'checksum';

/** Returns what is wrong with the number, or null when it is valid. Accepts a lower-case x. */
export function residentIdProblem(raw: string, today: string = todayInChina()): ResidentIdProblem | null {
  const id = raw.toUpperCase();
  if (!SHAPE.test(id)) return 'shape';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth > today) return 'birth_date';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

export const RESIDENT_ID_RULES: Record<ResidentIdProblem, string> = {
  shape: 'must be 18 characters: 17 digits and a digit or X',
  birth_date: 'characters 7-14 must be a real date of birth (YYYYMMDD), not in the future',
  checksum: 'check character does not match (GB 11643 / ISO 7064 MOD 11-2)',
};

/** Birth date encoded in a valid number, as YYYY-MM-DD. */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Masked for lists and screens: region code and check character only (540102********123X → 5401**********123X). */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}`;
}
