/**
 * Small inline-SVG charts: horizontal bars with labelled values, and a stacked bar. They
 * scale with their viewBox, so the same drawing fits a 390 px phone and a desktop.
 */
import type { ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'bad' | 'plain';

export interface Bar {
  id: string;
  label: string;
  /** null: nothing to show (no bar, `display` says why) */
  value: number | null;
  display: string;
  tone?: Tone;
  /** a hash route (`/dashboard?…`): the bar and its label become a link */
  to?: string;
  title?: string;
}

const W = 380;
const ROW = 46;
const TOP = 22;
const BAR_H = 16;
const VALUE_ROOM = 62;

/** Approximate width of text in the chart's 14-unit font: CJK full width, others narrower. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 14 : 8;
  return w;
}

export function fit(text: string, room: number): string {
  if (textWidth(text) <= room) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`) > room) break;
    out += ch;
  }
  return `${out}…`;
}

/** Round a scale maximum up to 1, 2, 2.5 or 5 × a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= value) ?? 10) * p;
}

/**
 * Horizontal bars, one row per group: the label above its bar, the value at the bar's end.
 * `max` is the value at full width; `ticks` are drawn as grid lines with `tickLabel`.
 */
export function BarChart({
  name,
  bars,
  max,
  ticks,
  tickLabel,
  reference,
  label,
}: {
  name: string;
  bars: Bar[];
  max: number;
  ticks: number[];
  tickLabel: (v: number) => string;
  reference?: number | null;
  label: string;
}) {
  const plot = W - VALUE_ROOM;
  const x = (v: number) => (Math.max(0, Math.min(v, max)) / max) * plot;
  const height = TOP + bars.length * ROW + 4;
  return (
    <svg className="c-chart" viewBox={`0 0 ${W} ${height}`} role={bars.some((b) => b.to) ? 'group' : 'img'} aria-label={label} data-chart={name}>
      {ticks.map((tk) => (
        <g key={tk} className="c-tick">
          <line x1={x(tk)} x2={x(tk)} y1={TOP - 4} y2={height - 2} />
          <text x={x(tk)} y={12} textAnchor={tk === 0 ? 'start' : x(tk) > plot - 20 ? 'end' : 'middle'}>
            {tickLabel(tk)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = TOP + i * ROW;
        const end = b.value === null ? 0 : x(b.value);
        const shown = fit(b.label, W - 4);
        const body: ReactNode = (
          <>
            <text className="c-bar-label" x={0} y={y + 14}>
              {shown}
            </text>
            <rect className="c-bar-track" x={0} y={y + 20} width={plot} height={BAR_H} rx={3} />
            {b.value !== null && <rect className={`c-bar c-tone-${b.tone ?? 'plain'}`} x={0} y={y + 20} width={Math.max(end, 2)} height={BAR_H} rx={3} />}
            <text className={b.value === null ? 'c-bar-value c-bar-none' : 'c-bar-value'} x={Math.max(end, 2) + 5} y={y + 33}>
              {b.display}
            </text>
          </>
        );
        return (
          <g key={b.id} className="c-bar-row" data-row={b.id}>
            {/* a link is named by its title (the whole label, also when the shown one is cut short), never by an aria-label that could differ from what it shows */}
            {!b.to && <title>{b.title ?? `${b.label}: ${b.display}`}</title>}
            {b.to ? (
              <a href={`#${b.to}`} className="c-bar-link">
                <title>{b.title ?? `${b.label}: ${b.display}`}</title>
                <rect className="c-hit" x={0} y={y} width={W} height={ROW - 2} />
                {body}
              </a>
            ) : (
              body
            )}
          </g>
        );
      })}
      {reference !== null && reference !== undefined && <line className="c-reference" x1={x(reference)} x2={x(reference)} y1={TOP - 2} y2={height - 2} />}
    </svg>
  );
}

export interface Segment {
  key: string;
  label: string;
  value: number;
  /** shown in the legend next to the label */
  display: string;
  className: string;
}

/** One bar split into its parts (proportional to `value`); the legend lists every part. */
export function StackedBar({ segments, label, name }: { segments: Segment[]; label: string; name?: string }) {
  const total = segments.reduce((s, x) => s + Math.max(0, x.value), 0);
  let at = 0;
  return (
    <svg className="c-stack" viewBox={`0 0 ${W} 22`} role="img" aria-label={label} data-chart={name} preserveAspectRatio="none">
      <rect className="c-bar-track" x={0} y={0} width={W} height={22} rx={4} />
      {total > 0 &&
        segments.map((s) => {
          const w = (Math.max(0, s.value) / total) * W;
          const r = <rect key={s.key} className={s.className} x={at} y={0} width={w} height={22} />;
          at += w;
          return (
            <g key={s.key}>
              <title>{`${s.label}: ${s.display}`}</title>
              {r}
            </g>
          );
        })}
    </svg>
  );
}

export function Legend({ segments }: { segments: Segment[] }) {
  return (
    <ul className="c-legend">
      {segments.map((s) => (
        <li key={s.key}>
          <span className={`c-swatch ${s.className}`} aria-hidden="true" />
          <span className="c-legend-label">{s.label}</span>
          <span className="c-legend-value">{s.display}</span>
        </li>
      ))}
    </ul>
  );
}
