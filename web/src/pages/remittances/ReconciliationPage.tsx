/**
 * Committee (and a district for its own townships): the hand-off reconciliation
 * (`GET /reports/remittances`) as of a day, for every district or one — what mothers paid, what
 * each office handed on and still holds, the cash counted against the repayments carried —
 * with every difference marked, the flagged batches, the CSV file, and the batches by district.
 * The server has no action to settle a difference: a batch is corrected on paper and a new
 * batch is recorded, so this page only shows.
 */
import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/routes.ts';
import { useRead } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { DownloadButton } from '../../ui/download.tsx';
import { Loaded } from '../../ui/feedback.tsx';
import { DistrictFilter } from '../../ui/offices.tsx';
import { BatchList, differenceText, FlagBadge, useOfficeLabel } from './parts.tsx';
import { useDate } from '../../ui/layout.tsx';
import { useMarks } from '../../i18n/marks.ts';

type Reconciliation = ResponseOf<'GET /reports/remittances'>;
type Row = Reconciliation['rows'][number];

export function ReconciliationPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const today = todayIso();
  const [asOf, setAsOf] = useState(today);
  const committee = session?.role === 'committee';
  const [districtId, setDistrictId] = useState('');
  const query = { asOf: asOf || today, districtId: districtId || undefined };
  const report = useRead('GET /reports/remittances', { query });

  return (
    <div className="d-page m-page m-recon">
      <h1>{t('m_recon_title')}</h1>
      <p className="muted">{t('m_recon_intro')}</p>
      <div className="filters m-filters">
        <label className="field">
          <span className="label">{t('m_as_of')}</span>
          <input type="date" value={asOf} max={today} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        {committee && <DistrictFilter value={districtId} onChange={setDistrictId} label={t('m_district')} allLabel={t('m_all_districts')} />}
        <DownloadButton route="GET /reports/remittances" query={{ ...query, format: 'csv' }} filename={`还款上缴对账表-${query.asOf}.csv`} label={t('m_csv')} />
      </div>
      <Loaded query={report}>{(r) => <ReportView report={r} />}</Loaded>
      {committee ? <BatchList districtId={districtId || undefined} title={t('m_batches_of_district')} /> : <BatchList />}
    </div>
  );
}

/** A row is off when its cash counted differs from its repayments, or it received other than what was handed to it. */
const isOff = (r: Row) => r.differenceFen !== 0 || r.reconciles === false;

function ReportView({ report }: { report: Reconciliation }) {
  const { t } = useI18n();
  const mk = useMarks();
  const fmt = useDate();
  const office = useOfficeLabel();
  const { totals } = report;
  const clean = totals.unaccountedFen === 0 && totals.differenceFen === 0 && totals.flaggedBatches === 0 && !report.rows.some(isOff);
  const figures: [string, number, boolean][] = [
    [t('m_total_collected'), totals.collectedFen, false],
    [t('m_total_held_townships'), totals.heldByTownshipsFen, false],
    [t('m_total_held_districts'), totals.heldByDistrictsFen, false],
    [t('m_total_remitted'), totals.remittedToCommitteeFen, false],
    [t('m_total_unaccounted'), totals.unaccountedFen, totals.unaccountedFen !== 0],
    [t('m_total_difference'), totals.differenceFen, totals.differenceFen !== 0],
  ];
  return (
    <>
      <section className="card m-totals" aria-label={t('m_totals')}>
        <h2>{t('m_totals')}</h2>
        {clean ? (
          <p className="notice-ok">{t('m_all_reconciles')}</p>
        ) : (
          <p className="error" role="status">
            {[
              t('m_not_reconciled'),
              ...(totals.flaggedBatches ? [t('m_nr_flagged', { n: totals.flaggedBatches })] : []),
              ...(totals.unaccountedFen ? [t('m_nr_unaccounted', { amount: yuan(totals.unaccountedFen) })] : []),
            ].join(' · ')}
          </p>
        )}
        <dl className="m-figures">
          {figures.map(([label, fen, bad]) => (
            <div key={label} className={bad ? 'm-off' : undefined}>
              <dt>{label}</dt>
              <dd>{yuan(fen)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card" aria-label={t('m_recon_title')}>
        <h2>
          {t('m_recon_title')} · {fmt(report.asOf)}
        </h2>
        <table className="d-rtable m-table m-recon-table">
          <thead>
            <tr>
              <th>{t('m_office')}</th>
              <th className="num">{t('m_collected')}</th>
              <th className="num">{t('m_received')}</th>
              <th className="num">{t('m_handed_on')}</th>
              <th className="num">{t('m_declared_handed_on')}</th>
              <th className="num">{t('m_held')}</th>
              <th>{t('m_check')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.officeId} className={`m-level-${r.level} ${isOff(r) ? 'm-row-off' : ''}`} data-office={r.officeId}>
                <td data-label={t('m_office')}>
                  <strong>{office(r.officeId) === '—' ? r.name : office(r.officeId)}</strong>
                  <span className="d-sub">{t(`m_level_${r.level}`)}</span>
                </td>
                <td data-label={t('m_collected')} className="num">
                  {r.level === 'township' ? yuan(r.collectedFen) : '—'}
                </td>
                <td data-label={t('m_received')} className="num">
                  {r.level === 'township' ? '—' : yuan(r.receivedFen)}
                </td>
                <td data-label={t('m_handed_on')} className="num">
                  {r.level === 'committee' ? '—' : yuan(r.handedOnFen)}
                </td>
                <td data-label={t('m_declared_handed_on')} className={`num ${r.differenceFen !== 0 ? 'm-cell-off' : ''}`}>
                  {r.level === 'committee' ? '—' : yuan(r.declaredHandedOnFen)}
                </td>
                <td data-label={t('m_held')} className="num">
                  {yuan(r.heldFen)}
                </td>
                <td data-label={t('m_check')} className="m-check">
                  {!isOff(r) ? (
                    <span className="d-pass">✓</span>
                  ) : (
                    <span className="d-fail">
                      {r.differenceFen !== 0 && <span className="m-diff">✗ {differenceText(r.differenceFen, t)}</span>}
                      {r.reconciles === false && (
                        <span className="m-diff">
                          ✗ {t('m_reconciles_no')}
                          {mk.aside(`${t('m_handed_here')} ${yuan(r.handedHereFen)}`)}
                        </span>
                      )}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card m-flagged" aria-label={t('m_flagged_batches')}>
        <h2>{t('m_flagged_batches')}</h2>
        {report.flaggedBatches.length === 0 ? (
          <p className="muted">{t('m_none_flagged')}</p>
        ) : (
          <ul className="list">
            {report.flaggedBatches.map((b) => (
              <li key={b.id} data-batch={b.id}>
                <div className="row">
                  <strong>
                    {fmt(b.handedOverOn)} · {office(b.fromOfficeId)} → {office(b.toOfficeId)}
                  </strong>
                  <FlagBadge batch={b} />
                </div>
                <div className="row">
                  <span className="muted">
                    {t('m_declared')} {yuan(b.amountFen)} · {t('m_sum')} {yuan(b.sumOfRepaymentsFen)}
                  </span>
                  <Link className="button secondary" to={`/remittances/${b.id}`}>
                    {t('m_open')}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
