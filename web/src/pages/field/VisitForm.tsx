/**
 * A household visit (入户走访), logged on the phone: checked with the API's own schema
 * (`VisitInput`), saved on the device first, then sent.
 */
import { useForm } from 'react-hook-form';
import { VisitInput } from '../../../../shared/domain/schemas.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FormField, schemaResolver, splitNames, withoutBlanks, YesNo } from '../../ui/form.tsx';
import { queue, sendNow, useOnline } from '../../api/device.ts';

/** The visitors are typed in one box, separated by 、 or commas. */
interface VisitForm {
  visitedOn: string;
  visitors: string;
  willingToWork?: boolean;
  planCredible?: boolean;
  notes: string;
}

export type VisitBody = VisitInput & Record<string, unknown>;

const VISITORS_KEY = (owner: string) => `f-visitors:${owner}`;

const toBody = (f: VisitForm) => withoutBlanks({ ...f, visitors: splitNames(f.visitors) });

export function VisitForm({
  applicationId,
  mother,
  submittedOn,
  owner,
  initial,
  entryId,
  onDone,
}: {
  applicationId: string;
  mother: string;
  submittedOn?: string;
  owner: string;
  initial?: VisitBody;
  /** a failed entry being corrected */
  entryId?: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const online = useOnline();
  const today = todayIso();
  const form = useForm<VisitForm, unknown, VisitInput>({
    resolver: schemaResolver(VisitInput, t, toBody, ['visitors']),
    defaultValues: {
      visitedOn: initial?.visitedOn ?? today,
      visitors: initial?.visitors.join('、') ?? localStorage.getItem(VISITORS_KEY(owner)) ?? '',
      willingToWork: initial?.willingToWork,
      planCredible: initial?.planCredible,
      notes: initial?.notes ?? '',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (body) => {
    localStorage.setItem(VISITORS_KEY(owner), body.visitors.join('、'));
    if (entryId) await queue.replace(entryId, body, newIdempotencyKey());
    else await queue.add({ kind: 'visit', owner, path: `/applications/${applicationId}/visits`, body, idempotencyKey: newIdempotencyKey(), subjectId: applicationId, label: mother });
    void sendNow();
    onDone();
  });

  return (
    <form className="f-visit-form" onSubmit={submit} noValidate aria-label={`${t('f_log_visit')} · ${mother}`}>
      <FormField label={t('f_visited_on')} error={errors.visitedOn?.message}>
        {(p) => <input {...p} type="date" min={submittedOn} max={today} {...form.register('visitedOn')} />}
      </FormField>
      <FormField label={t('f_visitors')} error={errors.visitors?.message}>
        {(p) => <input {...p} {...form.register('visitors')} />}
      </FormField>
      <YesNo control={form.control} name="willingToWork" label={t('f_willing')} />
      <YesNo control={form.control} name="planCredible" label={t('f_credible')} />
      <FormField label={t('f_notes')} error={errors.notes?.message}>
        {(p) => <textarea {...p} {...form.register('notes')} />}
      </FormField>
      <div className="actions">
        <button type="button" className="secondary" onClick={onDone} disabled={isSubmitting}>
          {t('cancel')}
        </button>
        <button type="submit" disabled={isSubmitting}>
          {online ? t('f_save_send') : t('f_save_offline')}
        </button>
      </div>
    </form>
  );
}
