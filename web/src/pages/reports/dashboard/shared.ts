/** What the parts of the dashboard share: how many rows a chart shows, the words of the groupings, the tones of the rates. */
import type { MessageKey } from '../../../i18n/index.tsx';
import type { Tone } from '../charts.tsx';
import type { GroupBy } from '../reports.ts';

/** Rows shown in a chart before "show all". */
export const CHART_ROWS = 12;

export const GROUP_WORDS: Record<GroupBy, MessageKey> = { district: 'c_by_district', township: 'c_by_township', round: 'c_by_round', year: 'c_by_year' };

export const repaymentTone = (bp: number | null): Tone => (bp === null ? 'plain' : bp >= 9500 ? 'ok' : bp >= 8000 ? 'warn' : 'bad');
export const par30Tone = (bp: number | null): Tone => (bp === null ? 'plain' : bp <= 500 ? 'ok' : bp <= 1000 ? 'warn' : 'bad');
export const bpTick = (bp: number) => `${Number((bp / 100).toFixed(1))}%`;
