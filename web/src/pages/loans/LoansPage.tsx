/** The loans of the caller's offices: by status (overdue too) and round, with balances and due dates. */
import '../../i18n/zh-CN.district.ts';
import { maskId, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { Link, navigate, hrefOf } from '../../router.tsx';
import { Empty, ErrorBox, Loading, StatusBadge } from '../../ui.tsx';
import { ConfirmationBadge, confirmationOf } from '../../ui/confirmation.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { townshipOf, useOfficeName, useOffices, RoundSelect, useRounds } from '../../ui/offices.tsx';
import type { Loan } from '../../api/records.ts';
import { Balance } from './balance.tsx';
import { LoadMore, usePaged, useDate } from '../../ui/layout.tsx';

const STATUSES = ['approved', 'active', 'overdue', 'repaid', 'written_off'] as const;

/** The status a reader should see: an active loan past its due date is overdue even before the nightly job marks it. */
export const shownStatus = (l: Pick<Loan, 'status' | 'overdue'>) => (l.status === 'active' && l.overdue ? 'overdue' : l.status);

export function LoansPage({ route }: PageProps) {
  const { query } = route;
  const { t } = useI18n();
  const rounds = useRounds();
  const { offices } = useOffices();
  const officeName = useOfficeName();
  const fmt = useDate();
  const status = query.get('status') ?? '';
  const roundId = query.get('roundId') ?? '';
  const township = query.get('township') ?? '';
  const list = usePaged('GET /loans', { roundId: roundId || undefined, status: status || undefined });
  const set = (patch: Record<string, string>) => navigate(hrefOf('/loans', { status, roundId, township, ...patch }));
  const townships = (offices ?? []).filter((o) => o.level === 'township');
  const shown = list.items.filter((l) => !township || townshipOf(l.villageId) === township);
  const roundName = (id: string) => rounds.data?.find((r) => r.id === id)?.name ?? '';

  return (
    <div className="d-page">
      <h1>{t('d_loans_title')}</h1>
      <SearchBox />
      <div className="filters d-filters">
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
        {rounds.data ? <RoundSelect rounds={rounds.data} value={roundId} onChange={(id) => set({ roundId: id })} allowAll /> : <Loading />}
        {townships.length > 1 && (
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
        )}
      </div>
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {!list.loading && list.error === undefined && shown.length === 0 && <Empty>{t('d_no_loans')}</Empty>}
      {shown.length > 0 && (
        <>
          <p className="muted d-count">{t(list.next ? 'd_count_more' : 'd_count', { n: shown.length })}</p>
          <table className="d-rtable" aria-label={t('d_loans_title')}>
            <thead>
              <tr>
                <th>{t('d_mother')}</th>
                <th>{t('d_village')}</th>
                <th className="num">{t('d_principal')}</th>
                <th className="num">{t('d_balance')}</th>
                <th>{t('d_disbursed_on')}</th>
                <th>{t('d_due_on')}</th>
                <th>{t('d_status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((l) => (
                <tr key={l.id} data-id={l.id} className={l.overdue ? 'd-row-overdue' : ''}>
                  <td data-label={t('d_mother')} className="d-cell-main">
                    <Link to={`/loans/${l.id}`} className="d-name">
                      {l.mother.name}
                    </Link>
                    <span className="d-id">{maskId(l.mother.residentId)}</span>
                  </td>
                  <td data-label={t('d_village')}>
                    {officeName(l.villageId)}
                    <span className="d-sub">{roundName(l.roundId)}</span>
                  </td>
                  <td data-label={t('d_principal')} className="num">
                    {yuan(l.principalFen)}
                  </td>
                  <td data-label={t('d_balance')} className="num">
                    <strong>
                      <Balance loan={l} />
                    </strong>
                  </td>
                  <td data-label={t('d_disbursed_on')}>
                    {l.disbursement ? fmt(l.disbursement.disbursedOn) : <span className="muted">{l.agreement ? t('d_agreement_signed') : t('d_agreement_missing')}</span>}
                  </td>
                  <td data-label={t('d_due_on')}>{fmt(l.dueOn)}</td>
                  <td data-label={t('d_status')}>
                    <StatusBadge status={shownStatus(l)} />
                    {l.status === 'approved' && <ConfirmationBadge state={confirmationOf(l)} />}
                    {l.daysPastDue > 0 && <span className="d-overdue-days">{t('d_days_overdue', { n: l.daysPastDue })}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <LoadMore next={list.next} loading={list.loading} onMore={list.loadMore} />
    </div>
  );
}
