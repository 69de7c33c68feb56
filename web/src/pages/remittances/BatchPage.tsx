/**
 * One remittance batch: who handed what to whom and when, the cash counted against the
 * repayments carried, each repayment and where it is now, and the history. It prints as the
 * hand-over slip both sides sign (the app's chrome and buttons are left off the paper).
 */
import { useAuth } from '../../auth.tsx';
import { useRead } from '../../api/queries.ts';
import { fenInCapitals, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Loaded } from '../../ui/feedback.tsx';
import { HistoryList } from '../../ui/history.tsx';
import { Person } from '../../ui/person.tsx';
import { BackLink, Facts, Section, useDate } from '../../ui/layout.tsx';
import { FlagBadge, LevelBadge, useOfficeLabel, type BatchFile } from './parts.tsx';

export function BatchPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const batch = useRead('GET /remittances/{id}', { params: { id } });
  return (
    <div className="d-page m-page m-batch">
      <BackLink to={session?.role === 'committee' ? '/reconciliation' : '/remittances'} label={t(session?.role === 'committee' ? 'm_recon_title' : 'm_back')} />
      <Loaded query={batch}>{(b) => <BatchView batch={b} />}</Loaded>
    </div>
  );
}

function BatchView({ batch }: { batch: BatchFile }) {
  const { t } = useI18n();
  const fmt = useDate();
  const office = useOfficeLabel();
  return (
    <>
      <div className="row d-title">
        <h1>
          {t('m_batch_title', { date: fmt(batch.handedOverOn) })} <FlagBadge batch={batch} />
        </h1>
        <button type="button" className="secondary no-print" onClick={() => window.print()}>
          {t('m_print')}
        </button>
      </div>
      <p className="muted d-subtitle">
        <LevelBadge level={batch.level} /> {office(batch.fromOfficeId)} → {office(batch.toOfficeId)}
      </p>

      <div className="d-kpis m-kpis">
        <div className="kpi">
          <div className="label">{t('m_declared')}</div>
          <div className="value" data-testid="declared">
            {yuan(batch.amountFen)}
          </div>
          <div className="muted m-capitals">{fenInCapitals(batch.amountFen)}</div>
        </div>
        <div className="kpi">
          <div className="label">{t('m_sum')}</div>
          <div className="value">{yuan(batch.sumOfRepaymentsFen)}</div>
        </div>
        <div className={`kpi ${batch.flagged ? 'd-kpi-bad' : ''}`}>
          <div className="label">{t('m_difference')}</div>
          <div className="value" data-testid="difference">
            {yuan(batch.differenceFen)}
          </div>
        </div>
      </div>

      <Section title={t('m_handover_facts')}>
        <Facts
          rows={[
            [t('m_from'), office(batch.fromOfficeId)],
            [t('m_to'), office(batch.toOfficeId)],
            [t('m_handed_over_on'), fmt(batch.handedOverOn)],
            [t('m_count'), t('m_count_n', { n: batch.repaymentCount })],
            [t('m_handed_over_by'), batch.handedOverBy],
            [t('m_received_by'), batch.receivedBy],
            ...(batch.note ? ([[t('m_note_label'), batch.note]] as [string, string][]) : []),
            [t('m_recorded_by'), <Person key="p" who={batch.recordedBy} />],
          ]}
        />
      </Section>

      <Section title={t('m_repayments')}>
        <table className="d-rtable m-table">
          <thead>
            <tr>
              <th>{t('m_paid_on')}</th>
              <th>{t('m_village')}</th>
              <th>{t('m_receipt')}</th>
              <th className="num">{t('m_amount')}</th>
              <th>{t('m_where_now')}</th>
            </tr>
          </thead>
          <tbody>
            {batch.repayments.map((r) => (
              <tr key={r.id}>
                <td data-label={t('m_paid_on')}>{fmt(r.paidOn)}</td>
                <td data-label={t('m_village')}>{office(r.villageId)}</td>
                <td data-label={t('m_receipt')}>
                  <span className="receipt-no">{r.receiptNo ?? '—'}</span>
                </td>
                <td data-label={t('m_amount')} className="num">
                  {yuan(r.amountFen)}
                </td>
                <td data-label={t('m_where_now')}>{r.remittanceState ? t(`m_state_${r.remittanceState}`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="m-signatures">{t('m_signatures')}</p>
      </Section>

      <Section title={t('m_history')}>
        <HistoryList events={batch.history} />
      </Section>
    </>
  );
}
