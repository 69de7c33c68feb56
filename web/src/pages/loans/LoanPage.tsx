/**
 * One loan: what is owed and when, the agreement, the disbursement to the mother in person,
 * repayments, the evaluation schedule (each open evaluation links to its form, for field staff
 * and the district office, due or not) and the history. Money moves only after a confirmation
 * and with an Idempotency-Key kept across retries of the same submission.
 */
import '../../i18n/zh-CN.district.ts';
import '../../i18n/zh-CN.find.ts';
import '../../i18n/zh-CN.edges.ts';
import { Person } from '../../ui/person.tsx';
import { useState, type ReactNode } from 'react';
import { call } from '../../api/client.ts';
import { useLoad } from '../../api/queries.ts';
import type { PageProps } from '../../paths.ts';
import { useAuth } from '../../auth.tsx';
import { maskId, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { StatusBadge } from '../../ui/feedback.tsx';
import { ConfirmationBadge, confirmationOf } from '../../ui/confirmation.tsx';
import { AgreementSection } from './AgreementSection.tsx';
import { DisbursementSection } from './DisbursementSection.tsx';
import { RepaymentsSection } from './RepaymentsSection.tsx';
import { WriteOffSection } from './WriteOffSection.tsx';
import { SmsSection } from './SmsSection.tsx';
import { Balance } from './balance.tsx';
import { useOfficeName } from '../../ui/offices.tsx';
import { BackLink, Facts, Loaded, Section, useDate } from '../../ui/layout.tsx';
import { HistoryList } from '../../ui/history.tsx';
import { shownStatus } from './LoansPage.tsx';
import type { LoanDetail, Round } from '../../api/records.ts';

export function LoanPage({ id }: PageProps) {
  const state = useLoad(['GET /loans/{id}', { id }, 'with-round'], async (signal) => {
    const loan = await call('GET /loans/{id}', { params: { id }, signal });
    const round = await call('GET /rounds/{id}', { params: { id: loan.roundId }, signal }).catch(() => undefined);
    return { loan, round };
  });
  return (
    <div className="d-page">
      <Loaded state={state}>{({ loan, round }) => <LoanView loan={loan} round={round} />}</Loaded>
    </div>
  );
}

function LoanView({ loan, round }: { loan: LoanDetail; round?: Round }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const role = session?.role;
  const fmt = useDate();
  const officeName = useOfficeName();
  const [showId, setShowId] = useState(false);
  const status = shownStatus(loan);
  const today = todayIso();

  return (
    <>
      <BackLink to="/loans" label={t('d_back_to_loans')} />
      <div className="row d-title">
        <h1>
          {loan.mother.name} <StatusBadge status={status} />
          {loan.status === 'approved' && <ConfirmationBadge state={confirmationOf(loan)} />}
        </h1>
        <div className="d-title-actions">
          <Link className="button secondary" to={`/loans/${loan.id}/agreement`}>
            {t('d_print_agreement')}
          </Link>
          {loan.disbursement && (
            <Link className="button secondary" to={`/loans/${loan.id}/card`}>
              {t('s_repayment_card')}
            </Link>
          )}
          {loan.source === 'ledger' ? (
            <span className="badge s-from-ledger" title={t('s_from_ledger_hint')}>
              {t('s_from_ledger')}
            </span>
          ) : (
            <Link className="button secondary" to={`/applications/${loan.applicationId}`}>
              {t('d_open_application')}
            </Link>
          )}
        </div>
      </div>
      {loan.status === 'approved' && loan.confirmation?.status === 'returned' && loan.confirmation.reason && (
        <p className="cf-reason" role="note">
          {t('p_conf_returned_because', { reason: loan.confirmation.reason })}
        </p>
      )}
      <p className="muted d-subtitle">
        {officeName(loan.villageId)} · {officeName(loan.townshipId)} · {round?.name ?? loan.roundId}
      </p>

      <div className="d-kpis">
        <div className="kpi">
          <div className="label">{t('d_principal')}</div>
          <div className="value">{yuan(loan.principalFen)}</div>
        </div>
        <div className="kpi">
          <div className="label">{t('d_repaid')}</div>
          <div className="value">{yuan(loan.repaidFen)}</div>
        </div>
        <div className="kpi">
          <div className="label">{t('d_balance')}</div>
          <div className="value" data-testid="balance">
            <Balance loan={loan} />
          </div>
        </div>
        <div className={`kpi ${loan.daysPastDue > 0 ? 'd-kpi-bad' : ''}`}>
          <div className="label">{t('d_due_on')}</div>
          <div className="value d-value-date">{loan.dueOn ? fmt(loan.dueOn) : t('d_after_disbursement', { n: loan.termMonths })}</div>
          {loan.daysPastDue > 0 && <div className="d-overdue-days">{t('d_days_overdue', { n: loan.daysPastDue })}</div>}
        </div>
      </div>

      <Section title={t('d_loan_facts')}>
        <Facts
          rows={[
            [
              t('d_resident_id'),
              <span key="id" className="d-idline">
                <span className="d-mono">{showId ? loan.mother.residentId : maskId(loan.mother.residentId)}</span>
                <button type="button" className="link" onClick={() => setShowId(!showId)}>
                  {showId ? t('d_hide') : t('d_show')}
                </button>
              </span>,
            ],
            [t('d_household_size'), t('d_persons', { n: loan.householdSize })],
            [t('d_approved_on'), fmt(loan.approvedOn)],
            [t('d_term'), t('d_months', { n: loan.termMonths })],
            [t('d_disbursed_on'), fmt(loan.disbursement?.disbursedOn)],
            ...(loan.repaidOn ? ([[t('d_repaid_on'), fmt(loan.repaidOn)]] as [string, string][]) : []),
            ...(loan.writeOff ? ([[t('d_written_off'), `${fmt(loan.writeOff.writtenOffOn)} · ${yuan(loan.writeOff.amountFen)} · ${loan.writeOff.reason}`]] as [string, string][]) : []),
            ...(loan.fieldOfficer ? ([[t('d_field_officer'), <Person key="p" who={loan.fieldOfficer} />]] as [string, ReactNode][]) : []),
          ]}
        />
      </Section>

      <AgreementSection loan={loan} role={role} />
      <DisbursementSection loan={loan} role={role} />
      <RepaymentsSection loan={loan} role={role} />
      <WriteOffSection loan={loan} role={role} />
      <SmsSection loan={loan} role={role} />

      <Section title={t('d_evaluation_schedule')}>
        {loan.evaluationSchedule.length === 0 ? (
          <p className="muted">{t('d_schedule_after_disbursement')}</p>
        ) : (
          <table className="d-rtable">
            <thead>
              <tr>
                <th>{t('d_evaluation_kind')}</th>
                <th>{t('d_due_on')}</th>
                <th>{t('d_state')}</th>
              </tr>
            </thead>
            <tbody>
              {loan.evaluationSchedule.map((s, i) => {
                const done = loan.evaluations.find((e) => e.id === s.evaluationId);
                // the API records an evaluation in the first open slot of its kind: link that one
                const firstOpen = !s.evaluationId && loan.evaluationSchedule.findIndex((o) => o.kind === s.kind && !o.evaluationId) === i;
                const canEvaluate = firstOpen && !!loan.disbursement && (role === 'field' || role === 'district');
                return (
                  <tr key={`${s.kind}-${s.dueOn}`}>
                    <td data-label={t('d_evaluation_kind')}>{t(`d_eval_${s.kind}`)}</td>
                    <td data-label={t('d_due_on')}>{fmt(s.dueOn)}</td>
                    <td data-label={t('d_state')}>
                      {done ? (
                        <span className="d-pass">✓ {t('d_evaluated_on', { date: fmt(done.evaluatedOn) })}</span>
                      ) : s.dueOn < today ? (
                        <span className="d-fail">✗ {t('d_evaluation_overdue')}</span>
                      ) : (
                        <span className="muted">{t('d_evaluation_upcoming')}</span>
                      )}
                      {canEvaluate && (
                        <Link className="button d-evaluate" to={`/evaluate/${loan.id}?kind=${s.kind}`} aria-label={`${t('d_evaluate_now')}: ${t(`d_eval_${s.kind}`)}`}>
                          {t('d_evaluate_now')}
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>

      <Section title={t('d_evaluations')}>
        {loan.evaluations.length === 0 ? (
          <p className="muted">{t('d_no_evaluations')}</p>
        ) : (
          <ul className="list">
            {[...loan.evaluations]
              .sort((a, b) => a.evaluatedOn.localeCompare(b.evaluatedOn))
              .map((e) => (
                <li key={e.id}>
                  <div className="row">
                    <strong>
                      {t(`d_eval_${e.kind}`)} · {fmt(e.evaluatedOn)}
                    </strong>
                    <span className="muted">
                      <Person who={e.recordedBy} />
                    </span>
                  </div>
                  <Facts
                    rows={[
                      [t('d_fund_use'), e.fundUse],
                      [t('d_progress'), e.progress],
                      [t('d_operating_state'), e.operatingState],
                      [t('d_income_to_date'), yuan(e.incomeToDateFen)],
                      [t('d_forecast'), yuan(e.forecastFen)],
                      ...(e.problems ? ([[t('d_problems'), e.problems]] as [string, string][]) : []),
                      ...(e.leftPoverty !== undefined ? ([[t('d_left_poverty'), e.leftPoverty ? t('d_yes') : t('d_no')]] as [string, string][]) : []),
                    ]}
                  />
                </li>
              ))}
          </ul>
        )}
      </Section>

      <Section title={t('d_history')}>
        <HistoryList events={loan.history} />
      </Section>
    </>
  );
}
