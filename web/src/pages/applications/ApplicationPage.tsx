/**
 * One application, in the order the work is done: the mother and her plan, the public notice
 * and objections, the household visits, the screening rule by rule, and the decision.
 */
import '../../i18n/zh-CN.district.ts';
import '../../i18n/zh-CN.personal-data.ts';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useLoad } from '../../api/queries.ts';
import type { PageProps } from '../../paths.ts';
import { useAuth } from '../../auth.tsx';
import { maskId, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link, hrefOf } from '../../router.tsx';
import { StatusBadge } from '../../ui/feedback.tsx';
import { DecisionSection } from './DecisionSection.tsx';
import { NoticeSection } from './NoticeSection.tsx';
import { ObjectionsSection } from './ObjectionsSection.tsx';
import { ScreeningSection } from './ScreeningSection.tsx';
import { SmsConsentSection } from './SmsConsentSection.tsx';
import { VisitsSection } from './VisitsSection.tsx';
import { useOfficeName } from '../../ui/offices.tsx';
import { BackLink, Facts, Loaded, Section, useDate } from '../../ui/layout.tsx';
import { HistoryList } from '../../ui/history.tsx';
import type { ApplicationDetail, Round } from '../../api/records.ts';

export function ApplicationPage({ id }: PageProps) {
  const state = useLoad(['GET /applications/{id}', { id }, 'with-round'], async (signal) => {
    const app = await call('GET /applications/{id}', { params: { id }, signal });
    const round = await call('GET /rounds/{id}', { params: { id: app.roundId }, signal }).catch(() => undefined);
    return { app, round };
  });
  return (
    <div className="d-page">
      <Loaded state={state}>{({ app, round }) => <ApplicationView app={app} round={round} />}</Loaded>
    </div>
  );
}

function ApplicationView({ app, round }: { app: ApplicationDetail; round?: Round }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const role = session?.role;
  const officeName = useOfficeName();
  const fmt = useDate();
  const [showId, setShowId] = useState(false);
  const open = app.status === 'submitted';
  const perCapita = Math.floor(app.householdAnnualIncomeFen / app.householdSize);

  return (
    <>
      <BackLink to={hrefOf('/applications', { roundId: app.roundId })} label={t('d_back_to_queue')} />
      <div className="row d-title">
        <h1>
          {app.mother.name} <StatusBadge status={app.status} />
        </h1>
        {app.loanId && (
          <Link className="button" to={`/loans/${app.loanId}`}>
            {t('d_open_loan')}
          </Link>
        )}
        {role === 'district' && (
          <Link className="button secondary" to={`/personal-data/${app.id}`}>
            {t('pd_open')}
          </Link>
        )}
      </div>
      <p className="muted d-subtitle">
        {officeName(app.villageId)} · {officeName(app.townshipId)} · {round?.name ?? app.roundId} · {t('d_submitted_on')} {fmt(app.submittedOn)}
      </p>

      <div className="grid two">
        <Section title={t('d_mother_and_household')}>
          <Facts
            rows={[
              [t('d_mother_name'), app.mother.name],
              [
                t('d_resident_id'),
                <span key="id" className="d-idline">
                  <span className="d-mono">{showId ? app.mother.residentId : maskId(app.mother.residentId)}</span>
                  <button type="button" className="link" onClick={() => setShowId(!showId)}>
                    {showId ? t('d_hide') : t('d_show')}
                  </button>
                </span>,
              ],
              [t('d_phone'), app.mother.phone ?? '—'],
              [
                t('d_consent'),
                <span key="consent">
                  {app.consent ? t('d_consent_line', { date: fmt(app.consent.givenOn), name: app.consent.takenBy }) : '—'} <Link to={`/consent?applicationId=${app.id}`}>{t('d_consent_print')}</Link>
                </span>,
              ],
              [t('d_household_size'), t('d_persons', { n: app.householdSize })],
              [t('d_household_income'), yuan(app.householdAnnualIncomeFen)],
              [t('d_per_capita_income'), `${yuan(perCapita)} / ${t('d_village_avg')} ${yuan(app.villagePerCapitaIncomeFen)}`],
              [t('d_family_planning'), t(`d_fp_${app.familyPlanning}`)],
            ]}
          />
        </Section>
        <Section title={t('d_project_and_amount')}>
          <Facts
            rows={[
              [t('d_project_type'), t(`d_pt_${app.project.type}`)],
              [t('d_project_description'), app.project.description],
              [t('d_expected_return'), yuan(app.project.expectedAnnualReturnFen)],
              [t('d_amount_requested'), <strong key="a">{yuan(app.amountRequestedFen)}</strong>],
              ...(round ? ([[t('d_round_range'), `${yuan(round.minLoanFen)} – ${yuan(round.maxLoanFen)}`]] as [string, string][]) : []),
            ]}
          />
        </Section>
      </div>

      <SmsConsentSection app={app} role={role} />
      <NoticeSection app={app} round={round} role={role} open={open} />
      <ObjectionsSection app={app} role={role} open={open} />
      <VisitsSection app={app} role={role} open={open} />
      <ScreeningSection app={app} role={role} open={open} />
      <DecisionSection app={app} round={round} role={role} />

      <Section title={t('d_earlier_loans')}>
        {app.earlierLoans.length === 0 && !app.earlierLoansElsewhere ? (
          <p className="muted">{t('d_no_earlier_loans')}</p>
        ) : (
          <table className="d-rtable">
            <thead>
              <tr>
                <th>{t('d_loan')}</th>
                <th className="num">{t('d_principal')}</th>
                <th>{t('d_disbursed_on')}</th>
                <th>{t('d_repaid_on')}</th>
                <th>{t('d_status')}</th>
              </tr>
            </thead>
            <tbody>
              {app.earlierLoans.map((l) => (
                <tr key={l.id}>
                  <td data-label={t('d_loan')}>
                    <Link to={`/loans/${l.id}`}>{l.id.slice(-8)}</Link>
                  </td>
                  <td data-label={t('d_principal')} className="num">
                    {yuan(l.principalFen)}
                  </td>
                  <td data-label={t('d_disbursed_on')}>{fmt(l.disbursedOn)}</td>
                  <td data-label={t('d_repaid_on')}>{fmt(l.repaidOn)}</td>
                  <td data-label={t('d_status')}>
                    <StatusBadge status={l.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {app.earlierLoansElsewhere && (
          <p className="muted" data-testid="earlier-elsewhere">
            {t(app.earlierLoansElsewhere.allRepaid ? 'd_earlier_elsewhere_repaid' : 'd_earlier_elsewhere_open', { n: app.earlierLoansElsewhere.count })}
          </p>
        )}
      </Section>

      <Section title={t('d_history')}>
        <HistoryList events={app.history} />
      </Section>
    </>
  );
}
