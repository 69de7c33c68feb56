/**
 * #/evaluate/{loanId}: the evaluation of a loan (中期 / 年终 / 终期评估) on a phone in the
 * village. The loan is read when there is a network (and kept on the device); without one
 * the form still works and the entry waits in the outbox. `?kind=` picks the kind,
 * `?entry=` corrects an entry the API returned.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { date, parseYuan, todayIso, yuan } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { Link, useRoute } from '../../router.tsx';
import { ErrorBox, Field, Loading, useLoad } from '../../ui.tsx';
import { queue, sendNow, useOnline, useQueue } from './device.ts';
import { KINDS, loadLoan, loadOffices, placeName, type EvaluationKind, type LoanSnapshot, type Office } from './field-data.ts';
import { checkText, fenToYuanText, FieldError, YesNo } from './form-bits.tsx';
import type { QueueEntry } from './offline-queue.ts';
import { EntryItem, OfflineBanner, when } from './parts.tsx';
import './words.ts';

const METHODS = ['talk', 'check', 'look', 'ask'] as const;
type Method = (typeof METHODS)[number];

interface FormState {
  kind?: EvaluationKind;
  evaluatedOn: string;
  fundUse: string;
  progress: string;
  operatingState: string;
  income: string;
  forecast: string;
  problems: string;
  actionsUrged: string;
  methods: Method[];
  leftPoverty: '' | 'yes' | 'no';
}

const emptyForm = (): FormState => ({ evaluatedOn: todayIso(), fundUse: '', progress: '', operatingState: '', income: '', forecast: '', problems: '', actionsUrged: '', methods: [], leftPoverty: '' });

function formFromBody(b: Record<string, unknown>): FormState {
  return {
    kind: b.kind as EvaluationKind,
    evaluatedOn: String(b.evaluatedOn ?? todayIso()),
    fundUse: String(b.fundUse ?? ''),
    progress: String(b.progress ?? ''),
    operatingState: String(b.operatingState ?? ''),
    income: typeof b.incomeToDateFen === 'number' ? fenToYuanText(b.incomeToDateFen) : '',
    forecast: typeof b.forecastFen === 'number' ? fenToYuanText(b.forecastFen) : '',
    problems: String(b.problems ?? ''),
    actionsUrged: String(b.actionsUrged ?? ''),
    methods: Array.isArray(b.methods) ? (b.methods as Method[]) : [],
    leftPoverty: b.leftPoverty === true ? 'yes' : b.leftPoverty === false ? 'no' : '',
  };
}

const draftKey = (owner: string, loanId: string) => `f-draft:${owner}:${loanId}`;

export function EvaluationFormPage({ loanId }: { loanId: string }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const owner = session?.username ?? '';
  const route = useRoute();
  const entryId = route.query.get('entry') ?? undefined;
  const kindParam = route.query.get('kind') as EvaluationKind | null;
  const { entries, pending, sending } = useQueue(owner);
  const load = useLoad(async (signal) => ({ loanId, ...(await loadLoan(loanId, signal)) }), [loanId]);
  // while another loan's page is still on screen, its data is not this loan's
  const loan = { ...load, data: load.data?.loanId === loanId ? load.data : undefined };
  const [offices, setOffices] = useState<Map<string, Office>>();
  // the entry saved from this form (per ?entry=, so "edit" on a saved page opens the form again)
  const [saved, setSaved] = useState<{ id: string; entryParam: string }>();
  useEffect(() => {
    const c = new AbortController();
    void loadOffices(c.signal).then((o) => !c.signal.aborted && setOffices(o));
    return () => c.abort();
  }, []);

  if (!loanId) return <ErrorBox error={new Error(t('f_no_loan'))} />;
  const forLoan = entries.filter((e) => e.kind === 'evaluation' && e.subjectId === loanId);
  const justSaved = saved && saved.entryParam === (entryId ?? '') ? queue.get(saved.id) : undefined;
  const editing = entryId ? queue.get(entryId) : undefined;
  const snap = loan.data?.value;

  return (
    <div className="f-page f-evaluate">
      <OfflineBanner pending={pending} />
      <p className="f-back">
        <Link to="/my-work">← {t('f_back_to_work')}</Link>
      </p>
      <h1>{t('f_eval_title')}</h1>
      {loan.loading && <Loading />}
      {loan.error !== undefined && <ErrorBox error={loan.error} onRetry={loan.reload} />}
      {loan.data && <LoanCard snap={snap} live={loan.data.live} at={loan.data.at} offices={offices} />}

      {forLoan.length > 0 && (
        <section className="f-section" aria-label={t('f_entry_status')}>
          <h2>{t('f_entry_status')}</h2>
          <ul className="list f-entries">
            {forLoan.map((e) => (
              <EntryItem key={e.id} entry={e} sending={sending(e.id)} />
            ))}
          </ul>
        </section>
      )}

      {justSaved ? (
        <div className="card f-saved" role="status">
          <p>
            <strong>{t(justSaved.status === 'sent' ? 'f_entry_sent_note' : justSaved.status === 'failed' ? 'f_entry_failed_note' : 'f_entry_saved_note')}</strong>
          </p>
          <p>
            <Link className="button" to="/my-work">
              {t('f_back_to_work')}
            </Link>
          </p>
        </div>
      ) : (
        (loan.data || (loan.error !== undefined && editing)) &&
        (!entryId || editing?.status === 'failed') && (
          <EvaluationForm
            key={editing?.id ?? 'new'}
            loanId={loanId}
            owner={owner}
            snap={snap}
            queued={forLoan}
            kindParam={kindParam && KINDS.includes(kindParam) ? kindParam : undefined}
            editing={editing?.status === 'failed' ? editing : undefined}
            onSaved={(id) => setSaved({ id, entryParam: entryId ?? '' })}
          />
        )
      )}
    </div>
  );
}

function LoanCard({ snap, live, at, offices }: { snap?: LoanSnapshot; live: boolean; at?: string; offices?: Map<string, Office> }) {
  const { t, lang } = useI18n();
  const today = todayIso();
  if (!snap) return <p className="f-note">{t('f_loan_unavailable')}</p>;
  return (
    <section className="card f-loan" aria-label={snap.mother}>
      {!live && at && <p className="f-note">{t('f_loan_cached', { t: when(at, lang) })}</p>}
      <div className="row">
        <strong className="f-mother">{snap.mother}</strong>
        <span className={`badge badge-${snap.status}`}>{t(`status_${snap.status}`)}</span>
      </div>
      <div className="muted f-small">{placeName(snap.villageId, offices, lang)}</div>
      <dl className="f-facts">
        <div>
          <dt>{t('f_principal')}</dt>
          <dd>{yuan(snap.principalFen)}</dd>
        </div>
        <div>
          <dt>{t('f_balance')}</dt>
          <dd>{yuan(snap.balanceFen)}</dd>
        </div>
        <div>
          <dt>{t('f_disbursed_on')}</dt>
          <dd>{date(snap.disbursedOn, lang)}</dd>
        </div>
        <div>
          <dt>{t('f_loan_due')}</dt>
          <dd>{date(snap.dueOn, lang)}</dd>
        </div>
      </dl>
      <h3>{t('f_schedule')}</h3>
      <ul className="f-schedule">
        {snap.evaluationSchedule.map((s, i) => (
          <li key={i} className={s.evaluationId ? 'done' : s.dueOn < today ? 'overdue' : ''}>
            <span>{t(`kind_${s.kind}`)}</span>
            <span>{date(s.dueOn, lang)}</span>
            {s.evaluationId ? <span className="badge badge-sent">{t('f_done')}</span> : s.dueOn < today ? <span className="badge badge-overdue">{t('f_overdue')}</span> : <span />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function EvaluationForm({
  loanId,
  owner,
  snap,
  queued,
  kindParam,
  editing,
  onSaved,
}: {
  loanId: string;
  owner: string;
  snap?: LoanSnapshot;
  queued: QueueEntry[];
  kindParam?: EvaluationKind;
  editing?: QueueEntry;
  onSaved: (id: string) => void;
}) {
  const { t } = useI18n();
  const online = useOnline();
  const today = todayIso();
  const [form, setForm] = useState<FormState>(() => {
    if (editing) return formFromBody(editing.body);
    try {
      const draft = localStorage.getItem(draftKey(owner, loanId));
      if (draft) return { ...emptyForm(), ...(JSON.parse(draft) as Partial<FormState>) };
    } catch {
      // an unreadable draft is dropped
    }
    return emptyForm();
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  // the next open slot of the schedule, not already waiting in the outbox
  const defaultKind = useMemo<EvaluationKind>(() => {
    if (kindParam) return kindParam;
    const queuedKinds = new Set(queued.filter((e) => e.status !== 'failed').map((e) => String(e.body.kind)));
    const open = snap?.evaluationSchedule.find((s) => !s.evaluationId && !queuedKinds.has(s.kind));
    return open?.kind ?? 'midterm';
  }, [kindParam, queued, snap]);
  const kind = form.kind ?? defaultKind;

  // keep a draft on the device while typing (not when correcting an outbox entry)
  useEffect(() => {
    if (editing) return;
    const id = setTimeout(() => localStorage.setItem(draftKey(owner, loanId), JSON.stringify(form)), 300);
    return () => clearTimeout(id);
  }, [form, editing, owner, loanId]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));

  function validate() {
    const e: Record<string, string> = {};
    if (!form.evaluatedOn) e.evaluatedOn = t('f_required');
    else if (form.evaluatedOn > today) e.evaluatedOn = t('f_bad_date');
    for (const k of ['fundUse', 'progress', 'operatingState'] as const) {
      const m = checkText(form[k], 2000, true, t);
      if (m) e[k] = m;
    }
    for (const k of ['problems', 'actionsUrged'] as const) {
      const m = checkText(form[k], 2000, false, t);
      if (m) e[k] = m;
    }
    const income = parseYuan(form.income);
    const forecast = parseYuan(form.forecast);
    if (income === undefined) e.income = form.income.trim() ? t('f_bad_amount') : t('f_required');
    if (forecast === undefined) e.forecast = form.forecast.trim() ? t('f_bad_amount') : t('f_required');
    if (form.methods.length === 0) e.methods = t('f_pick_method');
    if (kind === 'final' && !form.leftPoverty) e.leftPoverty = t('f_pick_left_poverty');
    return { e, income, forecast };
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const { e, income, forecast } = validate();
    setErrors(e);
    if (Object.keys(e).length || income === undefined || forecast === undefined) return;
    const body: Record<string, unknown> = {
      kind,
      evaluatedOn: form.evaluatedOn,
      fundUse: form.fundUse.trim(),
      progress: form.progress.trim(),
      operatingState: form.operatingState.trim(),
      incomeToDateFen: income,
      forecastFen: forecast,
      ...(form.problems.trim() ? { problems: form.problems.trim() } : {}),
      ...(form.actionsUrged.trim() ? { actionsUrged: form.actionsUrged.trim() } : {}),
      methods: METHODS.filter((m) => form.methods.includes(m)),
      ...(kind === 'final' ? { leftPoverty: form.leftPoverty === 'yes' } : {}),
    };
    setBusy(true);
    try {
      // stored on the device first, with its key; only then sent
      const entry = editing
        ? await queue.replace(editing.id, body, newIdempotencyKey())
        : await queue.add({ kind: 'evaluation', owner, path: `/loans/${loanId}/evaluations`, body, idempotencyKey: newIdempotencyKey(), subjectId: loanId, label: snap?.mother ?? loanId.slice(-6) });
      localStorage.removeItem(draftKey(owner, loanId));
      onSaved(entry.id);
      void sendNow();
    } finally {
      setBusy(false);
    }
  }

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form className="card f-form" onSubmit={submit} noValidate aria-label={t('f_eval_title')}>
      {editing && <p className="f-note">{t('f_edit_entry')}</p>}
      <fieldset className="f-choice">
        <legend>{t('f_kind')}</legend>
        <div className="f-choice-row">
          {KINDS.map((k) => (
            <label key={k} className={kind === k ? 'f-pill checked' : 'f-pill'}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => set('kind', k)} />
              {t(`kind_${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('f_evaluated_on')}>
        <input type="date" name="evaluatedOn" value={form.evaluatedOn} max={today} onChange={(e) => set('evaluatedOn', e.target.value)} required />
        <FieldError message={errors.evaluatedOn} />
      </Field>
      <Field label={t('f_fund_use')}>
        <textarea name="fundUse" value={form.fundUse} onChange={(e) => set('fundUse', e.target.value)} rows={2} required />
        <FieldError message={errors.fundUse} />
      </Field>
      <Field label={t('f_progress')}>
        <textarea name="progress" value={form.progress} onChange={(e) => set('progress', e.target.value)} rows={2} required />
        <FieldError message={errors.progress} />
      </Field>
      <Field label={t('f_operating_state')}>
        <textarea name="operatingState" value={form.operatingState} onChange={(e) => set('operatingState', e.target.value)} rows={2} required />
        <FieldError message={errors.operatingState} />
      </Field>
      <div className="f-two">
        <Field label={t('f_income_to_date')} hint={t('f_yuan_hint')}>
          <input name="income" inputMode="decimal" autoComplete="off" value={form.income} onChange={(e) => set('income', e.target.value)} required />
          <FieldError message={errors.income} />
        </Field>
        <Field label={t('f_forecast')}>
          <input name="forecast" inputMode="decimal" autoComplete="off" value={form.forecast} onChange={(e) => set('forecast', e.target.value)} required />
          <FieldError message={errors.forecast} />
        </Field>
      </div>
      <fieldset className="f-choice" aria-invalid={errors.methods ? true : undefined}>
        <legend>{t('f_methods')}</legend>
        <div className="f-methods">
          {METHODS.map((m) => (
            <label key={m} className={form.methods.includes(m) ? 'f-method checked' : 'f-method'}>
              <input
                type="checkbox"
                name="methods"
                value={m}
                checked={form.methods.includes(m)}
                onChange={(e) => set('methods', e.target.checked ? [...form.methods, m] : form.methods.filter((x) => x !== m))}
              />
              <span className="f-method-char">{t(`method_${m}`)}</span>
              <span className="f-method-hint">{t(`method_${m}_hint`)}</span>
            </label>
          ))}
        </div>
        <FieldError message={errors.methods} />
      </fieldset>
      {kind === 'final' && <YesNo name="leftPoverty" label={t('f_left_poverty')} value={form.leftPoverty} onChange={(v) => set('leftPoverty', v as FormState['leftPoverty'])} error={errors.leftPoverty} />}
      <Field label={t('f_problems')}>
        <textarea name="problems" value={form.problems} onChange={(e) => set('problems', e.target.value)} rows={2} />
        <FieldError message={errors.problems} />
      </Field>
      <Field label={t('f_actions')}>
        <textarea name="actionsUrged" value={form.actionsUrged} onChange={(e) => set('actionsUrged', e.target.value)} rows={2} />
        <FieldError message={errors.actionsUrged} />
      </Field>
      {hasErrors && <ErrorBox error={new Error(t('f_fix_errors'))} />}
      <button type="submit" className="f-submit" disabled={busy}>
        {online ? t('f_save_send') : t('f_save_offline')}
      </button>
    </form>
  );
}
