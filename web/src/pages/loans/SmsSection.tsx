/**
 * The mother's text messages on her loan file (`GET /loans/{id}/messages`): her choice (agreed
 * or stopped, in which language, who recorded it and why), her number (masked for the committee
 * and field staff), why nothing is sent to her when nothing can be, and every message with its
 * state (waiting for the morning, sent, delivered, failed with the provider's reason). Field
 * staff, township and district change her choice or her number (`POST /loans/{id}/sms-preference`),
 * with a reason; she can stop them at any time (the choice and its form: web/src/ui/sms-preference.tsx,
 * shared with her application's page).
 */
import '../../i18n/zh-CN.sms.ts';
import './sms-section.css';
import { useRead } from '../../api/queries.ts';
import { moment } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Loaded } from '../../ui/feedback.tsx';
import { Section } from '../../ui/layout.tsx';
import { SmsChoice, SmsPreferenceForm, smsLangKey } from '../../ui/sms-preference.tsx';
import type { SectionProps } from './props.ts';

const REFUSALS = ['throttled', 'unreachable', 'template_not_approved', 'invalid_number', 'refused'] as const;

export function SmsSection({ loan, role }: SectionProps) {
  const { t, lang } = useI18n();
  const q = useRead('GET /loans/{id}/messages', { params: { id: loan.id } });
  const canChange = role === 'township' || role === 'field' || role === 'district';
  return (
    <Section title={t('sms_section')} id="sms">
      <Loaded query={q}>
        {(m) => (
          <div className="sms-loan">
            <SmsChoice preference={m.preference ?? undefined} phone={m.phone} />
            {m.notSentBecause && (
              <p className="sms-why" role="note" data-testid="sms-why">
                {t(`sms_why_${m.notSentBecause}`)}
              </p>
            )}
            {canChange && m.notSentBecause !== 'sms_off' && <SmsPreferenceForm on="loan" id={loan.id} current={m.preference ?? undefined} />}
            <h3>{t('sms_log')}</h3>
            {m.messages.length === 0 ? (
              <p className="muted">{t('sms_log_none')}</p>
            ) : (
              <ul className="sms-log" aria-label={t('sms_log')}>
                {m.messages.map((msg) => (
                  <li key={`${msg.kind}-${msg.createdAt}-${msg.phone}`} className={`sms-msg sms-${msg.status}`} data-kind={msg.kind}>
                    <div className="sms-msg-head">
                      <strong>{t(`sms_kind_${msg.kind}`)}</strong>
                      <span className={`badge sms-status-${msg.status}`}>{t(`sms_status_${msg.status}`)}</span>
                      <span className="muted d-small">
                        {moment(msg.createdAt, lang)} · {t(smsLangKey(msg.lang))} · <span className="d-mono">{msg.phone}</span>
                      </span>
                    </div>
                    <p className="sms-text" lang={msg.lang}>
                      {msg.text}
                    </p>
                    <p className="muted d-small">
                      {msg.status === 'queued' && Date.parse(msg.sendAfter) > Date.now() && t('sms_send_after', { when: moment(msg.sendAfter, lang) })}
                      {msg.sentAt && t('sms_sent_at', { when: moment(msg.sentAt, lang) })}
                      {msg.deliveredAt && <> · {t('sms_delivered_at', { when: moment(msg.deliveredAt, lang) })}</>}
                      {msg.attempts > 1 && <> · {t('sms_attempts', { n: msg.attempts })}</>}
                      {msg.lastError && (
                        <>
                          {' · '}
                          <span className="sms-error">
                            {(REFUSALS as readonly string[]).includes(msg.lastError.refusal) ? t(`sms_refusal_${msg.lastError.refusal as (typeof REFUSALS)[number]}`) : msg.lastError.code}
                          </span>
                        </>
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </Loaded>
    </Section>
  );
}
