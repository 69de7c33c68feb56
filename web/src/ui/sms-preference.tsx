/**
 * The mother's choice about text messages, wherever her file is: on her application before a
 * loan exists (`POST /applications/{id}/sms-preference`) and on her loan
 * (`POST /loans/{id}/sms-preference`). `SmsChoice` says what she chose, on which number, and who
 * recorded it when and why; `SmsPreferenceForm` lets field staff, township and district record
 * a change (she agrees or stops, her language, a new number) with a reason. Their styles are
 * `sms-preference.css`, loaded here with them.
 */
import '../i18n/zh-CN.sms.ts';
import './sms-preference.css';
import { useRef, useState } from 'react';
import { SmsPreferenceInput } from '../../../shared/domain/schemas.ts';
import { newIdempotencyKey } from '../api/client.ts';
import { write } from '../api/queries.ts';
import { moment } from '../i18n/format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { FormActions, FormField, useSchemaForm } from './form.tsx';

export const smsLangKey = (lang: 'bo' | 'zh-CN'): MessageKey => (lang === 'bo' ? 'sms_lang_bo' : 'sms_lang_zh');

/** Her recorded choice, as either file shows it. */
export interface SmsChoiceShown {
  optIn: boolean;
  lang: 'bo' | 'zh-CN';
  changedAt: string;
  /** who recorded it (display name) */
  changedBy?: string;
  reason?: string;
}

/** What she chose and on which number; who recorded it, when and why. */
export function SmsChoice({ preference, phone }: { preference?: SmsChoiceShown; phone?: string }) {
  const { t, lang } = useI18n();
  return (
    <>
      <p className="sms-choice" data-testid="sms-choice">
        {preference ? (preference.optIn ? t('sms_opted_in', { lang: t(smsLangKey(preference.lang)) }) : t('sms_opted_out')) : t('sms_no_choice')}
        {' · '}
        {t('sms_phone')} <span className="d-mono">{phone ?? t('sms_no_phone')}</span>
      </p>
      {preference && (
        <p className="muted d-small" data-testid="sms-recorded">
          {t('sms_recorded', { when: moment(preference.changedAt, lang), who: preference.changedBy ?? '—' })}
          {preference.reason && <> · {t('sms_reason', { reason: preference.reason })}</>}
        </p>
      )}
    </>
  );
}

interface PreferenceFields {
  optIn: boolean;
  lang: 'bo' | 'zh-CN';
  phone: string;
  reason: string;
}

/** Records a change of her choice or her number on her loan or her application (folded until opened). */
export function SmsPreferenceForm({ on, id, current }: { on: 'loan' | 'application'; id: string; current?: { optIn: boolean; lang: 'bo' | 'zh-CN' } }) {
  const { t } = useI18n();
  const key = useRef(newIdempotencyKey());
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm<PreferenceFields, SmsPreferenceInput>(SmsPreferenceInput, {
    defaultValues: { optIn: current?.optIn ?? false, lang: current?.lang ?? 'bo', phone: '', reason: '' },
  });
  const onSubmit = form.submit(async (body) => {
    setSaved(false);
    const opts = { params: { id }, body, idempotencyKey: key.current };
    await (on === 'loan' ? write('POST /loans/{id}/sms-preference', opts) : write('POST /applications/{id}/sms-preference', opts));
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
