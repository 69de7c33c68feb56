/** A household visit (入户走访), logged on the phone: saved on the device first, then sent. */
import { useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../../api.ts';
import { todayIso } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui.tsx';
import { queue, sendNow } from './device.ts';
import { checkText, FieldError, YesNo } from './form-bits.tsx';
import './words.ts';

export interface VisitBody {
  visitedOn: string;
  visitors: string[];
  willingToWork: boolean;
  planCredible: boolean;
  notes: string;
  [k: string]: unknown;
}

const VISITORS_KEY = (owner: string) => `f-visitors:${owner}`;

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
  const today = todayIso();
  const [form, setForm] = useState({
    visitedOn: initial?.visitedOn ?? today,
    visitors: initial?.visitors.join('、') ?? localStorage.getItem(VISITORS_KEY(owner)) ?? '',
    willingToWork: initial ? (initial.willingToWork ? 'yes' : 'no') : '',
    planCredible: initial ? (initial.planCredible ? 'yes' : 'no') : '',
    notes: initial?.notes ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (!form.visitedOn) e.visitedOn = t('f_required');
    else if (form.visitedOn > today) e.visitedOn = t('f_bad_date');
    const names = splitNames(form.visitors);
    if (names.length === 0) e.visitors = t('f_required');
    else if (names.length > 10 || names.some((n) => n.length > 60)) e.visitors = t('f_too_long', { n: 60 });
    if (!form.willingToWork) e.willingToWork = t('f_required');
    if (!form.planCredible) e.planCredible = t('f_required');
    const notes = checkText(form.notes, 4000, true, t);
    if (notes) e.notes = notes;
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length) return;
    const body: VisitBody = {
      visitedOn: form.visitedOn,
      visitors: splitNames(form.visitors),
      willingToWork: form.willingToWork === 'yes',
      planCredible: form.planCredible === 'yes',
      notes: form.notes.trim(),
    };
    setBusy(true);
    try {
      localStorage.setItem(VISITORS_KEY(owner), body.visitors.join('、'));
      if (entryId) await queue.replace(entryId, body, newIdempotencyKey());
      else await queue.add({ kind: 'visit', owner, path: `/applications/${applicationId}/visits`, body, idempotencyKey: newIdempotencyKey(), subjectId: applicationId, label: mother });
      void sendNow();
      onDone();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="f-visit-form" onSubmit={submit} noValidate aria-label={`${t('f_log_visit')} · ${mother}`}>
      <Field label={t('f_visited_on')}>
        <input type="date" name="visitedOn" value={form.visitedOn} min={submittedOn} max={today} onChange={(e) => set('visitedOn')(e.target.value)} required />
        <FieldError message={errors.visitedOn} />
      </Field>
      <Field label={t('f_visitors')}>
        <input name="visitors" value={form.visitors} onChange={(e) => set('visitors')(e.target.value)} required />
        <FieldError message={errors.visitors} />
      </Field>
      <YesNo name="willingToWork" label={t('f_willing')} value={form.willingToWork} onChange={set('willingToWork')} error={errors.willingToWork} />
      <YesNo name="planCredible" label={t('f_credible')} value={form.planCredible} onChange={set('planCredible')} error={errors.planCredible} />
      <Field label={t('f_notes')}>
        <textarea name="notes" value={form.notes} onChange={(e) => set('notes')(e.target.value)} required />
        <FieldError message={errors.notes} />
      </Field>
      <div className="actions">
        <button type="button" className="secondary" onClick={onDone} disabled={busy}>
          {t('cancel')}
        </button>
        <button type="submit" disabled={busy}>
          {navigator.onLine ? t('f_save_send') : t('f_save_offline')}
        </button>
      </div>
    </form>
  );
}

function splitNames(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
