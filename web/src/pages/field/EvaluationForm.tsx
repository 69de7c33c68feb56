/**
 * The evaluation form (中期 / 年终 / 终期评估), checked with the API's own schema
 * (`EvaluationInput`): saved on the device first with its own key, then sent. A draft is kept
 * on the device while typing; after a failed submit focus moves to the first bad field.
 */
import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { EvaluationInput, EvaluationMethod } from '../../../../shared/domain/schemas.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ChoiceGroup, FormField, MoneyInput, schemaResolver, withoutBlanks, YesNo } from '../../ui/form.tsx';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { queue, sendNow, useOnline } from '../../api/device.ts';
import { KINDS, type EvaluationKind, type LoanSnapshot } from './field-data.ts';
import { firstOpenKind, type KindSlot } from './evaluation-slots.ts';
import type { QueueEntry } from '../../api/offline-queue.ts';

const METHODS = EvaluationMethod.options;

interface EvaluationForm {
  kind?: EvaluationKind;
  evaluatedOn: string;
  fundUse: string;
  progress: string;
  operatingState: string;
  incomeToDateFen?: number;
  forecastFen?: number;
  problems: string;
  actionsUrged: string;
  methods: string[];
  leftPoverty?: boolean;
}

const emptyForm = (): EvaluationForm => ({ evaluatedOn: todayIso(), fundUse: '', progress: '', operatingState: '', problems: '', actionsUrged: '', methods: [] });

/** The request body: blank optional texts dropped, methods in their order, "left poverty" only on the final evaluation. */
function toBody(f: EvaluationForm) {
  const { leftPoverty, ...rest } = withoutBlanks({ ...f, methods: METHODS.filter((m) => f.methods.includes(m)) });
  return f.kind === 'final' ? { ...rest, leftPoverty } : rest;
}

const draftKey = (owner: string, loanId: string) => `f-draft:${owner}:${loanId}`;

function initialForm(owner: string, loanId: string, editing?: QueueEntry): EvaluationForm {
  if (editing) return { ...emptyForm(), ...(editing.body as Partial<EvaluationForm>) };
  try {
    const draft = localStorage.getItem(draftKey(owner, loanId));
    if (draft) return { ...emptyForm(), ...(JSON.parse(draft) as Partial<EvaluationForm>) };
  } catch {
    // an unreadable draft is dropped
  }
  return emptyForm();
}

export function EvaluationForm({
  loanId,
  owner,
  snap,
  slots,
  kindParam,
  editing,
  onSaved,
}: {
  loanId: string;
  owner: string;
  snap?: LoanSnapshot;
  /** what may still be entered per kind: a kind sent or waiting on this phone is not offered */
  slots: Record<EvaluationKind, KindSlot>;
  kindParam?: EvaluationKind;
  editing?: QueueEntry;
  onSaved: (id: string) => void;
}) {
  const { t } = useI18n();
  const online = useOnline();
  const today = todayIso();
  // the kind asked for, else the next open slot of the schedule not already sent or waiting in the outbox
  const open = (k: EvaluationKind | undefined): boolean => !!k && slots[k].remaining > 0;
  const defaultKind = kindParam && open(kindParam) ? kindParam : (firstOpenKind(snap, slots) ?? 'midterm');
  const initial = useMemo(() => initialForm(owner, loanId, editing), [owner, loanId, editing]);
  const form = useForm<EvaluationForm, unknown, EvaluationInput>({
    resolver: schemaResolver(EvaluationInput, t, toBody, ['methods']),
    defaultValues: { ...initial, kind: initial.kind && open(initial.kind) ? initial.kind : defaultKind },
  });
  const { errors, isSubmitting, submitCount, isValid } = form.formState;
  const values = useWatch({ control: form.control });
  const kind = values.kind;

  // keep a draft on the device while typing (not when correcting an outbox entry)
  useEffect(() => {
    if (editing) return;
    const id = setTimeout(() => localStorage.setItem(draftKey(owner, loanId), JSON.stringify(values)), 300);
    return () => clearTimeout(id);
  }, [values, editing, owner, loanId]);

  const submit = form.handleSubmit(async (body) => {
    // stored on the device first, with its key; only then sent
    const entry = editing
      ? await queue.replace(editing.id, body, newIdempotencyKey())
      : await queue.add({ kind: 'evaluation', owner, path: `/loans/${loanId}/evaluations`, body, idempotencyKey: newIdempotencyKey(), subjectId: loanId, label: snap?.mother ?? loanId.slice(-6) });
    localStorage.removeItem(draftKey(owner, loanId));
    onSaved(entry.id);
    void sendNow();
  });

  const text = (name: 'fundUse' | 'progress' | 'operatingState' | 'problems' | 'actionsUrged', label: string) => (
    <FormField label={label} error={errors[name]?.message}>
      {(p) => <textarea {...p} rows={2} {...form.register(name)} />}
    </FormField>
  );

  return (
    <form className="card f-form" onSubmit={submit} noValidate aria-label={t('f_eval_title')}>
      {editing && <p className="f-note">{t('f_edit_entry')}</p>}
      <ChoiceGroup legend={t('f_kind')} error={errors.kind?.message}>
        {KINDS.map((k) => (
          <label key={k} className={kind === k ? 'pill checked' : open(k) ? 'pill' : 'pill taken'}>
            <input type="radio" value={k} disabled={!open(k)} {...form.register('kind')} />
            {t(`kind_${k}`)}
            {!open(k) && <span className="f-small"> · {t(slots[k].entry?.status === 'pending' ? 'entry_pending' : 'f_done')}</span>}
          </label>
        ))}
      </ChoiceGroup>
      <FormField label={t('f_evaluated_on')} error={errors.evaluatedOn?.message}>
        {(p) => <input {...p} type="date" max={today} {...form.register('evaluatedOn')} />}
      </FormField>
      {text('fundUse', t('f_fund_use'))}
      {text('progress', t('f_progress'))}
      {text('operatingState', t('f_operating_state'))}
      <div className="f-two">
        <MoneyInput control={form.control} name="incomeToDateFen" label={t('f_income_to_date')} hint={t('f_yuan_hint')} />
        <MoneyInput control={form.control} name="forecastFen" label={t('f_forecast')} />
      </div>
      <ChoiceGroup legend={t('f_methods')} error={errors.methods?.message} className="f-methods">
        {METHODS.map((m) => (
          <label key={m} className={values.methods?.includes(m) ? 'f-method checked' : 'f-method'}>
            <input type="checkbox" value={m} {...form.register('methods')} />
            <span className="f-method-char">{t(`method_${m}`)}</span>
            <span className="f-method-hint">{t(`method_${m}_hint`)}</span>
          </label>
        ))}
      </ChoiceGroup>
      {kind === 'final' && <YesNo control={form.control} name="leftPoverty" label={t('f_left_poverty')} />}
      {text('problems', t('f_problems'))}
      {text('actionsUrged', t('f_actions'))}
      {submitCount > 0 && !isValid && <ErrorMessage error={new Error(t('v_fix_errors'))} />}
      <button type="submit" className="f-submit" disabled={isSubmitting}>
        {online ? t('f_save_send') : t('f_save_offline')}
      </button>
    </form>
  );
}
