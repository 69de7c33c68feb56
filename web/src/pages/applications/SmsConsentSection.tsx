/**
 * Her choice about text messages on her application, before a loan exists: what she chose on
 * the application or consent form, on which number, who recorded it and when; field staff,
 * township and district record a change (`POST /applications/{id}/sms-preference`) with the
 * loan page's own form (web/src/ui/sms-preference.tsx). Once approved, her choice goes with the
 * application into her loan, and is changed there.
 */
import type { ApplicationDetail } from '../../api/records.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { Section } from '../../ui/layout.tsx';
import { SmsChoice, SmsPreferenceForm } from '../../ui/sms-preference.tsx';

export function SmsConsentSection({ app, role }: { app: ApplicationDetail; role?: string }) {
  const { t } = useI18n();
  const sms = app.mother.sms;
  const canChange = (role === 'township' || role === 'field' || role === 'district') && !app.loanId && !app.anonymisedOn && app.status !== 'rejected';
  return (
    <Section title={t('sms_section')} id="sms">
      <p className="muted d-small">{t('sms_app_hint')}</p>
      <SmsChoice preference={sms && { ...sms, changedBy: sms.changedBy && (sms.changedBy.displayName ?? sms.changedBy.username) }} phone={app.mother.phone} />
      {app.loanId ? (
        <p className="muted">
          <Link to={`/loans/${app.loanId}#sms`}>{t('sms_app_on_loan')}</Link>
        </p>
      ) : (
        canChange && <SmsPreferenceForm on="application" id={app.id} current={sms} />
      )}
    </Section>
  );
}
