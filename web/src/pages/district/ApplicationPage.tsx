/**
 * One application, in the order the work is done: the mother and her plan, the public notice
 * and objections, the household visits, the screening rule by rule, and the decision.
 */
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useLoad, write } from '../../api/queries.ts';
import type { PageProps } from '../../pages.tsx';
import { useAuth } from '../../auth.tsx';
import { maskId, parseYuan, todayIso, yuan } from '../../i18n/format.ts';
import { isMessageKey, useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { ConfirmDialog, ErrorBox, StatusBadge } from '../../ui.tsx';
import { fenInCapitals } from '../../i18n/chinese-numerals.ts';
import { BackLink, Check, Facts, FormField, HistoryList, Loaded, Section, fieldError, inChina, formLevelError, hrefOf, noticeState, useAction, useDate, useOfficeName } from './common.tsx';
import type { ApplicationDetail, Objection, Round, ScreeningResult } from './types.ts';

export function ApplicationPage({ id }: PageProps) {
  const state = useLoad(['GET /applications/{id}', { id }, 'with-round'], async (signal) => {
    const app = await call('GET /applications/{id}', { params: { id }, signal });
    const round = await call('GET /rounds/{id}', { params: { id: app.roundId }, signal }).catch(() => undefined);
    return { app, round };
  });
  return (
    <div className="d-page">
      <Loaded state={state}>{({ app, round }) => <ApplicationView app={app} round={round} reload={state.reload} />}</Loaded>
    </div>
  );
}

function ApplicationView({ app, round, reload }: { app: ApplicationDetail; round?: Round; reload: () => void }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const role = session?.role;
  const officeName = useOfficeName();
  const fmt = useDate();
  const [showId, setShowId] = useState(false);
  const open = app.status === 'submitted';
  const perCapita = Math.floor(app.householdAnnualIncomeFen / app.householdSize);

  return (
    <>
      <BackLink to={hrefOf('/applications', { roundId: app.roundId })} label={t('d_back_to_queue')} />
      <div className="row d-title">
        <h1>
          {app.mother.name} <StatusBadge status={app.status} />
        </h1>
        {app.loanId && (
          <Link className="button" to={`/loans/${app.loanId}`}>
            {t('d_open_loan')}
          </Link>
        )}
      </div>
      <p className="muted d-subtitle">
        {officeName(app.villageId)} · {officeName(app.townshipId)} · {round?.name ?? app.roundId} · {t('d_submitted_on')} {fmt(app.submittedOn)}
      </p>

      <div className="grid two">
        <Section title={t('d_mother_and_household')}>
          <Facts
            rows={[
              [t('d_mother_name'), app.mother.name],
              [
                t('d_resident_id'),
                <span key="id" className="d-idline">
                  <span className="d-mono">{showId ? app.mother.residentId : maskId(app.mother.residentId)}</span>
                  <button type="button" className="link" onClick={() => setShowId(!showId)}>
                    {showId ? t('d_hide') : t('d_show')}
                  </button>
                </span>,
              ],
              [t('d_phone'), app.mother.phone ?? '—'],
              [t('d_household_size'), t('d_persons', { n: app.householdSize })],
              [t('d_household_income'), yuan(app.householdAnnualIncomeFen)],
              [t('d_per_capita_income'), `${yuan(perCapita)} / ${t('d_village_avg')} ${yuan(app.villagePerCapitaIncomeFen)}`],
              [t('d_family_planning'), t(`d_fp_${app.familyPlanning}`)],
            ]}
          />
        </Section>
        <Section title={t('d_project_and_amount')}>
          <Facts
            rows={[
              [t('d_project_type'), t(`d_pt_${app.project.type}`)],
              [t('d_project_description'), app.project.description],
              [t('d_expected_return'), yuan(app.project.expectedAnnualReturnFen)],
              [t('d_amount_requested'), <strong key="a">{yuan(app.amountRequestedFen)}</strong>],
              ...(round ? ([[t('d_round_range'), `${yuan(round.minLoanFen)} – ${yuan(round.maxLoanFen)}`]] as [string, string][]) : []),
            ]}
          />
        </Section>
      </div>

      <NoticeSection app={app} round={round} role={role} open={open} reload={reload} />
      <ObjectionsSection app={app} role={role} open={open} reload={reload} />
      <VisitsSection app={app} role={role} open={open} reload={reload} />
      <ScreeningSection app={app} role={role} open={open} reload={reload} />
      <DecisionSection app={app} round={round} role={role} reload={reload} />

      <Section title={t('d_earlier_loans')}>
        {app.earlierLoans.length === 0 ? (
          <p className="muted">{t('d_no_earlier_loans')}</p>
        ) : (
          <table className="d-rtable">
            <thead>
              <tr>
                <th>{t('d_loan')}</th>
                <th className="num">{t('d_principal')}</th>
                <th>{t('d_disbursed_on')}</th>
                <th>{t('d_repaid_on')}</th>
                <th>{t('d_status')}</th>
              </tr>
            </thead>
            <tbody>
              {app.earlierLoans.map((l) => (
                <tr key={l.id}>
                  <td data-label={t('d_loan')}>
                    <Link to={`/loans/${l.id}`}>{l.id.slice(-8)}</Link>
                  </td>
                  <td data-label={t('d_principal')} className="num">
                    {yuan(l.principalFen)}
                  </td>
                  <td data-label={t('d_disbursed_on')}>{fmt(l.disbursedOn)}</td>
                  <td data-label={t('d_repaid_on')}>{fmt(l.repaidOn)}</td>
                  <td data-label={t('d_status')}>
                    <StatusBadge status={l.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title={t('d_history')}>
        <HistoryList events={app.history} />
      </Section>
    </>
  );
}

type Props = { app: ApplicationDetail; role?: string; open: boolean; reload: () => void };

function NoticeSection({ app, round, role, open, reload }: Props & { round?: Round }) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const action = useAction();
  const [f, setF] = useState({ postedOn: today, days: String(round?.noticeDays ?? 7), place: '' });
  const ns = noticeState(app.notice, today);
  const canPost = open && !app.notice && (role === 'township' || role === 'district');

  async function post(e: FormEvent) {
    e.preventDefault();
    await action.run(async () => {
      await write('POST /applications/{id}/notice', { params: { id: app.id }, body: { postedOn: f.postedOn, ...(f.days ? { days: Number(f.days) } : {}), ...(f.place.trim() ? { place: f.place.trim() } : {}) } });
      reload();
    });
  }

  return (
    <Section
      title={t('d_public_notice')}
      actions={
        <Link to={hrefOf('/notice', { roundId: app.roundId, villageId: app.villageId })} className="d-small">
          {t('d_print_village_notice')}
        </Link>
      }
    >
      {app.notice ? (
        <>
          <p>
            <span className={`d-notice d-notice-${ns}`}>{ns === 'running' ? t('d_notice_running_until', { date: fmt(app.notice.endsOn) }) : t('d_notice_over')}</span>
          </p>
          <Facts
            rows={[
              [t('d_posted_on'), fmt(app.notice.postedOn)],
              [t('d_notice_days'), t('d_days', { n: app.notice.days })],
              [t('d_notice_ends_on'), fmt(app.notice.endsOn)],
              [t('d_notice_place'), app.notice.place ?? '—'],
            ]}
          />
        </>
      ) : (
        <p className="muted">{t('d_notice_none_yet')}</p>
      )}
      {canPost && (
        <form onSubmit={post} className="d-inline-form" aria-label={t('d_post_notice')}>
          {formLevelError(action.error, ['postedOn', 'days', 'place']) !== undefined && <ErrorBox error={formLevelError(action.error, ['postedOn', 'days', 'place'])} />}
          <div className="grid three">
            <FormField label={t('d_posted_on')} error={fieldError(action.error, 'postedOn')}>
              <input type="date" name="postedOn" value={f.postedOn} max={today} onChange={(e) => setF({ ...f, postedOn: e.target.value })} />
            </FormField>
            <FormField label={t('d_notice_days')} error={fieldError(action.error, 'days')} hint={round ? t('d_notice_days_hint', { n: round.noticeDays }) : undefined}>
              <input name="days" inputMode="numeric" value={f.days} onChange={(e) => setF({ ...f, days: e.target.value.replace(/\D/g, '') })} />
            </FormField>
            <FormField label={t('d_notice_place_optional')} error={fieldError(action.error, 'place')}>
              <input name="place" value={f.place} onChange={(e) => setF({ ...f, place: e.target.value })} placeholder={t('d_notice_place_placeholder')} />
            </FormField>
          </div>
          <div className="actions">
            <button type="submit" disabled={action.busy}>
              {t('d_post_notice')}
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}

function ObjectionsSection({ app, role, open, reload }: Props) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const action = useAction();
  const [adding, setAdding] = useState(false);
  const [f, setF] = useState({ raisedOn: today, raisedBy: '', content: '' });
  const canRecord = open && !!app.notice && (role === 'township' || role === 'district');

  async function record(e: FormEvent) {
    e.preventDefault();
    const ok = await action.run(async () => {
      await write('POST /applications/{id}/objections', { params: { id: app.id }, body: { raisedOn: f.raisedOn, content: f.content, ...(f.raisedBy.trim() ? { raisedBy: f.raisedBy.trim() } : {}) } });
    });
    if (ok) {
      setAdding(false);
      setF({ raisedOn: today, raisedBy: '', content: '' });
      reload();
    }
  }

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
                {t('d_resolved_on', { date: fmt(o.resolution.resolvedOn) })}: {o.resolution.note} ({o.resolution.resolvedBy.username})
              </p>
            )}
            {o.status === 'open' && role === 'district' && open && <ResolveForm app={app} objection={o} reload={reload} />}
          </li>
        ))}
      </ul>
      {adding && (
        <form onSubmit={record} className="d-inline-form" aria-label={t('d_record_objection')}>
          {formLevelError(action.error, ['raisedOn', 'raisedBy', 'content']) !== undefined && <ErrorBox error={formLevelError(action.error, ['raisedOn', 'raisedBy', 'content'])} />}
          <div className="grid two">
            <FormField label={t('d_raised_on')} error={fieldError(action.error, 'raisedOn')}>
              <input type="date" value={f.raisedOn} max={today} onChange={(e) => setF({ ...f, raisedOn: e.target.value })} />
            </FormField>
            <FormField label={t('d_raised_by_optional')} error={fieldError(action.error, 'raisedBy')}>
              <input value={f.raisedBy} onChange={(e) => setF({ ...f, raisedBy: e.target.value })} />
            </FormField>
          </div>
          <FormField label={t('d_objection_content')} error={fieldError(action.error, 'content')}>
            <textarea value={f.content} onChange={(e) => setF({ ...f, content: e.target.value })} />
          </FormField>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setAdding(false)}>
              {t('cancel')}
            </button>
            <button type="submit" disabled={action.busy}>
              {t('save')}
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}

function ResolveForm({ app, objection, reload }: { app: ApplicationDetail; objection: Objection; reload: () => void }) {
  const { t } = useI18n();
  const today = todayIso();
  const action = useAction();
  const [f, setF] = useState({ resolvedOn: today, outcome: 'dismissed' as 'dismissed' | 'upheld', note: '' });
  async function resolve(e: FormEvent) {
    e.preventDefault();
    const ok = await action.run(async () => {
      await write('POST /applications/{id}/objections/{objectionId}/resolution', { params: { id: app.id, objectionId: objection.id }, body: f });
    });
    if (ok) reload();
  }
  return (
    <form onSubmit={resolve} className="d-inline-form d-resolve" aria-label={t('d_resolve')}>
      {formLevelError(action.error, ['resolvedOn', 'note', 'outcome']) !== undefined && <ErrorBox error={formLevelError(action.error, ['resolvedOn', 'note', 'outcome'])} />}
      <div className="grid two">
        <FormField label={t('d_resolved_on_label')} error={fieldError(action.error, 'resolvedOn')}>
          <input type="date" value={f.resolvedOn} max={today} onChange={(e) => setF({ ...f, resolvedOn: e.target.value })} />
        </FormField>
        <FormField label={t('d_outcome')} error={fieldError(action.error, 'outcome')}>
          <select value={f.outcome} onChange={(e) => setF({ ...f, outcome: e.target.value as 'dismissed' | 'upheld' })}>
            <option value="dismissed">{t('d_obj_dismissed_long')}</option>
            <option value="upheld">{t('d_obj_upheld_long')}</option>
          </select>
        </FormField>
      </div>
      <FormField label={t('d_resolution_note')} error={fieldError(action.error, 'note')}>
        <textarea value={f.note} onChange={(e) => setF({ ...f, note: e.target.value })} />
      </FormField>
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {t('d_resolve')}
        </button>
      </div>
    </form>
  );
}

function VisitsSection({ app, role, open, reload }: Props) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const action = useAction();
  const [adding, setAdding] = useState(false);
  const blank = { visitedOn: today, visitors: '', willingToWork: false, planCredible: false, notes: '' };
  const [f, setF] = useState(blank);
  const canLog = open && (role === 'district' || role === 'field');
  const visits = [...app.visits].sort((a, b) => a.visitedOn.localeCompare(b.visitedOn));

  async function log(e: FormEvent) {
    e.preventDefault();
    const visitors = f.visitors.split(/[,，、;；\s]+/).filter(Boolean);
    const ok = await action.run(async () => {
      await write('POST /applications/{id}/visits', { params: { id: app.id }, body: { ...f, visitors } });
    });
    if (ok) {
      setAdding(false);
      setF(blank);
      reload();
    }
  }

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
      {visits.length === 0 ? null : (
        <ul className="list">
          {visits.map((v) => (
            <li key={v.id}>
              <div className="row">
                <strong>{fmt(v.visitedOn)}</strong>
                <span className="muted">{v.visitors.join('、')}</span>
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
      {adding && (
        <form onSubmit={log} className="d-inline-form" aria-label={t('d_log_visit')}>
          {formLevelError(action.error, ['visitedOn', 'visitors', 'notes']) !== undefined && <ErrorBox error={formLevelError(action.error, ['visitedOn', 'visitors', 'notes'])} />}
          <div className="grid two">
            <FormField label={t('d_visited_on')} error={fieldError(action.error, 'visitedOn')}>
              <input type="date" value={f.visitedOn} max={today} onChange={(e) => setF({ ...f, visitedOn: e.target.value })} />
            </FormField>
            <FormField label={t('d_visitors')} error={fieldError(action.error, 'visitors') ?? fieldError(action.error, 'visitors.0')} hint={t('d_visitors_hint')}>
              <input value={f.visitors} onChange={(e) => setF({ ...f, visitors: e.target.value })} />
            </FormField>
          </div>
          <Check label={t('d_willing_to_work_q')} checked={f.willingToWork} onChange={(v) => setF({ ...f, willingToWork: v })} />
          <Check label={t('d_plan_credible_q')} checked={f.planCredible} onChange={(v) => setF({ ...f, planCredible: v })} />
          <FormField label={t('d_visit_notes')} error={fieldError(action.error, 'notes')}>
            <textarea value={f.notes} onChange={(e) => setF({ ...f, notes: e.target.value })} />
          </FormField>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setAdding(false)}>
              {t('cancel')}
            </button>
            <button type="submit" disabled={action.busy}>
              {t('save')}
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}

function ScreeningSection({ app, role, open, reload }: Props) {
  const ruleName = (rule: string) => {
    const key = `d_rule_${rule}`;
    return isMessageKey(key) ? t(key) : rule;
  };
  const { t, lang } = useI18n();
  const fmt = useDate();
  const action = useAction();
  const [fresh, setFresh] = useState<ScreeningResult>();
  const s = fresh ?? app.screening;
  const canRun = open && (role === 'district' || role === 'field');
  async function run() {
    const ok = await action.run(async () => {
      setFresh(await write('POST /applications/{id}/screening', { params: { id: app.id } }));
    });
    if (ok) reload();
  }
  return (
    <Section
      title={t('d_screening_title')}
      actions={
        canRun ? (
          <button type="button" onClick={run} disabled={action.busy}>
            {s ? t('d_run_screening_again') : t('d_run_screening')}
          </button>
        ) : undefined
      }
    >
      {action.error !== undefined && <ErrorBox error={action.error} />}
      {!s ? (
        <p className="muted">{t('d_not_screened_yet')}</p>
      ) : (
        <>
          <div className={`d-verdict ${s.passed ? 'd-verdict-pass' : 'd-verdict-fail'}`} role="status">
            <strong>{s.passed ? `✓ ${t('d_screening_passed')}` : `✗ ${t('d_screening_failed')}`}</strong>
            <span className="d-score-big">
              {t('d_priority_score')} <b>{s.priorityScore}</b>/100
            </span>
          </div>
          <div className="d-rules">
            {s.rules.map((r) => (
              <div key={r.rule} className={`rule ${r.passed ? 'pass' : 'fail'}`} data-rule={r.rule}>
                <span className="mark" aria-label={r.passed ? t('d_passed') : t('d_failed')}>
                  {r.passed ? '✓' : '✗'}
                </span>
                <span>
                  <strong>{ruleName(r.rule)}</strong>
                  <br />
                  <span className={lang === 'zh' ? '' : 'muted'}>{lang === 'zh' ? r.reasonZh : r.reason}</span>
                </span>
              </div>
            ))}
          </div>
          <p className="muted d-small">
            {t('d_screened_at', { date: `${fmt(inChina(s.screenedAt).day)} ${inChina(s.screenedAt).time}` })}
            {s.screenedBy ? ` · ${s.screenedBy.username}` : ''}
          </p>
        </>
      )}
    </Section>
  );
}

function DecisionSection({ app, round, role, reload }: { app: ApplicationDetail; round?: Round; role?: string; reload: () => void }) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const action = useAction();
  const [mode, setMode] = useState<'approve' | 'reject'>('approve');
  const [amount, setAmount] = useState(String(app.amountRequestedFen / 100));
  const [decidedOn, setDecidedOn] = useState(today);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string>();
  const [confirming, setConfirming] = useState<{ decision: 'approve'; amountFen: number } | { decision: 'reject' }>();
  const [loanId, setLoanId] = useState<string>();

  if (app.decision) {
    const d = app.decision;
    return (
      <Section title={t('d_decision')}>
        <Facts
          rows={[
            [t('d_decision'), <StatusBadge key="s" status={app.status} />],
            [t('d_decided_on'), fmt(d.decidedOn)],
            ...(d.amountFen !== undefined ? ([[t('d_approved_amount'), `${yuan(d.amountFen)}（${fenInCapitals(d.amountFen)}）`]] as [string, string][]) : []),
            ...(d.reason ? ([[t('d_reject_reason'), d.reason]] as [string, string][]) : []),
            ...(d.note ? ([[t('d_note'), d.note]] as [string, string][]) : []),
            [t('d_decided_by'), d.decidedBy.username],
          ]}
        />
        {(app.loanId ?? loanId) && (
          <p>
            <Link className="button" to={`/loans/${app.loanId ?? loanId}`}>
              {t('d_open_loan')}
            </Link>
          </p>
        )}
      </Section>
    );
  }
  if (role !== 'district' || app.status !== 'submitted') return null;

  const checklist: [string, boolean][] = [
    [t('d_check_notice'), !!app.notice && today > app.notice.endsOn],
    [t('d_check_objections'), app.objections.every((o) => o.status === 'dismissed')],
    [t('d_check_visits'), app.visits.length >= 2],
    [t('d_check_screening'), !!app.screening?.passed],
  ];

  function ask(e: FormEvent) {
    e.preventDefault();
    action.clear();
    if (mode === 'approve') {
      const amountFen = parseYuan(amount);
      if (!amountFen) return setLocal(t('d_err_yuan'));
      if (round && (amountFen < round.minLoanFen || amountFen > round.maxLoanFen)) return setLocal(t('d_err_range', { min: yuan(round.minLoanFen), max: yuan(round.maxLoanFen) }));
      setLocal(undefined);
      setConfirming({ decision: 'approve', amountFen });
    } else {
      setLocal(undefined);
      setConfirming({ decision: 'reject' });
    }
  }

  async function decide() {
    if (!confirming) return;
    const body =
      confirming.decision === 'approve'
        ? { decision: 'approve' as const, decidedOn, amountFen: confirming.amountFen, ...(note.trim() ? { note: note.trim() } : {}) }
        : { decision: 'reject' as const, decidedOn, reason };
    await action.run(async () => {
      const saved = await write('POST /applications/{id}/decision', { params: { id: app.id }, body });
      if (saved.loanId) setLoanId(saved.loanId);
      reload();
    });
    setConfirming(undefined);
  }

  const fields = ['amountFen', 'decidedOn', 'reason', 'note'];
  return (
    <Section title={t('d_decision')} id="decision">
      <ul className="d-checklist" aria-label={t('d_checklist')}>
        {checklist.map(([label, ok]) => (
          <li key={label} className={ok ? 'd-pass' : 'd-fail'}>
            {ok ? '✓' : '✗'} {label}
          </li>
        ))}
      </ul>
      <div className="d-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'approve'} className={mode === 'approve' ? '' : 'secondary'} onClick={() => setMode('approve')}>
          {t('d_approve')}
        </button>
        <button type="button" role="tab" aria-selected={mode === 'reject'} className={mode === 'reject' ? '' : 'secondary'} onClick={() => setMode('reject')}>
          {t('d_reject')}
        </button>
      </div>
      <form onSubmit={ask} className="d-inline-form" aria-label={mode === 'approve' ? t('d_approve') : t('d_reject')}>
        {formLevelError(action.error, fields) !== undefined && <ErrorBox error={formLevelError(action.error, fields)} />}
        <div className="grid two">
          {mode === 'approve' ? (
            <FormField label={t('d_approved_amount_yuan')} error={local ?? fieldError(action.error, 'amountFen')} hint={round ? `${yuan(round.minLoanFen)} – ${yuan(round.maxLoanFen)}` : undefined}>
              <input name="amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
            </FormField>
          ) : (
            <FormField label={t('d_reject_reason')} error={fieldError(action.error, 'reason')}>
              <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} required />
            </FormField>
          )}
          <FormField label={t('d_decided_on')} error={fieldError(action.error, 'decidedOn')}>
            <input type="date" name="decidedOn" value={decidedOn} max={today} onChange={(e) => setDecidedOn(e.target.value)} />
          </FormField>
        </div>
        {mode === 'approve' && (
          <FormField label={t('d_note_optional')} error={fieldError(action.error, 'note')}>
            <input name="note" value={note} onChange={(e) => setNote(e.target.value)} />
          </FormField>
        )}
        <div className="actions">
          <button type="submit" className={mode === 'reject' ? 'd-danger' : ''} disabled={action.busy}>
            {mode === 'approve' ? t('d_approve_ellipsis') : t('d_reject_ellipsis')}
          </button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog title={confirming.decision === 'approve' ? t('d_confirm_approve_title') : t('d_confirm_reject_title')} onCancel={() => setConfirming(undefined)} onConfirm={decide} busy={action.busy}>
          {confirming.decision === 'approve' ? (
            <>
              <p>{t('d_confirm_approve_body', { name: app.mother.name })}</p>
              <p className="d-big-amount">{yuan(confirming.amountFen)}</p>
              <p className="muted">{fenInCapitals(confirming.amountFen)}</p>
              <p className="muted d-small">{t('d_decided_on')}: {fmt(decidedOn)}</p>
            </>
          ) : (
            <>
              <p>{t('d_confirm_reject_body', { name: app.mother.name })}</p>
              <p className="d-pre">{reason}</p>
            </>
          )}
        </ConfirmDialog>
      )}
    </Section>
  );
}
