/**
 * The application queue of a round: filter by township and status, sort by priority score,
 * open an application, print a village's public notice, and submit a new application.
 */
import '../../i18n/zh-CN.district.ts';
import { lazy, Suspense, useState } from 'react';
import type { ApplicationStatus } from '../../../../shared/domain/schemas.ts';
import type { PageProps } from '../../paths.ts';
import { useAuth } from '../../auth.tsx';
import { maskId, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link, navigate, hrefOf } from '../../router.tsx';
import { Empty, ErrorBox, Loading, StatusBadge } from '../../ui.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { townshipOf, useOfficeName, useOffices, useRounds, RoundSelect } from '../../ui/offices.tsx';
import { noticeState } from './notice.ts';
import type { Application } from '../../api/records.ts';
import { LoadMore, usePaged, useDate } from '../../ui/layout.tsx';

// every status of the schema's enum, checked by the type (the schema itself, with zod, loads with the form)
const STATUSES = Object.keys({ submitted: 1, approved: 1, rejected: 1 } satisfies Record<ApplicationStatus, 1>) as ApplicationStatus[];

// the form (and the API's schemas it checks with) loads when it is opened
const NewApplicationForm = lazy(async () => ({ default: (await import('./NewApplicationForm.tsx')).NewApplicationForm }));

/** Highest priority first; applications not yet screened last, in the order they came. */
export function byPriority(a: Application, b: Application): number {
  const sa = a.screening?.priorityScore ?? -1;
  const sb = b.screening?.priorityScore ?? -1;
  return sb - sa;
}

