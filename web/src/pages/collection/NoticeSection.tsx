/**
 * A township tells the mothers on its collection list, by text message, when and where it
 * collects (`POST /collection-notices`): the day and the place, a confirmation naming both,
 * then how many messages were queued and how many mothers cannot be reached (no consent or no
 * number). Each mother gets it once per collection day (the API keys it), so sending again is harmless.
 */
import '../../i18n/zh-CN.sms.ts';
import { CollectionNoticeInput } from '../../../../shared/domain/sms-schemas.ts';
import { useState } from 'react';
import { write } from '../../api/queries.ts';
import { date } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { FormActions, FormField, useConfirmedSubmit, useSchemaForm } from '../../ui/form.tsx';
import { Section } from '../../ui/layout.tsx';
import { useOfficeName } from '../../ui/offices.tsx';

interface NoticeFields {
  townshipId: string;
  on: string;
  place: string;
}

export function NoticeSection({ townshipId, day }: { townshipId: string; day: string }) {
  const { t, lang } = useI18n();
  const officeName = useOfficeName();
  const [done, setDone] = useState<{ loans: number; queued: number; notReachable: number }>();
  const form = useSchemaForm<NoticeFields, CollectionNoticeInput>(CollectionNoticeInput, { defaultValues: { townshipId, on: day, place: '' } });
  const { onSubmit, confirming, busy, confirm, cancel } = useConfirmedSubmit(form, async (body: CollectionNoticeInput, idempotencyKey) => {
    setDone(undefined);
    setDone(await write('POST /collection-notices', { body: { ...body, townshipId }, idempotencyKey }));
  });
  return (
    <Section title={t('sms_notice_title')} id="collection-notice">
      <p className="muted">{t('sms_notice_hint')}</p>
      <form onSubmit={onSubmit} className="d-inline-form" aria-label={t('sms_notice_title')} noValidate>
        <div className="grid three">
          <FormField label={t('sms_notice_on')} error={form.errorOf('on')}>
            {(p) => <input {...p} type="date" {...form.register('on')} />}
          </FormField>
          <FormField label={t('sms_notice_place')} error={form.errorOf('place')}>
            {(p) => <input {...p} maxLength={60} autoComplete="off" {...form.register('place')} />}
          </FormField>
        </div>
        <FormActions error={form.serverError} busy={busy} submitLabel={t('sms_notice_send')} />
      </form>
      {done && (
        <p role="status" className="sms-notice-done">
          {t('sms_notice_done', { loans: done.loans, queued: done.queued, notReachable: done.notReachable })}
        </p>
      )}
      {confirming && (
        <ConfirmDialog title={t('sms_notice_title')} onCancel={cancel} onConfirm={() => void confirm()} busy={busy}>
          <p>{t('sms_notice_confirm', { township: officeName(townshipId), on: date(confirming.on, lang), place: confirming.place })}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
