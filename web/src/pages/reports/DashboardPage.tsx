/**
 * The committee's dashboard (#/dashboard?groupBy=&asOf=&districtId=&townshipId=): headline
 * figures as of a date, repayment rate and PAR30 by district, township, round or year, the
 * ageing of arrears, the portfolio by status, the revolving fund, outcomes and CSV
 * downloads. Click a district to see its townships, a township to see its loans; the
 * breadcrumb goes back up. A district office sees the same for its own district.
 */
import { useMemo, useState } from 'react';
import { useLoad, useRead } from '../../api/queries.ts';
import type { PageProps } from '../../paths.ts';
import { useAuth } from '../../auth.tsx';
import { date, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link, navigate } from '../../router.tsx';
import { Empty, ErrorMessage as ErrorBox, Loading } from '../../ui/feedback.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { TownshipLoans } from './TownshipLoans.tsx';
import { Downloads } from './dashboard/downloads.tsx';
import { EvaluationReportsDue } from './dashboard/evaluation-reports.tsx';
import { ThreeCures } from './dashboard/three-cures.tsx';
import { Fund, Outcomes } from './dashboard/fund.tsx';
import { Kpis } from './dashboard/headline.tsx';
import { Ageing, Portfolio } from './dashboard/portfolio.tsx';
import { Charts } from './dashboard/rates.tsx';
import { GROUP_WORDS } from './dashboard/shared.ts';
import { dashboardRoute, loadDashboard, parseView, type Dashboard, type OutcomeRow, type RowBase, type View } from './reports.ts';

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
    view.level === 'township'
      ? t('c_title_district', { name: nameOf(view.townshipId!) })
      : view.level === 'district' && !view.ownDistrict
        ? t('c_title_district', { name: nameOf(view.districtId!) })
        : view.ownDistrict
          ? t('c_title_district', { name: nameOf(view.ownDistrict) })
          : t('c_title');

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
      <SearchBox />

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
  if (view.districtId)
    crumbs.push({
      label: nameOf(view.districtId),
      to: view.level === 'township' ? dashboardRoute({ groupBy: 'township', asOf: view.asOf, districtId: view.ownDistrict ? undefined : view.districtId }) : undefined,
    });
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
      {hasLoans && <ThreeCures focus={oc} rows={view.level === 'township' ? [] : shown.map((r) => ocById.get(r.id)).filter((r): r is OutcomeRow => !!r)} rowLabel={rowLabel} />}
      {view.level !== 'township' && <EvaluationReportsDue asOf={view.asOf} nameOf={(id) => nameOf(id)} />}
      {downloads}
    </>
  );
}
