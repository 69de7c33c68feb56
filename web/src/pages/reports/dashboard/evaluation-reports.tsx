/** The evaluation reports on the dashboard: per district, reports due, overdue, submitted and received (the list is under #/evaluation-reports). */
import '../../../i18n/zh-CN.evaluation-reports.ts';
import { useRead } from '../../../api/queries.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { Link } from '../../../router.tsx';
import { Empty } from '../../../ui/feedback.tsx';

export function EvaluationReportsDue({ asOf, nameOf }: { asOf?: string; nameOf: (id: string) => string }) {
  const { t } = useI18n();
  const due = useRead('GET /evaluation-reports/due', { query: asOf ? { asOf } : {} });
  const districts = (due.data?.districts ?? []).filter((d) => d.rows.length > 0);
  return (
    <section className="card" data-card="evaluation-reports">
      <h2>{t('er_card_title')}</h2>
      <p className="muted c-note">{t('er_card_note')}</p>
      {due.data && districts.length === 0 && <Empty>{t('er_none')}</Empty>}
      {districts.length > 0 && (
        <table className="c-table" aria-label={t('er_card_title')}>
          <thead>
            <tr>
              <th>{t('er_district')}</th>
              <th className="num">{t('er_col_due')}</th>
              <th className="num">{t('er_col_overdue')}</th>
              <th className="num">{t('er_col_submitted')}</th>
              <th className="num">{t('er_col_received')}</th>
            </tr>
          </thead>
          <tbody>
            {districts.map((d) => (
              <tr key={d.districtId} data-district={d.districtId} className={d.counts.overdue > 0 ? 'c-warn' : undefined}>
                <td>{nameOf(d.districtId)}</td>
                <td className="num" data-count="due">
                  {d.counts.due}
                </td>
                <td className="num" data-count="overdue">
                  {d.counts.overdue > 0 ? <strong>{d.counts.overdue}</strong> : 0}
                </td>
                <td className="num" data-count="submitted">
                  {d.counts.submitted}
                </td>
                <td className="num" data-count="received">
                  {d.counts.received}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to="/evaluation-reports">{t('er_card_all')} →</Link>
      </p>
    </section>
  );
}
