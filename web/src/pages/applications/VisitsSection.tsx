/** The household visits (two are needed before a decision), and the form to log one (`VisitInput`). */
import { useState } from 'react';
import { VisitInput } from '../../../../shared/domain/schemas.ts';
import { write } from '../../api/queries.ts';
import { todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FormActions, FormField, splitNames, useSchemaForm, withoutBlanks } from '../../ui/form.tsx';
import { Section, useDate } from '../../ui/layout.tsx';
import type { ApplicationDetail } from '../../api/records.ts';
import type { SectionProps } from './props.ts';
import { useMarks } from '../../i18n/marks.ts';

export function VisitsSection({ app, role, open }: SectionProps) {
  const { t } = useI18n();
  const mk = useMarks();
  const fmt = useDate();
  const [adding, setAdding] = useState(false);
  const canLog = open && (role === 'district' || role === 'field');
  const visits = [...app.visits].sort((a, b) => a.visitedOn.localeCompare(b.visitedOn));
  return (
    <Section
      title={t('d_visits_title', { n: app.visits.length })}
      actions={
        canLog && !adding ? (
          <button type="button" className="secondary" onClick={() => setAdding(true)}>
            {t('d_log_visit')}
          </button>
        ) : undefined
      }
    >
      {visits.length < 2 && <p className="muted d-small">{t('d_visits_needed')}</p>}
      {visits.length > 0 && (
        <ul className="list">
          {visits.map((v) => (
            <li key={v.id}>
              <div className="row">
                <strong>{fmt(v.visitedOn)}</strong>
                <span className="muted">{v.visitors.join(mk.list)}</span>
              </div>
              <div className="d-flags">
                <span className={v.willingToWork ? 'd-pass' : 'd-fail'}>
                  {v.willingToWork ? '✓' : '✗'} {t('d_willing_to_work')}
                </span>
                <span className={v.planCredible ? 'd-pass' : 'd-fail'}>
                  {v.planCredible ? '✓' : '✗'} {t('d_plan_credible')}
                </span>
              </div>
              <p className="d-pre">{v.notes}</p>
            </li>
          ))}
        </ul>
      )}
      {adding && <VisitForm app={app} onDone={() => setAdding(false)} />}
    </Section>
  );
}

interface VisitForm {
  visitedOn: string;
  visitors: string;
  willingToWork: boolean;
  planCredible: boolean;
  notes: string;
}

function VisitForm({ app, onDone }: { app: ApplicationDetail; onDone: () => void }) {
  const { t } = useI18n();
  const today = todayIso();
  const form = useSchemaForm<VisitForm, VisitInput>(VisitInput, {
    defaultValues: { visitedOn: today, visitors: '', willingToWork: false, planCredible: false, notes: '' },
    prepare: (f) => withoutBlanks({ ...f, visitors: splitNames(f.visitors) }),
    wholeFields: ['visitors'],
  });
  const onSubmit = form.submit(async (body) => {
    await write('POST /applications/{id}/visits', { params: { id: app.id }, body });
    onDone();
  });
  return (
    <form onSubmit={onSubmit} className="d-inline-form" aria-label={t('d_log_visit')} noValidate>
      <div className="grid two">
        <FormField label={t('d_visited_on')} error={form.errorOf('visitedOn')}>
          {(p) => <input {...p} type="date" max={today} {...form.register('visitedOn')} />}
        </FormField>
        <FormField label={t('d_visitors')} error={form.errorOf('visitors')} hint={t('d_visitors_hint')}>
          {(p) => <input {...p} {...form.register('visitors')} />}
        </FormField>
      </div>
      <label className="d-check">
        <input type="checkbox" {...form.register('willingToWork')} />
        <span>{t('d_willing_to_work_q')}</span>
      </label>
      <label className="d-check">
        <input type="checkbox" {...form.register('planCredible')} />
        <span>{t('d_plan_credible_q')}</span>
      </label>
      <FormField label={t('d_visit_notes')} error={form.errorOf('notes')}>
        {(p) => <textarea {...p} {...form.register('notes')} />}
      </FormField>
      <FormActions error={form.serverError} busy={form.formState.isSubmitting} submitLabel={t('save')} onCancel={onDone} />
    </form>
  );
}
