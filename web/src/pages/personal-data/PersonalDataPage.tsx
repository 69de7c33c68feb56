/**
 * A mother's requests about her personal data, from her application (district office): the copy of
 * everything held about her (PIPL art. 45), printed as an A4 document, Tibetan above Chinese; and
 * the correction of her name, phone or household size with a reason (art. 46), showing before → after
 * as her history records it. The forms never reach paper; the copy does.
 */
import '../../i18n/zh-CN.personal-data.ts';
import '../../print/print.css';
import { useState } from 'react';
import { CorrectionInput, DataCopyInput } from '../../../../shared/domain/personal-data.ts';
import type { ResponseOf } from '../../../../shared/routes.ts';
import { call } from '../../api/client.ts';
import { useRead, write } from '../../api/queries.ts';
import type { ApplicationDetail } from '../../api/records.ts';
import { todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { PersonalDataDocument } from '../../print/PersonalDataDocument.tsx';
import { FormActions, FormField, useSchemaForm, withoutBlanks } from '../../ui/form.tsx';
import { BackLink, Loaded, Section } from '../../ui/layout.tsx';

type Copy = ResponseOf<'POST /applications/{id}/personal-data-copy'>;

export function PersonalDataPage({ id }: PageProps) {
  const { t } = useI18n();
  const q = useRead('GET /applications/{id}', { params: { id } });
  const state = { data: q.data, error: q.error ?? undefined, loading: q.isPending, reload: () => void q.refetch() };
  return (
    <div className="d-page">
      <BackLink to={`/applications/${id}`} label={t('pd_back')} />
      <Loaded state={state}>{(app) => <PersonalDataView app={app} />}</Loaded>
    </div>
  );
}

function PersonalDataView({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<Copy>();
  return (
    <>
      <h1 className="no-print">
        {t('pd_title')} · {app.mother.name}
      </h1>
      <div className="no-print">
        <Section title={t('pd_title')}>
          <p className="muted">{t('pd_intro')}</p>
          <CopyForm app={app} onCopy={setCopy} />
        </Section>
      </div>
      {copy && (
        <>
          <div className="no-print actions">
            <button type="button" onClick={() => void window.print()}>
              {t('print')}
            </button>
          </div>
          <PersonalDataDocument copy={copy} />
        </>
      )}
      <div className="no-print">
        <CorrectionSection app={app} />
      </div>
    </>
  );
}

type CopyFields = {
  askedOn: string;
  note: string;
};

function CopyForm({ app, onCopy }: { app: ApplicationDetail; onCopy: (c: Copy) => void }) {
  const { t } = useI18n();
  const today = todayIso();
  const form = useSchemaForm<CopyFields, DataCopyInput>(DataCopyInput, { defaultValues: { askedOn: today, note: '' }, prepare: (f) => withoutBlanks(f) });
  const onSubmit = form.submit(async (body) => onCopy(await write('POST /applications/{id}/personal-data-copy', { params: { id: app.id }, body })));
  return (
    <form onSubmit={onSubmit} aria-label={t('pd_title')} noValidate>
      <div className="grid two">
        <FormField label={t('pd_asked_on')} error={form.errorOf('askedOn')}>
          {(p) => <input {...p} type="date" max={today} {...form.register('askedOn')} />}
        </FormField>
        <FormField label={t('pd_note')} error={form.errorOf('note')}>
          {(p) => <input {...p} {...form.register('note')} />}
        </FormField>
      </div>
      <FormActions error={form.serverError} busy={form.formState.isSubmitting} submitLabel={t('pd_make_copy')} />
    </form>
  );
}

interface CorrectionFields {
  name: string;
  phone: string;
  householdSize: string;
  reason: string;
}

type Change = { text: string; before: Record<string, unknown>; after: Record<string, unknown> };

function CorrectionSection({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const [done, setDone] = useState<Change>();
  const form = useSchemaForm<CorrectionFields, CorrectionInput>(CorrectionInput, {
    defaultValues: { name: '', phone: '', householdSize: '', reason: '' },
    prepare: (f) => ({
      ...withoutBlanks({ name: f.name.trim(), phone: f.phone.trim(), reason: f.reason.trim() }),
      ...(f.householdSize.trim() ? { householdSize: Number(f.householdSize) } : {}),
    }),
  });
  const onSubmit = form.submit(async (body) => {
    await write('POST /applications/{id}/personal-data-correction', { params: { id: app.id }, body });
    // the history of her application now ends with the correction, before → after
    const fresh = await call('GET /applications/{id}', { params: { id: app.id } });
    const entry = fresh.history.filter((h) => h.action === 'personal_data_corrected').at(-1);
    if (entry) setDone({ text: entry.text, before: (entry.params.before ?? {}) as Record<string, unknown>, after: (entry.params.after ?? {}) as Record<string, unknown> });
    form.reset();
  });
  const label = (k: string) => (k === 'name' ? t('pd_name') : k === 'phone' ? t('pd_phone') : k === 'householdSize' ? t('pd_household_size') : k);
  const show = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));
  return (
    <Section title={t('pd_correct_title')}>
      <p className="muted">{t('pd_correct_intro')}</p>
      <p className="muted">
        {t('pd_name')}: {app.mother.name} · {t('pd_phone')}: {app.mother.phone ?? '—'} · {t('pd_household_size')}: {app.householdSize}
      </p>
      <form onSubmit={onSubmit} aria-label={t('pd_correct_title')} noValidate>
        <div className="grid two">
          <FormField label={t('pd_name')} error={form.errorOf('name')}>
            {(p) => <input {...p} {...form.register('name')} />}
          </FormField>
          <FormField label={t('pd_phone')} error={form.errorOf('phone')}>
            {(p) => <input {...p} inputMode="tel" {...form.register('phone')} />}
          </FormField>
          <FormField label={t('pd_household_size')} error={form.errorOf('householdSize')}>
            {(p) => <input {...p} inputMode="numeric" {...form.register('householdSize')} />}
          </FormField>
        </div>
        <FormField label={t('pd_reason')} error={form.errorOf('reason')}>
          {(p) => <textarea {...p} {...form.register('reason')} />}
        </FormField>
        <FormActions error={form.serverError} busy={form.formState.isSubmitting} submitLabel={t('pd_correct_submit')} />
      </form>
      {done && (
        <div role="status" aria-label={t('pd_corrected')}>
          <h3>{t('pd_corrected')}</h3>
          <table className="d-rtable">
            <thead>
              <tr>
                <th />
                <th>{t('pd_before')}</th>
                <th>{t('pd_after')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.keys(done.after).map((k) => (
                <tr key={k}>
                  <th scope="row">{label(k)}</th>
                  <td data-label={t('pd_before')}>{show(done.before[k])}</td>
                  <td data-label={t('pd_after')}>{show(done.after[k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{done.text}</p>
        </div>
      )}
    </Section>
  );
}
