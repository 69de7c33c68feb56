/**
 * What text may hold, in one place: the invisible characters refused in every free-text
 * field (names, places, reasons), and the one normalisation of paper receipt numbers used by
 * the repayment route, both imports and the receipt key, so that a number typed with a
 * look-alike letter, a different dash or a hidden character is the same number (or refused).
 */

/**
 * Characters a reader does not see: every default-ignorable code point (zero-width space and
 * joiners U+200B–U+200D, word joiner and invisible operators U+2060–U+2064, variation
 * selectors U+FE00–U+FE0F and U+E0100–U+E01EF, the combining grapheme joiner U+034F, Hangul
 * fillers U+115F/U+1160/U+3164/U+FFA0, tags U+E0000–U+E007F, soft hyphen …), every format
 * character (text-direction marks, overrides and isolates, U+061C …) and U+FFFD (bytes that
 * were not UTF-8, replaced on the way). Tibetan, Chinese and English text need none of them.
 */
export const HIDDEN_CHARACTERS = /[\p{Default_Ignorable_Code_Point}\p{Cf}\uFFFD]/u;

/** The first hidden character of `text` (a byte-order mark at its very start is allowed), or undefined. */
export function hiddenCharacter(text: string): string | undefined {
  const found = HIDDEN_CHARACTERS.exec(text.startsWith('\uFEFF') ? text.slice(1) : text);
  return found?.[0];
}

/** `U+200D` for a character. */
export const codePointName = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Letters of other scripts that look like a Latin letter, and characters that look like `-` or `/` (after NFKC). */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  Ѕ: 'S',
  Ј: 'J',
  І: 'I',
  Ӏ: 'I',
  Ү: 'Y',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ԁ: 'D',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ј: 'j',
  і: 'i',
  ӏ: 'l',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  к: 'k',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  α: 'a',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  χ: 'x',
  // Latin and Armenian look-alikes
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɡ: 'g',
  Օ: 'O',
  օ: 'o',
  // dashes and minus signs (U+2010–U+2015, U+2212, U+2043, U+2E3A, U+2E3B, U+FE58 via NFKC, U+30FC, U+4E00 is a Han numeral and stays refused)
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2043': '-',
  '\u2E3A': '-',
  '\u2E3B': '-',
  '\u30FC': '-',
  // slashes
  '\u2044': '/',
  '\u2215': '/',
  '\u29F8': '/',
};
const CONFUSABLE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'gu');

/**
 * What a receipt number may be made of once normalised: Latin capitals, Chinese characters
 * (offices number receipts like 账2023-0012), ASCII digits, `-` and `/`. Letters of other
 * scripts (Cyrillic, Greek …) and other digits are refused rather than guessed at.
 */
export const RECEIPT_ALLOWED = /^[A-Z0-9/\p{Script=Han}-]+$/u;

/**
 * A receipt number as it counts: NFKC (full-width forms), every hidden character and every
 * space removed, look-alike letters, dashes and slashes mapped to their ASCII character,
 * case-folded (to capitals, as receipt keys have always been). `SJ-001`, `ｓｊ－００１`,
 * `S\u200DJ-001`, `ЅЈ-001` and `SJ\u2010001` are all `SJ-001`.
 */
export function normalizeReceiptNo(receiptNo: string): string {
  return receiptNo
    .normalize('NFKC')
    .replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}\s]/gu, '')
    .replace(CONFUSABLE, (ch) => CONFUSABLES[ch] ?? ch)
    .toUpperCase();
}

/**
 * Why a receipt number is refused, or undefined: empty once normalised (`not_empty`), or holding
 * a character other than letters A–Z, Chinese characters, digits, `-` and `/` (`receipt_characters`, naming them).
 */
export function receiptNoProblem(receiptNo: string): { rule: 'not_empty' } | { rule: 'receipt_characters'; characters: string[] } | undefined {
  const normal = normalizeReceiptNo(receiptNo);
  if (!normal) return { rule: 'not_empty' };
  if (RECEIPT_ALLOWED.test(normal)) return undefined;
  const characters = [...new Set([...normal].filter((ch) => !RECEIPT_ALLOWED.test(ch)))];
  return { rule: 'receipt_characters', characters };
}
