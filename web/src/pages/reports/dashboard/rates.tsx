/** Repayment rate and PAR30 per group, as bar charts against the total. */
import { percent } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { BarChart, niceMax, type Bar } from '../charts.tsx';
import { dashboardRoute, type RepaymentRow, type RowBase, type View } from '../reports.ts';
import { CHART_ROWS, GROUP_WORDS, repaymentTone, par30Tone, bpTick } from './shared.ts';

export function Charts({
  view,
  rows,
  total,
  hidden,
  rowLabel,
  showAll,
  setShowAll,
}: {
  view: View;
  rows: RepaymentRow[];
  total: RepaymentRow;
  hidden: number;
  rowLabel: (r: RowBase) => string;
  showAll: boolean;
  setShowAll: (v: boolean) => void;
}) {
  const { t } = useI18n();
  const visible = showAll ? rows : rows.slice(0, CHART_ROWS);
  const drill = (r: RepaymentRow): string | undefined => {
    if (r.groupBy === 'district') return dashboardRoute({ groupBy: 'township', asOf: view.asOf, districtId: view.ownDistrict ? undefined : r.id });
    if (r.groupBy === 'township' && r.districtId) return dashboardRoute({ groupBy: 'township', asOf: view.asOf, districtId: view.ownDistrict ? undefined : r.districtId, townshipId: r.id });
    return undefined;
  };
  const hint = view.groupBy === 'district' ? t('c_hint_district') : view.groupBy === 'township' ? t('c_hint_township') : undefined;
  const repaymentBars: Bar[] = visible.map((r) => ({
    id: r.id,
    label: rowLabel(r),
    value: r.repaymentRateBp,
    display: r.repaymentRateBp === null ? t('c_not_due') : percent(r.repaymentRateBp),
    tone: repaymentTone(r.repaymentRateBp),
    to: drill(r),
  }));
  const parBars: Bar[] = visible.map((r) => ({
    id: r.id,
    label: rowLabel(r),
    value: r.par30Bp,
    display: r.par30Bp === null ? t('c_no_outstanding') : percent(r.par30Bp),
    tone: par30Tone(r.par30Bp),
    to: drill(r),
  }));
  const parMax = Math.min(10_000, Math.max(1000, niceMax(Math.max(0, ...rows.map((r) => r.par30Bp ?? 0)))));
  const more =
    rows.length > CHART_ROWS ? (
      <button type="button" className="link c-more" onClick={() => setShowAll(!showAll)}>
        {showAll ? t('c_show_fewer') : t('c_show_all', { n: rows.length })}
      </button>
    ) : null;
  const foot = (definition: string, tone: string, reference: number | null) => (
    <p className="c-chart-foot muted">
      {definition}
      <br />
      {tone}
      {reference !== null && (
        <>
          {'　'}
          {t('c_chart_reference', { v: percent(reference) })}
        </>
      )}
      {hint && (
        <>
          <br />
          {hint}
        </>
      )}
    </p>
  );
  return (
    <div className="grid two c-charts">
      <section className="card" data-card="repayment">
        <h2>
          {t('c_chart_repayment')} <small className="muted">· {t(GROUP_WORDS[view.groupBy])}</small>
        </h2>
        <BarChart name="repayment" label={t('c_chart_repayment')} bars={repaymentBars} max={10_000} ticks={[0, 2500, 5000, 7500, 10_000]} tickLabel={bpTick} reference={total.repaymentRateBp} />
        {more}
        {foot(t('c_chart_repayment_def'), t('c_tone_repayment'), total.repaymentRateBp)}
        {hidden > 0 && <p className="muted c-chart-foot">{t('c_hidden_groups', { n: hidden })}</p>}
      </section>
      <section className="card" data-card="par30">
        <h2>
          {t('c_chart_par30')} <small className="muted">· {t(GROUP_WORDS[view.groupBy])}</small>
        </h2>
        <BarChart name="par30" label={t('c_chart_par30')} bars={parBars} max={parMax} ticks={[0, parMax / 4, parMax / 2, (parMax * 3) / 4, parMax]} tickLabel={bpTick} reference={total.par30Bp} />
        {more}
        {foot(t('c_chart_par30_def'), t('c_tone_par30'), total.par30Bp)}
      </section>
    </div>
  );
}
