/**
 * The one formatting module: money in yuan with separators (from integer fen, no floats),
 * amounts in Chinese capitals, dates as written in China (2026年5月3日), moments on a clock in
 * China (UTC+8), percentages from basis points. Pure functions of their arguments.
 */
import { fenInCapitals } from './chinese-numerals.ts';

/** The UI language: Chinese (zh-CN on the page and to the API), Tibetan, English. */
export type Lang = 'zh' | 'bo' | 'en';

/** The BCP 47 tag of a UI language (for <html lang> and Accept-Language). */
export const langTag = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : lang);

export { fenInCapitals };

/** ¥12,345.60 from 1234560 fen; "—" when there is no amount. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = abs % 100;
  return `${sign}¥${whole}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}

/** Integer fen as the yuan people type ("3000", "3000.5"), without separators or floats. */
export function fenToYuanText(fen: number): string {
  const cents = fen % 100;
  return `${Math.trunc(fen / 100)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}

/** Parses "10,000.50" (yuan) into integer fen with string arithmetic; undefined when not a valid amount. */
export function parseYuan(text: string): number | undefined {
  const m = /^\s*[¥￥]?\s*(\d{1,9}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]!.replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day (YYYY-MM-DD) as people write it: 2026年5月3日 / སྤྱི་ལོ་2026 ཟླ་5 ཚེས་3 / 3 May 2026. */
export function date(iso: string | undefined, lang: Lang): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (lang === 'en') return `${d} ${MONTHS_EN[m - 1]} ${y}`;
  if (lang === 'bo') return `སྤྱི་ལོ་${y} ཟླ་${m} ཚེས་${d}`;
  return `${y}年${m}月${d}日`;
}

/** A moment (ISO timestamp, UTC) as the day and time on a clock in China (UTC+8). */
export function inChina(iso: string): { day: string; time: string } {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return { day: iso.slice(0, 10), time: '' };
  const local = new Date(ms + 8 * 3_600_000).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}

/** A moment as people say it, on a clock in China: "5月3日 14:20" / "3 May 14:20". */
export function moment(iso: string | undefined, lang: Lang): string {
  if (!iso) return '—';
  const { day, time } = inChina(iso);
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  if (lang === 'en') return `${d} ${MONTHS_EN[m - 1]} ${time}`;
  if (lang === 'bo') return `ཟླ་${m} ཚེས་${d} ${time}`;
  return `${m}月${d}日 ${time}`;
}

/** 12.3% from 1234 basis points. */
export function percent(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${(bp / 100).toFixed(1)}%`;
}

/** Today's date in China (UTC+8), YYYY-MM-DD. */
export function todayIso(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A resident ID number shown to people who need only to recognise it: 5401**********0012. */
export function maskId(id: string): string {
  return id.includes('*') ? id : `${id.slice(0, 4)}**********${id.slice(14)}`;
}
