/**
 * The committee's dashboard (#/dashboard?groupBy=&asOf=&districtId=&townshipId=): headline
 * figures as of a date, repayment rate and PAR30 by district, township, round or year, the
 * ageing of arrears, the portfolio by status, the revolving fund, outcomes and CSV
 * downloads. Click a district to see its townships, a township to see its loans; the
 * breadcrumb goes back up. A district office sees the same for its own district.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { download as downloadCsv } from '../../api/client.ts';
import { useLoad, useRead } from '../../api/queries.ts';
import type { PageProps } from '../../pages.tsx';
import { useAuth } from '../../auth.tsx';
import { date, percent, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Link, navigate } from '../../router.tsx';
import { Empty, ErrorBox, Loading } from '../../ui.tsx';
import { BarChart, Legend, StackedBar, niceMax, type Bar, type Segment, type Tone } from './charts.tsx';
import { TownshipLoans } from './TownshipLoans.tsx';
import {
  dashboardRoute,
  loadDashboard,
  parseView,
  reportQuery,
  type Dashboard,
  type FundRow,
  type GroupBy,
  type Office,
  type OutcomeRow,
  type PortfolioRow,
  type RepaymentRow,
  type RowBase,
  type View,
} from './reports.ts';

/** Rows shown in a chart before "show all". */
const CHART_ROWS = 12;

const GROUP_WORDS: Record<GroupBy, MessageKey> = { district: 'c_by_district', township: 'c_by_township', round: 'c_by_round', year: 'c_by_year' };

export const repaymentTone = (bp: number | null): Tone => (bp === null ? 'plain' : bp >= 9500 ? 'ok' : bp >= 8000 ? 'warn' : 'bad');
export const par30Tone = (bp: number | null): Tone => (bp === null ? 'plain' : bp <= 500 ? 'ok' : bp <= 1000 ? 'warn' : 'bad');
const bpTick = (bp: number) => `${Number((bp / 100).toFixed(1))}%`;

const viewKey = (v: View) => `${v.level}|${v.groupBy}|${v.asOf ?? ''}|${v.districtId ?? ''}`;

export function DashboardPage({ route }: PageProps) {
  const { query } = route;
  const { session } = useAuth();
  const { t, lang } = useI18n();
  const view = parseView(query, session);
  const key = viewKey(view);
  const offices = useRead('GET /offices', {});
  const data = useLoad(['GET /reports/repayment', key, 'dashboard'], async (signal) => ({ key, ...(await loadDashboard(view, signal)) }));
  const [showAll, setShowAll] = useState(false);

  const officeById = useMemo(() => new Map((offices.data?.items ?? []).map((o) => [o.id, o])), [offices.data]);
  const nameOf = (id: string, fallback?: string) => {
    const o = officeById.get(id);
    return o ? (lang === 'en' ? (o.nameEn ?? o.name) : o.name) : (fallback ?? id);
  };
  const rowLabel = (r: RowBase): string => {
    switch (r.groupBy) {
      case 'total':
        return t('c_total');
      case 'district':
        return nameOf(r.id, r.label);
      case 'township':
        if (view.level === 'all' && r.districtId && officeById.has(r.id)) return `${nameOf(r.districtId)} · ${nameOf(r.id)}`;
        return view.level === 'all' ? r.label : nameOf(r.id, r.label);
      case 'year':
        return t('c_year', { y: r.id });
      default:
        return r.label;
    }
  };

  const asOfValue = view.asOf ?? todayIso();
  const go = (v: Partial<View>) => navigate(dashboardRoute({ groupBy: view.groupBy, asOf: view.asOf, districtId: view.ownDistrict ? undefined : view.districtId, townshipId: view.townshipId, ...v }));

  const title =
    view.level === 'township' ? t('c_title_district', { name: nameOf(view.townshipId!) }) : view.level === 'district' && !view.ownDistrict ? t('c_title_district', { name: nameOf(view.districtId!) }) : view.ownDistrict ? t('c_title_district', { name: nameOf(view.ownDistrict) }) : t('c_title');

  // the answer of this view (an answer of another view is shown only while the same level reloads)
  const sameLevel = (k: string) => k.split('|')[0] === view.level && k.split('|')[3] === (view.districtId ?? '');
  const d = data.data && (data.data.key === key || sameLevel(data.data.key)) ? data.data : undefined;
  const stale = d !== undefined && d.key !== key;

  return (
    <div className="c-dashboard">
      <header className="c-head">
        <h1>{title}</h1>
        <Breadcrumb view={view} nameOf={nameOf} />
        <div className="c-controls">
          <label className="c-asof">
            <span>{t('c_as_of')}</span>
            <input
              type="date"
              value={asOfValue}
              max={todayIso()}
              onChange={(e) => {
                if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) go({ asOf: e.target.value });
              }}
            />
          </label>
          {view.level !== 'township' && (
            <nav className="c-seg" aria-label={t('c_group_by')}>
              {(view.level === 'all' ? (['district', 'township', 'round', 'year'] as const) : (['township', 'round', 'year'] as const)).map((g) => (
                <Link
                  key={g}
                  to={dashboardRoute({ groupBy: g, asOf: view.asOf, districtId: view.ownDistrict ? undefined : view.districtId })}
                  className={g === view.groupBy ? 'c-seg-on' : ''}
                  aria-current={g === view.groupBy ? 'true' : undefined}
                  onClick={() => setShowAll(false)}
                >
                  {t(GROUP_WORDS[g])}
                </Link>
              ))}
            </nav>
          )}
        </div>
        <p className="muted c-asof-note">
          {t('c_as_of_note', { date: date(d?.repayment.asOf ?? asOfValue, lang) })}
          {(data.loading || stale) && d && <span className="c-refreshing"> · {t('c_refreshing')}</span>}
        </p>
      </header>

      {data.error !== undefined && <ErrorBox error={data.error} onRetry={data.reload} />}
      {!d && data.loading && <Loading />}
      {d && !data.error && <Body d={d} view={view} rowLabel={rowLabel} nameOf={nameOf} showAll={showAll} setShowAll={setShowAll} />}
    </div>
  );
}

