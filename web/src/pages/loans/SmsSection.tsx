/**
 * The mother's text messages on her loan file (`GET /loans/{id}/messages`): her choice (agreed
 * or stopped, in which language, who recorded it and why), her number (masked for the committee
 * and field staff), why nothing is sent to her when nothing can be, and every message with its
 * state (waiting for the morning, sent, delivered, failed with the provider's reason). Field
 * staff, township and district change her choice or her number (`POST /loans/{id}/sms-preference`),
 * with a reason; she can stop them at any time.
 */
import '../../i18n/zh-CN.sms.ts';
import './sms-section.css';
import { SmsPreferenceInput } from '../../../../shared/domain/schemas.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { useRead, write } from '../../api/queries.ts';
import { moment } from '../../i18n/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useRef, useState } from 'react';
import { Loaded } from '../../ui/feedback.tsx';
import { FormActions, FormField, useSchemaForm } from '../../ui/form.tsx';
import { Section } from '../../ui/layout.tsx';
import type { SectionProps } from './props.ts';

const langKey = (lang: 'bo' | 'zh-CN'): MessageKey => (lang === 'bo' ? 'sms_lang_bo' : 'sms_lang_zh');
const REFUSALS = ['throttled', 'unreachable', 'template_not_approved', 'invalid_number', 'refused'] as const;

interface PreferenceFields {
  optIn: boolean;
  lang: 'bo' | 'zh-CN';
  phone: string;
  reason: string;
}

export function SmsSection({ loan, role }: SectionProps) {
  const { t, lang } = useI18n();
  const q = useRead('GET /loans/{id}/messages', { params: { id: loan.id } });
  const canChange = role === 'township' || role === 'field' || role === 'district';
  return (
    <Section title={t('sms_section')} id="sms">
      <Loaded query={q}>
        {(m) => (
          <div className="sms-loan">
            <p className="sms-choice" data-testid="sms-choice">
              {m.preference ? (m.preference.optIn ? t('sms_opted_in', { lang: t(langKey(m.preference.lang)) }) : t('sms_opted_out')) : t('sms_no_choice')}
              {' · '}
              {t('sms_phone')} <span className="d-mono">{m.phone ?? t('sms_no_phone')}</span>
            </p>
            {m.preference && (
              <p className="muted d-small">
                {t('sms_recorded', { when: moment(m.preference.changedAt, lang), who: m.preference.changedBy ?? '—' })}
                {m.preference.reason && <> · {t('sms_reason', { reason: m.preference.reason })}</>}
              </p>
            )}
            {m.notSentBecause && (
              <p className="sms-why" role="note" data-testid="sms-why">
                {t(`sms_why_${m.notSentBecause}`)}
              </p>
            )}
            {canChange && m.notSentBecause !== 'sms_off' && <PreferenceForm loanId={loan.id} current={m.preference ?? undefined} />}
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
                        {moment(msg.createdAt, lang)} · {t(langKey(msg.lang))} · <span className="d-mono">{msg.phone}</span>
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

function PreferenceForm({ loanId, current }: { loanId: string; current?: { optIn: boolean; lang: 'bo' | 'zh-CN' } }) {
  const { t } = useI18n();
  const key = useRef(newIdempotencyKey());
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm<PreferenceFields, SmsPreferenceInput>(SmsPreferenceInput, {
    defaultValues: { optIn: current?.optIn ?? false, lang: current?.lang ?? 'bo', phone: '', reason: '' },
  });
  const onSubmit = form.submit(async (body) => {
    setSaved(false);
    await write('POST /loans/{id}/sms-preference', { params: { id: loanId }, body, idempotencyKey: key.current });
    key.current = newIdempotencyKey();
    form.reset({ ...form.getValues(), phone: '', reason: '' });
    setSaved(true);
  });
  return (
    <details className="sms-change">
      <summary>{t('sms_change')}</summary>
      <form onSubmit={onSubmit} className="d-inline-form" aria-label={t('sms_change')} noValidate>
        <label className="field sms-optin">
          <input type="checkbox" {...form.register('optIn')} /> <span>{t('sms_agrees')}</span>
        </label>
        <div className="grid three">
          <FormField label={t('sms_language')} error={form.errorOf('lang')}>
            {(p) => (
              <select {...p} {...form.register('lang')}>
                <option value="bo">{t('sms_lang_bo')}</option>
                <option value="zh-CN">{t('sms_lang_zh')}</option>
              </select>
            )}
          </FormField>
          <FormField label={t('sms_new_phone')} error={form.errorOf('phone')}>
            {(p) => <input {...p} inputMode="tel" maxLength={11} autoComplete="off" {...form.register('phone')} />}
          </FormField>
        </div>
        <FormField label={t('sms_change_reason')} error={form.errorOf('reason')}>
          {(p) => <input {...p} maxLength={200} autoComplete="off" {...form.register('reason')} />}
        </FormField>
        <FormActions error={form.serverError} busy={form.formState.isSubmitting} submitLabel={t('sms_save')} />
        {saved && (
          <p className="muted" role="status">
            {t('sms_saved')}
          </p>
        )}
      </form>
    </details>
  );
}
