/**
 * How money, dates, counts and lists are written for people in each language: yuan with
 * thousands separators (money is stored in fen), dates as people in China write them.
 */
import { formatYuan } from '../domain/money.ts';
import type { Lang } from './lang.ts';

/** 1500000 fen → "15,000 元" / "སྒོར་ 15,000" / "15,000 yuan" (cents only when there are any). */
export function yuan(fen: number, lang: Lang): string {
  const full = formatYuan(fen);
  const amount = full.endsWith('.00') ? full.slice(0, -3) : full;
  return lang === 'zh-CN' ? `${amount} 元` : lang === 'bo' ? `སྒོར་ ${amount}` : `${amount} yuan`;
}

/** A range of amounts: "5,000–15,000 元". */
export function yuanRange(minFen: number, maxFen: number, lang: Lang): string {
  const bare = (fen: number) => yuan(fen, 'en').replace(' yuan', '');
  return lang === 'zh-CN' ? `${bare(minFen)}–${bare(maxFen)} 元` : lang === 'bo' ? `སྒོར་ ${bare(minFen)}–${bare(maxFen)}` : `${bare(minFen)}–${bare(maxFen)} yuan`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11-29" → "2026年11月29日" / "སྤྱི་ལོ་2026ལོའི་ཟླ་11ཚེས་29" / "29 November 2026". Anything else is returned as given. */
export function date(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [m[1]!, Number(m[2]), Number(m[3])];
  if (lang === 'zh-CN') return `${y}年${mo}月${d}日`;
  if (lang === 'bo') return `སྤྱི་ལོ་${y}ལོའི་ཟླ་${mo}ཚེས་${d}`;
  return `${d} ${EN_MONTHS[mo - 1]} ${y}`;
}

/** Items joined as a list: "甲、乙" / "ཀ། ཁ" / "a, b". */
export function list(items: readonly string[], lang: Lang): string {
  if (lang === 'bo') return items.map((i) => i.replace(/།+$/, '')).join('། ');
  return items.join(lang === 'zh-CN' ? '、' : ', ');
}

/** Sentences joined: "…；…" / "…། …" / "…; …". */
export function clauses(items: readonly string[], lang: Lang): string {
  if (lang === 'bo') return items.map((i) => i.replace(/།+$/, '')).join('། ');
  return items.join(lang === 'zh-CN' ? '；' : '; ');
}
