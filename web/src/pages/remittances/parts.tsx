/** What the remittance pages share: office names (with the offices a township cannot list), a batch's level and flag, the list of batches. */
import '../../i18n/zh-CN.money.ts';
import './remittances.css';
import type { ResponseOf } from '../../../../shared/routes.ts';
import { usePages } from '../../api/queries.ts';
import { yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { useOffices } from '../../ui/offices.tsx';
import { useDate } from '../../ui/layout.tsx';

export type BatchSummary = ResponseOf<'GET /remittances'>['items'][number];
export type BatchFile = ResponseOf<'GET /remittances/{id}'>;
export type Waiting = ResponseOf<'GET /remittances/waiting'>['items'][number];
export type Level = BatchSummary['level'];

/**
 * An office's name in the reader's language. A township lists only its own subtree, so its
 * district (where its batches go) and the committee are named by what they are.
 */
export function useOfficeLabel(): (id: string | undefined) => string {
  const { byId } = useOffices();
  const { lang, t } = useI18n();
  return (id) => {
    if (!id) return '—';
    const o = byId.get(id);
    if (o) return lang === 'en' ? (o.nameEn ?? o.name) : o.name;
    const depth = id.split('.').length;
    return depth === 1 ? t('m_the_committee') : depth === 2 ? t('m_the_district') : '—';
  };
}

export function LevelBadge({ level }: { level: Level }) {
  const { t } = useI18n();
  return <span className="badge m-level">{t(`m_level_${level}`)}</span>;
}

/** Whether the amount counted agrees with the repayments carried; a difference says short or over by how much. */
export function FlagBadge({ batch }: { batch: Pick<BatchSummary, 'flagged' | 'differenceFen'> }) {
  const { t } = useI18n();
  if (!batch.flagged) return <span className="badge badge-approved">{t('m_matches')}</span>;
  return (
    <span className="badge badge-rejected m-flag">
      {t('m_flagged')} · {differenceText(batch.differenceFen, t)}
    </span>
  );
}

export function differenceText(differenceFen: number, t: ReturnType<typeof useI18n>['t']): string {
  return differenceFen < 0 ? t('m_difference_short', { amount: yuan(-differenceFen) }) : t('m_difference_over', { amount: yuan(differenceFen) });
}

/** Batches of the caller's offices (or of one district, for the committee), newest office by office, page by page. */
export function BatchList({ districtId, title }: { districtId?: string; title?: string }) {
  const { t } = useI18n();
  const fmt = useDate();
  const office = useOfficeLabel();
  const pages = usePages('GET /remittances', { query: { districtId }, pageSize: 50 });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card m-batches" aria-label={title ?? t('m_batches')}>
      <h2>{title ?? t('m_batches')}</h2>
      {pages.error ? <ErrorMessage error={pages.error} onRetry={() => void pages.refetch()} /> : null}
      {pages.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{t('m_no_batches')}</Empty>
      ) : (
        <table className="d-rtable m-table">
          <thead>
            <tr>
              <th>{t('m_handed_over_on')}</th>
              <th>{t('m_from')}</th>
              <th>{t('m_to')}</th>
              <th className="num">{t('m_count')}</th>
              <th className="num">{t('m_declared')}</th>
              <th>{t('m_check')}</th>
              <th>
                <span className="m-sr-only">{t('m_open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.id} className={b.flagged ? 'm-row-flagged' : undefined} data-batch={b.id}>
                <td data-label={t('m_handed_over_on')}>{fmt(b.handedOverOn)}</td>
                <td data-label={t('m_from')}>
                  {office(b.fromOfficeId)}
                  <span className="d-sub">
                    <LevelBadge level={b.level} />
                  </span>
                </td>
                <td data-label={t('m_to')}>{office(b.toOfficeId)}</td>
                <td data-label={t('m_count')} className="num">
                  {b.repaymentCount}
                </td>
                <td data-label={t('m_declared')} className="num">
                  {yuan(b.amountFen)}
                </td>
                <td data-label={t('m_check')}>
                  <FlagBadge batch={b} />
                </td>
                <td>
                  <Link className="button secondary" to={`/remittances/${b.id}`}>
                    {t('m_open')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages.hasNextPage && (
        <div className="d-more">
          <button type="button" className="secondary" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {t('m_load_more')}
          </button>
        </div>
      )}
    </section>
  );
}