function Breadcrumb({ view, nameOf }: { view: View; nameOf: (id: string) => string }) {
  const { t } = useI18n();
  const crumbs: { label: string; to?: string }[] = [];
  if (!view.ownDistrict) crumbs.push({ label: t('c_all_districts'), to: view.level === 'all' ? undefined : dashboardRoute({ groupBy: 'district', asOf: view.asOf }) });
  if (view.districtId) crumbs.push({ label: nameOf(view.districtId), to: view.level === 'township' ? dashboardRoute({ groupBy: 'township', asOf: view.asOf, districtId: view.ownDistrict ? undefined : view.districtId }) : undefined });
  if (view.townshipId) crumbs.push({ label: nameOf(view.townshipId) });
  return (
    <nav className="c-crumbs" aria-label={t('c_breadcrumb')}>
      <ol>
        {crumbs.map((c, i) => (
          <li key={i}>{c.to ? <Link to={c.to}>{c.label}</Link> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

interface BodyProps {
  d: Dashboard;
  view: View;
  rowLabel: (r: RowBase) => string;
  nameOf: (id: string, fallback?: string) => string;
  showAll: boolean;
  setShowAll: (v: boolean) => void;
}

function Body({ d, view, rowLabel, nameOf, showAll, setShowAll }: BodyProps) {
  const { t } = useI18n();
  const focus = <R extends RowBase>(rows: R[]) => (view.level === 'township' ? rows.find((r) => r.id === view.townshipId) : rows.find((r) => r.groupBy === 'total'));
  const rp = focus(d.repayment.rows);
  const pf = focus(d.portfolio.rows);
  const oc = focus(d.outcomes.rows);
  const downloads = <Downloads view={view} asOf={d.repayment.asOf} />;
  if (!rp || !pf || !oc) {
    return (
      <>
        <Empty>{t('c_unknown_township')}</Empty>
        {downloads}
      </>
    );
  }
  const hasLoans = pf.disbursed.loans > 0 || pf.approved.loans > 0;

  // the groups with loans, in the order people look for them (rounds: newest first)
  const pfById = new Map(d.portfolio.rows.map((r) => [r.id, r]));
  const ocById = new Map(d.outcomes.rows.map((r) => [r.id, r]));
  const withLoans = (id: string) => {
    const p = pfById.get(id);
    return !!p && (p.disbursed.loans > 0 || p.approved.loans > 0);
  };
  const groups = d.repayment.rows.filter((r) => r.groupBy !== 'total');
  const shown = groups.filter((r) => withLoans(r.id));
  if (view.groupBy === 'round') shown.sort((a, b) => b.id.localeCompare(a.id));
  const hidden = groups.length - shown.length;

  return (
    <>
      <Kpis rp={rp} pf={pf} oc={oc} />
      {!hasLoans && <Empty>{t('c_no_data')}</Empty>}
      {hasLoans && view.level === 'township' && view.districtId && view.townshipId && (
        <TownshipLoans key={view.townshipId} districtId={view.districtId} townshipId={view.townshipId} villageName={(id) => nameOf(id)} title={t('c_loans_of', { name: nameOf(view.townshipId) })} />
      )}
      {hasLoans && view.level !== 'township' && <Charts view={view} rows={shown} total={rp} hidden={hidden} rowLabel={rowLabel} showAll={showAll} setShowAll={setShowAll} />}
      {hasLoans && <Ageing rows={view.level === 'township' ? [rp] : [...shown.filter((r) => r.arrearsFen > 0), rp]} focus={rp} rowLabel={rowLabel} />}
      {hasLoans && <Portfolio rows={view.level === 'township' ? [] : shown.map((r) => pfById.get(r.id)!)} focus={pf} rowLabel={rowLabel} />}
      {view.level !== 'township' && <Fund rows={d.fund.rows} nameOf={nameOf} />}
      {hasLoans && <Outcomes focus={oc} rows={view.level === 'township' ? [] : shown.map((r) => ocById.get(r.id)).filter((r): r is OutcomeRow => !!r)} rowLabel={rowLabel} />}
      {downloads}
    </>
  );
}

function Kpi({ name, label, value, hint, tone }: { name: string; label: string; value: string; hint?: string; tone?: Tone }) {
  return (
    <div className={`kpi c-kpi c-kpi-${tone ?? 'plain'}`} data-kpi={name}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {hint && <div className="c-kpi-hint">{hint}</div>}
    </div>
  );
}

function Kpis({ rp, pf, oc }: { rp: RepaymentRow; pf: PortfolioRow; oc: OutcomeRow }) {
  const { t } = useI18n();
  return (
    <section className="c-kpis" aria-label={t('c_kpi_section')}>
      <Kpi name="repayment" label={t('c_kpi_repayment')} value={percent(rp.repaymentRateBp)} tone={repaymentTone(rp.repaymentRateBp)} hint={t('c_kpi_repayment_hint', { due: yuan(rp.fallenDueFen), repaid: yuan(rp.repaidOnDueLoansFen) })} />
      <Kpi name="on-time" label={t('c_kpi_on_time')} value={percent(rp.onTimeRateBp)} tone={repaymentTone(rp.onTimeRateBp)} hint={t('c_kpi_on_time_hint', { repaid: yuan(rp.repaidOnTimeFen) })} />
      <Kpi name="par30" label={t('c_kpi_par30')} value={percent(rp.par30Bp)} tone={par30Tone(rp.par30Bp)} hint={t('c_kpi_par30_hint', { fen: yuan(rp.par30Fen) })} />
      <Kpi name="outstanding" label={t('c_kpi_outstanding')} value={yuan(rp.outstandingFen)} hint={t('c_kpi_outstanding_hint', { n: pf.active.loans + pf.overdue.loans })} />
      <Kpi name="arrears" label={t('c_kpi_arrears')} value={yuan(rp.arrearsFen)} tone={rp.arrearsFen > 0 ? 'warn' : 'plain'} hint={t('c_kpi_arrears_hint', { n: rp.arrearsLoans })} />
      <Kpi name="mothers" label={t('c_kpi_mothers')} value={t('c_kpi_mothers_value', { n: oc.mothersHelped.toLocaleString('en-US') })} hint={t('c_kpi_mothers_hint', { n: oc.householdMembersReached.toLocaleString('en-US') })} />
      <Kpi name="poverty-exit" label={t('c_kpi_exit')} value={percent(oc.povertyExitRateBp)} hint={t('c_kpi_exit_hint', { final: oc.finalEvaluations, left: oc.leftPoverty })} />
    </section>
  );
}

function Charts({ view, rows, total, hidden, rowLabel, showAll, setShowAll }: { view: View; rows: RepaymentRow[]; total: RepaymentRow; hidden: number; rowLabel: (r: RowBase) => string; showAll: boolean; setShowAll: (v: boolean) => void }) {
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

const AGE_BANDS = [
  { key: 'days1to30', word: 'c_ageing_1', className: 'c-age-1' },
  { key: 'days31to90', word: 'c_ageing_31', className: 'c-age-31' },
  { key: 'days91to180', word: 'c_ageing_91', className: 'c-age-91' },
  { key: 'days181plus', word: 'c_ageing_181', className: 'c-age-181' },
] as const;

function Money({ fen, loans }: { fen: number; loans: number }) {
  const { t } = useI18n();
  return (
    <>
      <span className="c-fen">{yuan(fen)}</span>
      <span className="c-count">{t('c_loans_n', { n: loans })}</span>
    </>
  );
}

function Ageing({ rows, focus, rowLabel }: { rows: RepaymentRow[]; focus: RepaymentRow; rowLabel: (r: RowBase) => string }) {
  const { t } = useI18n();
  const segments: Segment[] = AGE_BANDS.map((b) => ({ key: b.key, label: t(b.word), value: focus.ageing[b.key].fen, display: `${yuan(focus.ageing[b.key].fen)} · ${t('c_loans_n', { n: focus.ageing[b.key].loans })}`, className: b.className }));
  return (
    <section className="card" data-card="ageing">
      <h2>{t('c_ageing')}</h2>
      <p className="muted c-note">{t('c_ageing_note')}</p>
      {focus.arrearsFen === 0 && <p className="c-all-clear">{t('c_ageing_none')}</p>}
      {focus.arrearsFen > 0 && (
        <>
          <StackedBar name="ageing" label={t('c_ageing')} segments={segments} />
          <Legend segments={segments} />
        </>
      )}
      {focus.arrearsFen > 0 && (
        <div className="table-wrap">
          <table className="c-table">
            <thead>
              <tr>
                <th>{t('c_group')}</th>
                {AGE_BANDS.map((b) => (
                  <th key={b.key} className="num">
                    {t(b.word)}
                  </th>
                ))}
                <th className="num">{t('c_kpi_arrears')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.groupBy === 'total' ? 'c-total' : undefined} data-row={r.id}>
                  <th scope="row">{rowLabel(r)}</th>
                  {AGE_BANDS.map((b) => (
                    <td key={b.key} className={`num ${r.ageing[b.key].fen > 0 ? 'c-late' : ''}`}>
                      <Money fen={r.ageing[b.key].fen} loans={r.ageing[b.key].loans} />
                    </td>
                  ))}
                  <td className="num">
                    <Money fen={r.arrearsFen} loans={r.arrearsLoans} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A table of every group, folded away when there are many. */
function GroupDetail({ count, children }: { count: number; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <details className="c-details" open={count <= 8}>
      <summary>{t('c_group_detail', { n: count })}</summary>
      {children}
    </details>
  );
}

function Portfolio({ rows, focus, rowLabel }: { rows: PortfolioRow[]; focus: PortfolioRow; rowLabel: (r: RowBase) => string }) {
  const { t } = useI18n();
  const seg = (key: string, word: MessageKey, band: { fen: number; loans: number }, className: string, loansWord?: MessageKey): Segment => ({
    key,
    label: t(word),
    value: band.fen,
    display: `${yuan(band.fen)} · ${loansWord ? `${t(loansWord)} ` : ''}${t('c_loans_n', { n: band.loans })}`,
    className,
  });
  const segments = [
    seg('repaid', 'c_pf_repaid', focus.repaid, 'c-pf-repaid', 'c_pf_repaid_loans'),
    seg('active', 'c_pf_active', focus.active, 'c-pf-active'),
    seg('overdue', 'c_pf_overdue', focus.overdue, 'c-pf-overdue'),
    seg('writtenOff', 'c_pf_written_off', focus.writtenOff, 'c-pf-written-off'),
  ];
  const columns = [
    ['approved', 'c_pf_approved'],
    ['active', 'c_pf_active'],
    ['overdue', 'c_pf_overdue'],
    ['repaid', 'c_pf_repaid_loans'],
    ['writtenOff', 'c_pf_written_off'],
    ['disbursed', 'c_pf_disbursed'],
  ] as const;
  return (
    <section className="card" data-card="portfolio">
      <h2>{t('c_portfolio')}</h2>
      <p className="muted c-note">{t('c_portfolio_note', { fen: yuan(focus.disbursed.fen), n: focus.disbursed.loans })}</p>
      <StackedBar name="portfolio" label={t('c_portfolio')} segments={segments} />
      <Legend segments={[...segments, { key: 'approved', label: t('c_pf_approved'), value: 0, display: `${yuan(focus.approved.fen)} · ${t('c_loans_n', { n: focus.approved.loans })}`, className: 'c-pf-approved' }]} />
      {rows.length > 1 && (
        <GroupDetail count={rows.length}>
          <div className="table-wrap">
            <table className="c-table">
              <thead>
                <tr>
                  <th>{t('c_group')}</th>
                  {columns.map(([k, w]) => (
                    <th key={k} className="num">
                      {t(w)}
                    </th>
                  ))}
                  <th className="num">{t('c_pf_outstanding')}</th>
                </tr>
              </thead>
              <tbody>
                {[...rows, focus].map((r) => (
                  <tr key={r.id} className={r.groupBy === 'total' ? 'c-total' : undefined}>
                    <th scope="row">{rowLabel(r)}</th>
                    {columns.map(([k]) => (
                      <td key={k} className="num">
                        <Money fen={r[k].fen} loans={r[k].loans} />
                      </td>
                    ))}
                    <td className="num">{yuan(r.outstandingFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </GroupDetail>
      )}
    </section>
  );
}

function Figure({ label, value, sub }: { label: string; value: ReactNode; sub?: string }) {
  return (
    <div className="c-figure">
      <dt>{label}</dt>
      <dd>
        {value}
        {sub && <span className="c-figure-sub">{sub}</span>}
      </dd>
    </div>
  );
}

function Fund({ rows, nameOf }: { rows: FundRow[]; nameOf: (id: string, fallback?: string) => string }) {
  const { t } = useI18n();
  const segmentsOf = (r: FundRow): Segment[] => [
    { key: 'outstanding', label: t('c_fund_outstanding'), value: r.outstandingFen, display: yuan(r.outstandingFen), className: 'c-fund-out' },
    { key: 'cash', label: t('c_fund_cash'), value: r.cashHeldFen, display: yuan(r.cashHeldFen), className: 'c-fund-cash' },
    { key: 'writtenOff', label: t('c_fund_written_off'), value: r.writtenOffFen, display: yuan(r.writtenOffFen), className: 'c-fund-lost' },
  ];
  return (
    <section className="card" data-card="fund">
      <h2>{t('c_fund')}</h2>
      <p className="muted c-note">{t('c_fund_note')}</p>
      {rows.length === 0 && <Empty>{t('c_fund_none')}</Empty>}
      {rows.map((r) => (
        <div key={r.districtId} className="c-fund" data-district={r.districtId}>
          <h3>{nameOf(r.districtId, r.label)}</h3>
          {r.grantedFen > 0 ? (
            <>
              <StackedBar label={`${nameOf(r.districtId, r.label)} ${t('c_fund_granted')} ${yuan(r.grantedFen)}`} segments={segmentsOf(r)} />
              <Legend segments={segmentsOf(r)} />
            </>
          ) : (
            <p className="muted">{t('c_fund_none')}</p>
          )}
          <dl className="c-figures">
            <Figure label={t('c_fund_granted')} value={yuan(r.grantedFen)} />
            <Figure label={t('c_fund_lent')} value={yuan(r.lentOutFen)} />
            <Figure label={t('c_fund_recovered')} value={yuan(r.recoveredFen)} />
            <Figure label={t('c_fund_written_off')} value={yuan(r.writtenOffFen)} />
            <Figure label={t('c_fund_outstanding')} value={yuan(r.outstandingFen)} />
            <Figure label={t('c_fund_cash')} value={yuan(r.cashHeldFen)} />
            <Figure label={t('c_fund_available')} value={yuan(r.availableToRelendFen)} />
            <Figure label={t('c_fund_rounds')} value={`${r.roundsCompleted} / ${r.roundsOpened}`} />
          </dl>
        </div>
      ))}
    </section>
  );
}

function Outcomes({ focus, rows, rowLabel }: { focus: OutcomeRow; rows: OutcomeRow[]; rowLabel: (r: RowBase) => string }) {
  const { t } = useI18n();
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    <section className="card" data-card="outcomes">
      <h2>{t('c_outcomes')}</h2>
      <dl className="c-figures c-figures-big">
        <Figure label={t('c_oc_mothers')} value={t('c_people', { n: n(focus.mothersHelped) })} />
        <Figure label={t('c_oc_members')} value={t('c_people', { n: n(focus.householdMembersReached) })} />
        <Figure label={t('c_oc_villages')} value={t('c_places', { n: n(focus.villagesCovered) })} />
        <Figure label={t('c_oc_income')} value={yuan(focus.incomeGainedFen)} />
        <Figure label={t('c_oc_exit')} value={percent(focus.povertyExitRateBp)} sub={t('c_oc_final', { n: focus.finalEvaluations })} />
      </dl>
      {rows.length > 1 && (
        <GroupDetail count={rows.length}>
          <div className="table-wrap">
            <table className="c-table">
              <thead>
                <tr>
                  <th>{t('c_group')}</th>
                  <th className="num">{t('c_oc_mothers')}</th>
                  <th className="num">{t('c_oc_members')}</th>
                  <th className="num">{t('c_oc_villages')}</th>
                  <th className="num">{t('c_oc_income')}</th>
                  <th className="num">{t('c_oc_exit')}</th>
                </tr>
              </thead>
              <tbody>
                {[...rows, focus].map((r) => (
                  <tr key={r.id} className={r.groupBy === 'total' ? 'c-total' : undefined}>
                    <th scope="row">{rowLabel(r)}</th>
                    <td className="num">{n(r.mothersHelped)}</td>
                    <td className="num">{n(r.householdMembersReached)}</td>
                    <td className="num">{n(r.villagesCovered)}</td>
                    <td className="num">{yuan(r.incomeGainedFen)}</td>
                    <td className="num">{percent(r.povertyExitRateBp)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </GroupDetail>
      )}
    </section>
  );
}

type ReportPath = '/reports/repayment' | '/reports/portfolio' | '/reports/outcomes' | '/reports/fund';

const CSV_FILES: { path: ReportPath; word: MessageKey; file: string }[] = [
  { path: '/reports/repayment', word: 'c_csv_repayment', file: '还款率报表' },
  { path: '/reports/portfolio', word: 'c_csv_portfolio', file: '贷款组合报表' },
  { path: '/reports/outcomes', word: 'c_csv_outcomes', file: '成效报表' },
  { path: '/reports/fund', word: 'c_csv_fund', file: '基金报表' },
] as const;

function Downloads({ view, asOf }: { view: View; asOf: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const download = async (path: ReportPath, file: string) => {
    setBusy(path);
    setError(undefined);
    try {
      await downloadCsv(`GET ${path}`, { ...reportQuery(view), asOf, format: 'csv' }, `${file}-${asOf}.csv`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section className="card c-downloads" data-card="downloads">
      <h2>{t('c_downloads')}</h2>
      {error !== undefined && <ErrorBox error={error} />}
      <div className="c-download-buttons">
        {CSV_FILES.map((f) => (
          <button key={f.path} type="button" className="secondary" data-csv={f.path.split('/').pop()} disabled={busy !== undefined} onClick={() => void download(f.path, f.file)}>
            ⬇ {t(f.word)}
          </button>
        ))}
      </div>
    </section>
  );
}
