/**
 * 催收: what a township collects on collection day (`GET /reports/collection`), village by
 * village: the loans due this month and those overdue, with balances and totals, and the link
 * that prints the list (`#/collection?townshipId=&asOf=`). A district office chooses the
 * township; a township sees its own. The day defaults to today.
 */
import '../../i18n/zh-CN.district.ts';
import '../../i18n/zh-CN.find.ts';
import { useRead } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { collectionSheet, type CollectionSheetVillage } from '../../print/collection.ts';
import { Link, navigate, hrefOf } from '../../router.tsx';
import { Empty, Loaded } from '../../ui/feedback.tsx';
import { useOfficeName, useOffices } from '../../ui/offices.tsx';
import { Section, useDate } from '../../ui/layout.tsx';
import { NoticeSection } from './NoticeSection.tsx';

export const COLLECTION_PAGE = '/collection-day';

export function CollectionPage({ route }: PageProps) {
  const { t } = useI18n();
  const { session } = useAuth();
  const { offices } = useOffices();
  const officeName = useOfficeName();
  const today = todayIso();
  const own = session?.role === 'township' ? session.officeId : undefined;
  const townships = (offices ?? []).filter((o) => o.level === 'township');
  // a district office starts on its first township
  const townshipId = own ?? (route.query.get('townshipId') || townships[0]?.id || '');
  const asked = route.query.get('asOf') ?? '';
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked <= today ? asked : today;
  const report = useRead('GET /reports/collection', { query: { townshipId, asOf }, enabled: townshipId !== '' });
  const set = (patch: { townshipId?: string; asOf?: string }) => navigate(hrefOf(COLLECTION_PAGE, { townshipId: own ? undefined : townshipId, asOf, ...patch }));

  return (
    <div className="d-page">
      <div className="row d-title">
        <h1>{t('s_collection_title')}</h1>
        {townshipId && (
          <Link className="button" to={hrefOf('/collection', { townshipId, asOf })}>
            {t('s_print_list')}
          </Link>
        )}
      </div>
      <p className="muted">{t('s_collection_intro')}</p>
      <div className="filters d-filters">
        {own ? null : (
          <label className="field">
            <span className="label">{t('s_township')}</span>
            <select value={townshipId} onChange={(e) => set({ townshipId: e.target.value })}>
              {!townshipId && <option value="">{t('s_choose_township')}</option>}
              {townships.map((o) => (
                <option key={o.id} value={o.id}>
                  {officeName(o.id)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span className="label">{t('s_as_of')}</span>
          <input
            type="date"
            value={asOf}
            max={today}
            onChange={(e) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) set({ asOf: e.target.value });
            }}
          />
        </label>
      </div>
      {!townshipId ? <Empty>{t('s_choose_township')}</Empty> : <Loaded query={report}>{(data) => <Sheet sheet={collectionSheet(data)} />}</Loaded>}
      {townshipId && <NoticeSection key={townshipId} townshipId={townshipId} day={today} />}
    </div>
  );
}

function Sheet({ sheet }: { sheet: ReturnType<typeof collectionSheet> }) {
  const { t } = useI18n();
  if (sheet.villages.length === 0) return <Empty>{t('s_nothing_to_collect')}</Empty>;
  return (
    <>
      <div className="d-kpis">
        <div className="kpi">
          <div className="label">{t('s_due_this_month')}</div>
          <div className="value">{yuan(sheet.totals.dueFen)}</div>
        </div>
        <div className={`kpi ${sheet.totals.overdueFen > 0 ? 'd-kpi-bad' : ''}`}>
          <div className="label">{t('s_overdue')}</div>
          <div className="value">{yuan(sheet.totals.overdueFen)}</div>
        </div>
        <div className="kpi">
          <div className="label">{t('s_to_collect')}</div>
          <div className="value" data-testid="to-collect">
            {yuan(sheet.totals.toCollectFen)}
          </div>
        </div>
        <div className="kpi">
          <div className="label">{t('s_total')}</div>
          <div className="value">{t('s_loans_n', { n: sheet.totals.loans })}</div>
        </div>
      </div>
      {sheet.villages.map((v) => (
        <VillageList key={v.officeId} village={v} />
      ))}
    </>
  );
}

function VillageList({ village }: { village: CollectionSheetVillage }) {
  const { t } = useI18n();
  const fmt = useDate();
  const officeName = useOfficeName();
  const { totals } = village;
  return (
    <Section title={officeName(village.officeId)}>
      <p className="muted s-village-totals">
        {t('s_due_this_month')} {yuan(totals.dueFen)} · {t('s_overdue')} {yuan(totals.overdueFen)} · {t('s_to_collect')} <strong>{yuan(totals.toCollectFen)}</strong>
      </p>
      <table className="d-rtable" aria-label={officeName(village.officeId)}>
        <thead>
          <tr>
            <th>{t('s_mother')}</th>
            <th>{t('s_due_on')}</th>
            <th className="num">{t('s_balance')}</th>
            <th>{t('s_state')}</th>
          </tr>
        </thead>
        <tbody>
          {village.loans.map((l) => (
            <tr key={l.loanId} data-id={l.loanId} className={l.state === 'overdue' ? 'd-row-overdue' : ''}>
              <td data-label={t('s_mother')} className="d-cell-main">
                <Link to={`/loans/${l.loanId}`} className="d-name">
                  {l.motherName}
                </Link>
                {l.agreementNo && <span className="d-id">{l.agreementNo}</span>}
              </td>
              <td data-label={t('s_due_on')}>{fmt(l.dueOn)}</td>
              <td data-label={t('s_balance')} className="num">
                <strong>{yuan(l.balanceFen)}</strong>
              </td>
              <td data-label={t('s_state')}>
                {l.state === 'overdue' ? (
                  // one badge that says it all ("逾期 730 天"), not the status and then the days again
                  <span className="badge badge-overdue d-overdue-days">{t('d_days_overdue', { n: l.daysPastDue })}</span>
                ) : (
                  <span className="badge badge-active">{t('s_due_this_month')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
