/**
 * A reason a person must give (for changing a control, for seeing a full resident ID) is
 * "at least a few words": 4 or more Chinese characters, or 3 or more Tibetan syllables, or 3
 * or more words of letters or digits. "x", "看看" or "ok ok" are refused (`reason_too_short`).
 */
import { ValidationFailed } from './errors.ts';

export const REASON_MIN = { han: 4, tibetanSyllables: 3, words: 3 } as const;

export function isFewWords(reason: string): boolean {
  const han = reason.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han >= REASON_MIN.han) return true;
  const syllables = reason.split(/[\u0F0B\u0F0C\u0F0D-\u0F12\s]+/u).filter((s) => /\p{Script=Tibetan}/u.test(s)).length;
  if (syllables >= REASON_MIN.tibetanSyllables) return true;
  const words = reason.split(/[\s\p{P}]+/u).filter((w) => /^[\p{L}\p{N}]+$/u.test(w) && !/\p{Script=Han}|\p{Script=Tibetan}/u.test(w)).length;
  return words >= REASON_MIN.words;
}

/** Refuses a reason shorter than a few words (422 `reason_too_short` on `field`). */
export function assertFewWords(reason: string, field = 'reason'): void {
  if (!isFewWords(reason))
    throw new ValidationFailed(`must say why in a few words: at least ${REASON_MIN.han} Chinese characters, ${REASON_MIN.tibetanSyllables} Tibetan syllables or ${REASON_MIN.words} words`, field, {
      rule: 'reason_too_short',
      params: { ...REASON_MIN },
    });
}
