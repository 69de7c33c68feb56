/**
 * Dates as the printed documents write them: Chinese as written in China (2026年11月29日,
 * the app's one date formatter) and a Tibetan form with Tibetan digits
 * (སྤྱི་ལོ་༢༠༢༦ ཟླ་༡༡ ཚེས་༢༩, "year 2026 of the common era, month 11, day 29").
 */
import { date } from '../i18n/format.ts';

const TIBETAN_DIGITS = '༠༡༢༣༤༥༦༧༨༩';

/** 2026 → ༢༠༢༦ */
export function tibetanDigits(n: number | string): string {
  return String(n).replace(/[0-9]/g, (d) => TIBETAN_DIGITS[Number(d)]!);
}

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** 2026-11-29 → 2026年11月29日 */
export function zhDate(iso: string): string {
  parts(iso);
  return date(iso, 'zh');
}

/** 2026-11-29 → སྤྱི་ལོ་༢༠༢༦ ཟླ་༡༡ ཚེས་༢༩ */
export function boDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `སྤྱི་ལོ་${tibetanDigits(y)} ཟླ་${tibetanDigits(m)} ཚེས་${tibetanDigits(d)}`;
}

/** A date in both forms, or the blanks to write one by hand. */
export function biDate(iso: string | undefined): { bo: string; zh: string } {
  if (!iso) return { bo: 'སྤྱི་ལོ་＿＿＿ ཟླ་＿＿ ཚེས་＿＿', zh: '＿＿＿＿年＿＿月＿＿日' };
  return { bo: boDate(iso), zh: zhDate(iso) };
}

/** A period in both forms: སྤྱི་ལོ་… ནས་ སྤྱི་ལོ་… བར། above 2026年4月20日至2026年4月26日. */
export function biRange(from: string, to: string): { bo: string; zh: string } {
  return { bo: `${boDate(from)} ནས་ ${boDate(to)} བར།`, zh: `${zhDate(from)}至${zhDate(to)}` };
}
