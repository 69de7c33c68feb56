/** Objections raised during the notice, how each was resolved, and the forms to record and resolve them. */
import { Person } from '../../ui/person.tsx';
import { useState } from 'react';
import { ObjectionInput, ResolutionInput } from '../../../../shared/domain/schemas.ts';
import type { Objection } from '../../../../shared/domain/entities.ts';
import { write } from '../../api/queries.ts';
import { todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FormActions, FormField, useSchemaForm } from '../../ui/form.tsx';
import { Section, useDate } from '../../ui/layout.tsx';
import type { ApplicationDetail } from '../../api/records.ts';
import type { SectionProps } from './props.ts';

export function ObjectionsSection({ app, role, open }: SectionProps) {
  const { t } = useI18n();
  const fmt = useDate();
  const [adding, setAdding] = useState(false);
  const canRecord = open && !!app.notice && (role === 'township' || role === 'district');
  return (
    <Section
      title={t('d_objections')}
      actions={
        canRecord && !adding ? (
          <button type="button" className="secondary" onClick={() => setAdding(true)}>
            {t('d_record_objection')}
          </button>
        ) : undefined
      }
    >
      {app.objections.length === 0 && <p className="muted">{t('d_no_objections')}</p>}
      <ul className="list">
        {app.objections.map((o) => (
          <li key={o.id}>
            <div className="row">
              <span>
                {fmt(o.raisedOn)} · {o.raisedBy ?? t('d_anonymous')}
              </span>
              <span className={`badge d-obj-${o.status}`}>{t(`d_obj_${o.status}`)}</span>
            </div>
            <p className="d-pre">{o.content}</p>
            {o.resolution && (
              <p className="muted d-small">
                {t('d_resolved_on', { date: fmt(o.resolution.resolvedOn) })}: {o.resolution.note} (<Person who={o.resolution.resolvedBy} />)
              </p>
            )}
            {o.status === 'open' && role === 'district' && open && <ResolveForm app={app} objection={o} />}
          </li>
        ))}
      </ul>
      {adding && <ObjectionForm app={app} onDone={() => setAdding(false)} />}
    </Section>
  );
}

interface ObjectionForm {
  raisedOn: string;
  raisedBy: string;
  content: string;
}

function ObjectionForm({ app, onDone }: { app: ApplicationDetail; onDone: () => void }) {
  const { t } = useI18n();
  const today = todayIso();
  const form = useSchemaForm<ObjectionForm, ObjectionInput>(ObjectionInput, { defaultValues: { raisedOn: today, raisedBy: '', content: '' } });
  const onSubmit = form.submit(async (body) => {
    await write('POST /applications/{id}/objections', { params: { id: app.id }, body });
    onDone();
  });
  return (
    <form onSubmit={onSubmit} className="d-inline-form" aria-label={t('d_record_objection')} noValidate>
      <div className="grid two">
        <FormField label={t('d_raised_on')} error={form.errorOf('raisedOn')}>
          {(p) => <input {...p} type="date" max={today} {...form.register('raisedOn')} />}
        </FormField>
        <FormField label={t('d_raised_by_optional')} error={form.errorOf('raisedBy')}>
          {(p) => <input {...p} {...form.register('raisedBy')} />}
        </FormField>
      </div>
      <FormField label={t('d_objection_content')} error={form.errorOf('content')}>
        {(p) => <textarea {...p} {...form.register('content')} />}
      </FormField>
      <FormActions error={form.serverError} busy={form.formState.isSubmitting} submitLabel={t('save')} onCancel={onDone} />
    </form>
  );
}

interface ResolutionForm {
  resolvedOn: string;
  outcome: 'dismissed' | 'upheld';
  note: string;
}

function ResolveForm({ app, objection }: { app: ApplicationDetail; objection: Objection }) {
  const { t } = useI18n();
  const today = todayIso();
  const form = useSchemaForm<ResolutionForm, ResolutionInput>(ResolutionInput, { defaultValues: { resolvedOn: today, outcome: 'dismissed', note: '' } });
  const onSubmit = form.submit((body) => write('POST /applications/{id}/objections/{objectionId}/resolution', { params: { id: app.id, objectionId: objection.id }, body }));
  return (
    <form onSubmit={onSubmit} className="d-inline-form d-resolve" aria-label={t('d_resolve')} noValidate>
      <div className="grid two">
        <FormField label={t('d_resolved_on_label')} error={form.errorOf('resolvedOn')}>
          {(p) => <input {...p} type="date" max={today} {...form.register('resolvedOn')} />}
        </FormField>
        <FormField label={t('d_outcome')} error={form.errorOf('outcome')}>
          {(p) => (
            <select {...p} {...form.register('outcome')}>
              <option value="dismissed">{t('d_obj_dismissed_long')}</option>
              <option value="upheld">{t('d_obj_upheld_long')}</option>
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('d_resolution_note')} error={form.errorOf('note')}>
        {(p) => <textarea {...p} {...form.register('note')} />}
      </FormField>
      <FormActions error={form.serverError} busy={form.formState.isSubmitting} submitLabel={t('d_resolve')} />
    </form>
  );
}