export function ApplicationsPage({ route }: PageProps) {
  const { query } = route;
  const { t } = useI18n();
  const { session } = useAuth();
  const role = session?.role;
  const rounds = useRounds();
  const { offices } = useOffices();
  const officeName = useOfficeName();
  const fmt = useDate();
  const today = todayIso();
  const [creating, setCreating] = useState(false);
  const [printVillage, setPrintVillage] = useState('');

  const status = query.get('status') ?? '';
  const township = query.get('township') ?? '';
  const sort = query.get('sort') ?? '';
  const roundId = query.get('roundId') || rounds.data?.[0]?.id || '';
  const round = rounds.data?.find((r) => r.id === roundId);
  const list = usePaged('GET /applications', { roundId, status: status || undefined }, !!roundId);
  const set = (patch: Record<string, string>) => navigate(hrefOf('/applications', { roundId, status, township, sort, ...patch }));

  const townships = (offices ?? []).filter((o) => o.level === 'township');
  const villages = (offices ?? []).filter((o) => o.level === 'village' && (!township || townshipOf(o.id) === township));
  const shown = list.items.filter((a) => !township || a.townshipId === township);
  if (sort === 'priority') shown.sort(byPriority);
  const canSubmit = role === 'township' || role === 'district';

  if (rounds.error) return <ErrorBox error={rounds.error} onRetry={rounds.reload} />;
  if (!rounds.data) return <Loading />;

  return (
    <div className="d-page">
      <div className="row">
        <h1>{t('d_applications_title')}</h1>
        {canSubmit && round?.status === 'open' && (
          <button type="button" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>
            {creating ? t('d_close_form') : t('d_new_application')}
          </button>
        )}
      </div>
      <SearchBox />
      {rounds.data.length === 0 ? (
        <Empty>{t('d_no_rounds')}</Empty>
      ) : (
        <>
          <div className="filters d-filters">
            <RoundSelect rounds={rounds.data} value={roundId} onChange={(id) => set({ roundId: id })} />
            <label className="field">
              <span className="label">{t('d_township')}</span>
              <select value={township} onChange={(e) => set({ township: e.target.value })} aria-label={t('d_township')}>
                <option value="">{t('d_all_townships')}</option>
                {townships.map((o) => (
                  <option key={o.id} value={o.id}>
                    {officeName(o.id)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="label">{t('d_status')}</span>
              <select value={status} onChange={(e) => set({ status: e.target.value })} aria-label={t('d_status')}>
                <option value="">{t('d_all_statuses')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status_${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="label">{t('d_sort')}</span>
              <select value={sort} onChange={(e) => set({ sort: e.target.value })} aria-label={t('d_sort')}>
                <option value="">{t('d_sort_submitted')}</option>
                <option value="priority">{t('d_sort_priority')}</option>
              </select>
            </label>
          </div>

          {round && (
            <p className="muted d-round-line">
              {t('d_round_line', { opened: fmt(round.openedOn), min: yuan(round.minLoanFen), max: yuan(round.maxLoanFen), left: yuan(round.uncommittedFen), days: round.noticeDays })}
            </p>
          )}

          {creating && round && (
            <Suspense fallback={<Loading />}>
              <NewApplicationForm round={round} villages={(offices ?? []).filter((o) => o.level === 'village')} onCancel={() => setCreating(false)} />
            </Suspense>
          )}

          <div className="d-print-bar no-print">
            <label className="field">
              <span className="label">{t('d_print_notice_of')}</span>
              <select value={printVillage} onChange={(e) => setPrintVillage(e.target.value)} aria-label={t('d_print_notice_of')}>
                <option value="">{t('d_choose_village')}</option>
                {villages.map((v) => (
                  <option key={v.id} value={v.id}>
                    {officeName(townshipOf(v.id))} · {officeName(v.id)}
                  </option>
                ))}
              </select>
            </label>
            {printVillage && roundId ? (
              <Link className="button secondary" to={hrefOf('/notice', { roundId, villageId: printVillage })}>
                {t('d_open_notice')}
              </Link>
            ) : (
              <span className="button secondary d-disabled" aria-disabled="true">
                {t('d_open_notice')}
              </span>
            )}
          </div>

          {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
          {!list.loading && list.error === undefined && shown.length === 0 && <Empty>{t('d_no_applications')}</Empty>}
          {shown.length > 0 && (
            <>
              <p className="muted d-count">{t(list.next ? 'd_count_more' : 'd_count', { n: shown.length })}</p>
              <table className="d-rtable" aria-label={t('d_applications_title')}>
                <thead>
                  <tr>
                    <th>{t('d_mother')}</th>
                    <th>{t('d_village')}</th>
                    <th className="num">{t('d_amount')}</th>
                    <th>{t('d_notice')}</th>
                    <th className="num">{t('d_visits')}</th>
                    <th>{t('d_screening')}</th>
                    <th>{t('d_status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((a) => {
                    const ns = noticeState(a.notice, today);
                    return (
                      <tr key={a.id} data-id={a.id}>
                        <td data-label={t('d_mother')} className="d-cell-main">
                          <Link to={`/applications/${a.id}`} className="d-name">
                            {a.mother.name}
                          </Link>
                          <span className="d-id">{maskId(a.mother.residentId)}</span>
                        </td>
                        <td data-label={t('d_village')}>
                          {officeName(a.villageId)}
                          <span className="d-sub">{officeName(a.townshipId)}</span>
                        </td>
                        <td data-label={t('d_amount')} className="num">
                          {yuan(a.amountRequestedFen)}
                        </td>
                        <td data-label={t('d_notice')}>
                          <span className={`d-notice d-notice-${ns}`}>{ns === 'running' ? t('d_notice_running_until', { date: fmt(a.notice!.endsOn) }) : t(`d_notice_${ns}`)}</span>
                        </td>
                        <td data-label={t('d_visits')} className="num">
                          {a.visitCount ?? 0}
                        </td>
                        <td data-label={t('d_screening')}>
                          {a.screening ? (
                            <span className={a.screening.passed ? 'd-pass' : 'd-fail'}>
                              {a.screening.passed ? `✓ ${t('d_passed')}` : `✗ ${t('d_failed')}`} · {t('d_score', { n: a.screening.priorityScore })}
                            </span>
                          ) : (
                            <span className="muted">{t('d_not_screened')}</span>
                          )}
                        </td>
                        <td data-label={t('d_status')}>
                          <StatusBadge status={a.status} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}
          <LoadMore next={list.next} loading={list.loading} onMore={list.loadMore} />
          {sort === 'priority' && list.next && <p className="muted d-small">{t('d_sort_loaded_only')}</p>}
        </>
      )}
    </div>
  );
}
