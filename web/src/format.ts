/** Numbers and dates as people read them: yuan with thousands separators (from integer fen), Chinese dates. */
import type { Lang } from './i18n.tsx';

export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.trunc(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = abs % 100;
  return `${sign}¥${whole}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}

/** Parses "10,000.50" (yuan) into integer fen with string arithmetic; undefined when not a valid amount. */
export function parseYuan(text: string): number | undefined {
  const m = /^\s*(\d{1,9}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]!.replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function date(iso: string | undefined, lang: Lang): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
}

export function percent(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${(bp / 100).toFixed(1)}%`;
}

export function todayIso(): string {
  const t = new Date(Date.now() + 8 * 3_600_000);
  return t.toISOString().slice(0, 10);
}

export function maskId(id: string): string {
  return id.includes('*') ? id : `${id.slice(0, 4)}**********${id.slice(14)}`;
}
