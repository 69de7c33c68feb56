/**
 * One loan: what is owed and when, the agreement, the disbursement to the mother in person,
 * repayments, the evaluation schedule and the history. Money moves only after a confirmation
 * and with an Idempotency-Key kept across retries of the same submission.
 */
import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError, newIdempotencyKey } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { maskId, parseYuan, todayIso, yuan } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { ConfirmDialog, ErrorBox, StatusBadge, useLoad } from '../../ui.tsx';
import { fenInCapitals } from './chinese-numerals.ts';
import { BackLink, Check, Facts, FormField, HistoryList, Loaded, Section, fieldError, formLevelError, useAction, useDate, useOfficeName } from './common.tsx';
import { shownStatus } from './LoansPage.tsx';
import type { LoanDetail, Party, Round } from './types.ts';

export function LoanPage({ id }: { id: string }) {
  const state = useLoad(async (signal) => {
    const loan = await api.get<LoanDetail>(`/loans/${id}`, { signal });
    const round = await api.get<Round>(`/rounds/${loan.roundId}`, { signal }).catch(() => undefined);
    return { loan, round };
  }, [id]);
  return (
    <div className="d-page">
      <Loaded state={state}>{({ loan, round }) => <LoanView loan={loan} round={round} reload={state.reload} />}</Loaded>
    </div>
  );
}

function LoanView({ loan, round, reload }: { loan: LoanDetail; round?: Round; reload: () => void }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const role = session?.role;
  const fmt = useDate();
  const officeName = useOfficeName();
  const [showId, setShowId] = useState(false);
  const status = shownStatus(loan);
  const today = todayIso();

  return (
    <>
      <BackLink to="/loans" label={t('d_back_to_loans')} />
      <div className="row d-title">
        <h1>
          {loan.mother.name} <StatusBadge status={status} />
        </h1>
        <div className="d-title-actions">
          <Link className="button secondary" to={`/loans/${loan.id}/agreement`}>
            {t('d_print_agreement')}
          </Link>
          <Link className="button secondary" to={`/applications/${loan.applicationId}`}>
            {t('d_open_application')}
          </Link>
        </div>
      </div>
      <p className="muted d-subtitle">
        {officeName(loan.villageId)} · {officeName(loan.townshipId)} · {round?.name ?? loan.roundId}
      </p>

      <div className="d-kpis">
        <div className="kpi">
          <div className="label">{t('d_principal')}</div>
          <div className="value">{yuan(loan.principalFen)}</div>
        </div>
        <div className="kpi">
          <div className="label">{t('d_repaid')}</div>
          <div className="value">{yuan(loan.repaidFen)}</div>
        </div>
        <div className="kpi">
          <div className="label">{t('d_balance')}</div>
          <div className="value" data-testid="balance">
            {yuan(loan.balanceFen)}
          </div>
        </div>
        <div className={`kpi ${loan.daysPastDue > 0 ? 'd-kpi-bad' : ''}`}>
          <div className="label">{t('d_due_on')}</div>
          <div className="value d-value-date">{loan.dueOn ? fmt(loan.dueOn) : t('d_after_disbursement', { n: loan.termMonths })}</div>
          {loan.daysPastDue > 0 && <div className="d-overdue-days">{t('d_days_overdue', { n: loan.daysPastDue })}</div>}
        </div>
      </div>

      <Section title={t('d_loan_facts')}>
        <Facts
          rows={[
            [
              t('d_resident_id'),
              <span key="id" className="d-idline">
                <span className="d-mono">{showId ? loan.mother.residentId : maskId(loan.mother.residentId)}</span>
                <button type="button" className="link" onClick={() => setShowId(!showId)}>
                  {showId ? t('d_hide') : t('d_show')}
                </button>
              </span>,
            ],
            [t('d_household_size'), t('d_persons', { n: loan.householdSize })],
            [t('d_approved_on'), fmt(loan.approvedOn)],
            [t('d_term'), t('d_months', { n: loan.termMonths })],
            [t('d_disbursed_on'), fmt(loan.disbursement?.disbursedOn)],
            ...(loan.repaidOn ? ([[t('d_repaid_on'), fmt(loan.repaidOn)]] as [string, string][]) : []),
            ...(loan.writeOff ? ([[t('d_written_off'), `${fmt(loan.writeOff.writtenOffOn)} · ${yuan(loan.writeOff.amountFen)} · ${loan.writeOff.reason}`]] as [string, string][]) : []),
            ...(loan.fieldOfficer ? ([[t('d_field_officer'), loan.fieldOfficer.displayName ?? loan.fieldOfficer.username]] as [string, string][]) : []),
          ]}
        />
      </Section>

      <AgreementSection loan={loan} role={role} reload={reload} />
      <DisbursementSection loan={loan} role={role} reload={reload} />
      <RepaymentsSection loan={loan} role={role} reload={reload} />

      <Section title={t('d_evaluation_schedule')}>
        {loan.evaluationSchedule.length === 0 ? (
          <p className="muted">{t('d_schedule_after_disbursement')}</p>
        ) : (
          <table className="d-rtable">
            <thead>
              <tr>
                <th>{t('d_evaluation_kind')}</th>
                <th>{t('d_due_on')}</th>
                <th>{t('d_state')}</th>
              </tr>
            </thead>
            <tbody>
              {loan.evaluationSchedule.map((s, i) => {
                const done = loan.evaluations.find((e) => e.id === s.evaluationId);
                return (
                  <tr key={`${s.kind}-${i}`}>
                    <td data-label={t('d_evaluation_kind')}>{t(`d_eval_${s.kind}`)}</td>
                    <td data-label={t('d_due_on')}>{fmt(s.dueOn)}</td>
                    <td data-label={t('d_state')}>
                      {done ? (
                        <span className="d-pass">✓ {t('d_evaluated_on', { date: fmt(done.evaluatedOn) })}</span>
                      ) : s.dueOn < today ? (
                        <span className="d-fail">✗ {t('d_evaluation_overdue')}</span>
                      ) : (
                        <span className="muted">{t('d_evaluation_upcoming')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>

      <Section title={t('d_evaluations')}>
        {loan.evaluations.length === 0 ? (
          <p className="muted">{t('d_no_evaluations')}</p>
        ) : (
          <ul className="list">
            {[...loan.evaluations]
              .sort((a, b) => a.evaluatedOn.localeCompare(b.evaluatedOn))
              .map((e) => (
                <li key={e.id}>
                  <div className="row">
                    <strong>
                      {t(`d_eval_${e.kind}`)} · {fmt(e.evaluatedOn)}
                    </strong>
                    <span className="muted">{e.recordedBy.displayName ?? e.recordedBy.username}</span>
                  </div>
                  <Facts
                    rows={[
                      [t('d_fund_use'), e.fundUse],
                      [t('d_progress'), e.progress],
                      [t('d_operating_state'), e.operatingState],
                      [t('d_income_to_date'), yuan(e.incomeToDateFen)],
                      [t('d_forecast'), yuan(e.forecastFen)],
                      ...(e.problems ? ([[t('d_problems'), e.problems]] as [string, string][]) : []),
                      ...(e.leftPoverty !== undefined ? ([[t('d_left_poverty'), e.leftPoverty ? t('d_yes') : t('d_no')]] as [string, string][]) : []),
                    ]}
                  />
                </li>
              ))}
          </ul>
        )}
      </Section>

      <Section title={t('d_history')}>
        <HistoryList events={loan.history} />
      </Section>
    </>
  );
}

type Props = { loan: LoanDetail; role?: string; reload: () => void };

const PARTIES: Party[] = ['mother', 'district', 'committee', 'township', 'village'];

function AgreementSection({ loan, role, reload }: Props) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const action = useAction();
  const [f, setF] = useState({ signedOn: today, townshipHead: '', villageHead: '' });
  const [signatories, setSignatories] = useState<{ party: Party; name: string }[]>([
    { party: 'mother', name: loan.mother.name },
    { party: 'district', name: '' },
    { party: 'township', name: '' },
  ]);
  const a = loan.agreement;
  const canRecord = !a && role === 'district' && loan.status === 'approved';

  async function record(e: FormEvent) {
    e.preventDefault();
    const ok = await action.run(async () => {
      await api.post(`/loans/${loan.id}/agreement`, {
        signedOn: f.signedOn,
        guarantors: { townshipHead: f.townshipHead, villageHead: f.villageHead },
        signatories: signatories.filter((s) => s.name.trim()).map((s) => ({ party: s.party, name: s.name.trim() })),
      });
    });
    if (ok) reload();
  }

  const fields = ['signedOn', 'guarantors.townshipHead', 'guarantors.villageHead', 'signatories'];
  const errField = action.error instanceof ApiError ? (action.error.field ?? '') : '';
  const signatoryError = errField.startsWith('signatories') ? (action.error as ApiError).message : undefined;
  const topError = signatoryError ? undefined : formLevelError(action.error, fields);
  return (
    <Section title={t('d_agreement')} id="agreement">
      {a ? (
        <>
          <Facts
            rows={[
              [t('d_signed_on'), fmt(a.signedOn)],
              [t('d_guarantor_township'), a.guarantors.townshipHead],
              [t('d_guarantor_village'), a.guarantors.villageHead],
              [t('d_signatories'), a.signatories.map((s) => `${s.name}（${t(`d_party_${s.party}`)}）`).join('、')],
            ]}
          />
        </>
      ) : canRecord ? (
        <form onSubmit={record} className="d-inline-form" aria-label={t('d_record_agreement')}>
          <p className="muted d-small">{t('d_agreement_hint')}</p>
          {topError !== undefined && <ErrorBox error={topError} />}
          <div className="grid three">
            <FormField label={t('d_signed_on')} error={fieldError(action.error, 'signedOn')}>
              <input type="date" name="signedOn" value={f.signedOn} max={today} onChange={(e) => setF({ ...f, signedOn: e.target.value })} />
            </FormField>
            <FormField label={t('d_guarantor_township')} error={fieldError(action.error, 'guarantors.townshipHead')}>
              <input name="townshipHead" value={f.townshipHead} onChange={(e) => setF({ ...f, townshipHead: e.target.value })} />
            </FormField>
            <FormField label={t('d_guarantor_village')} error={fieldError(action.error, 'guarantors.villageHead')}>
              <input name="villageHead" value={f.villageHead} onChange={(e) => setF({ ...f, villageHead: e.target.value })} />
            </FormField>
          </div>
          <fieldset className="d-fieldset">
            <legend>{t('d_signatories')}</legend>
            {signatories.map((s, i) => (
              <div className="d-signatory" key={i}>
                <select aria-label={t('d_party')} value={s.party} onChange={(e) => setSignatories(signatories.map((x, j) => (j === i ? { ...x, party: e.target.value as Party } : x)))}>
                  {PARTIES.map((p) => (
                    <option key={p} value={p}>
                      {t(`d_party_${p}`)}
                    </option>
                  ))}
                </select>
                <input aria-label={t('d_signatory_name')} name={`signatory-${i}`} placeholder={t('d_signatory_name')} value={s.name} onChange={(e) => setSignatories(signatories.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
                <button type="button" className="link" onClick={() => setSignatories(signatories.filter((_, j) => j !== i))} aria-label={t('d_remove')}>
                  ✕
                </button>
              </div>
            ))}
            <button type="button" className="link" onClick={() => setSignatories([...signatories, { party: 'village', name: '' }])}>
              + {t('d_add_signatory')}
            </button>
            {signatoryError && (
              <span className="d-field-error" role="alert">
                {signatoryError}
              </span>
            )}
          </fieldset>
          <div className="actions">
            <button type="submit" disabled={action.busy}>
              {t('d_record_agreement')}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">{loan.status === 'approved' ? t('d_agreement_waiting') : t('d_agreement_none')}</p>
      )}
    </Section>
  );
}

function DisbursementSection({ loan, role, reload }: Props) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const action = useAction();
  const key = useRef(newIdempotencyKey());
  const [f, setF] = useState({ disbursedOn: today, amount: String(loan.principalFen / 100), place: '', motherPresent: false, idChecked: false });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<number>();
  const d = loan.disbursement;
  const canDisburse = !d && loan.status === 'approved' && (role === 'district' || role === 'township');

  if (d)
    return (
      <Section title={t('d_disbursement')}>
        <Facts
          rows={[
            [t('d_disbursed_on'), fmt(d.disbursedOn)],
            [t('d_amount'), `${yuan(d.amountFen)}（${fenInCapitals(d.amountFen)}）`],
            [t('d_in_person'), `✓ ${t('d_mother_present')} · ✓ ${t('d_id_checked')}`],
            ...(d.place ? ([[t('d_place'), d.place]] as [string, string][]) : []),
            [t('d_recorded_by'), d.recordedBy.displayName ?? d.recordedBy.username],
          ]}
        />
      </Section>
    );
  if (!canDisburse) return null;

  function ask(e: FormEvent) {
    e.preventDefault();
    action.clear();
    const problems: Record<string, string> = {};
    const amountFen = parseYuan(f.amount);
    if (!amountFen) problems.amountFen = t('d_err_yuan');
    else if (amountFen !== loan.principalFen) problems.amountFen = t('d_err_principal', { amount: yuan(loan.principalFen) });
    if (!f.motherPresent) problems.motherPresent = t('d_err_present');
    if (!f.idChecked) problems.idChecked = t('d_err_id_checked');
    setLocal(problems);
    if (Object.keys(problems).length === 0) setConfirming(amountFen);
  }

  async function disburse() {
    if (confirming === undefined) return;
    const ok = await action.run(async () => {
      await api.post(
        `/loans/${loan.id}/disbursement`,
        { disbursedOn: f.disbursedOn, amountFen: confirming, motherPresent: f.motherPresent, idChecked: f.idChecked, ...(f.place.trim() ? { place: f.place.trim() } : {}) },
        { idempotencyKey: key.current },
      );
    });
    setConfirming(undefined);
    if (ok) {
      key.current = newIdempotencyKey();
      reload();
    }
  }

  const fields = ['disbursedOn', 'amountFen', 'place', 'motherPresent', 'idChecked'];
  const err = (name: string) => local[name] ?? fieldError(action.error, name);
  return (
    <Section title={t('d_disbursement')} id="disbursement">
      {!loan.agreement && <p className="d-warn">{t('d_disburse_needs_agreement')}</p>}
      <form onSubmit={ask} className="d-inline-form" aria-label={t('d_disburse')}>
        {formLevelError(action.error, fields) !== undefined && <ErrorBox error={formLevelError(action.error, fields)} />}
        <div className="grid three">
          <FormField label={t('d_disbursed_on')} error={err('disbursedOn')}>
            <input type="date" name="disbursedOn" value={f.disbursedOn} max={today} onChange={(e) => setF({ ...f, disbursedOn: e.target.value })} />
          </FormField>
          <FormField label={t('d_amount_yuan')} error={err('amountFen')} hint={t('d_amount_is_principal', { amount: yuan(loan.principalFen) })}>
            <input name="amount" inputMode="decimal" value={f.amount} onChange={(e) => setF({ ...f, amount: e.target.value })} />
          </FormField>
          <FormField label={t('d_place_optional')} error={err('place')}>
            <input name="place" value={f.place} onChange={(e) => setF({ ...f, place: e.target.value })} />
          </FormField>
        </div>
        <Check name="motherPresent" label={t('d_mother_present_q', { name: loan.mother.name })} checked={f.motherPresent} onChange={(v) => setF({ ...f, motherPresent: v })} />
        {err('motherPresent') && <span className="d-field-error">{err('motherPresent')}</span>}
        <Check name="idChecked" label={t('d_id_checked_q')} checked={f.idChecked} onChange={(v) => setF({ ...f, idChecked: v })} />
        {err('idChecked') && <span className="d-field-error">{err('idChecked')}</span>}
        <div className="actions">
          <button type="submit" disabled={action.busy}>
            {t('d_disburse_ellipsis')}
          </button>
        </div>
      </form>
      {confirming !== undefined && (
        <ConfirmDialog title={t('d_confirm_disburse_title')} onCancel={() => setConfirming(undefined)} onConfirm={disburse} busy={action.busy}>
          <p>{t('d_confirm_disburse_body', { name: loan.mother.name, date: fmt(f.disbursedOn) })}</p>
          <p className="d-big-amount">{yuan(confirming)}</p>
          <p className="muted">{fenInCapitals(confirming)}</p>
          <p className="muted d-small">
            ✓ {t('d_mother_present')} · ✓ {t('d_id_checked')}
          </p>
        </ConfirmDialog>
      )}
    </Section>
  );
}

function RepaymentsSection({ loan, role, reload }: Props) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const action = useAction();
  const key = useRef(newIdempotencyKey());
  const blank = { paidOn: today, amount: '', receiptNo: '' };
  const [f, setF] = useState(blank);
  const [local, setLocal] = useState<string>();
  const [confirming, setConfirming] = useState<number>();
  const canRepay = (loan.status === 'active' || loan.status === 'overdue') && (role === 'district' || role === 'township');
  const repayments = [...loan.repayments].sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.recordedAt.localeCompare(b.recordedAt));

  if (!loan.disbursement && repayments.length === 0) return null;

  function ask(e: FormEvent) {
    e.preventDefault();
    action.clear();
    const amountFen = parseYuan(f.amount);
    if (!amountFen) return setLocal(t('d_err_yuan'));
    if (amountFen > loan.balanceFen) return setLocal(t('d_err_over_balance', { amount: yuan(loan.balanceFen) }));
    setLocal(undefined);
    setConfirming(amountFen);
  }

  async function repay() {
    if (confirming === undefined) return;
    const ok = await action.run(async () => {
      await api.post(`/loans/${loan.id}/repayments`, { paidOn: f.paidOn, amountFen: confirming, receiptNo: f.receiptNo.trim() }, { idempotencyKey: key.current });
    });
    setConfirming(undefined);
    if (ok) {
      key.current = newIdempotencyKey();
      setF(blank);
      reload();
    }
  }

  const fields = ['paidOn', 'amountFen', 'receiptNo'];
  return (
    <Section title={t('d_repayments')} id="repayments">
      {repayments.length === 0 ? (
        <p className="muted">{t('d_no_repayments')}</p>
      ) : (
        <table className="d-rtable">
          <thead>
            <tr>
              <th>{t('d_paid_on')}</th>
              <th className="num">{t('d_amount')}</th>
              <th>{t('d_receipt_no')}</th>
              <th className="num">{t('d_balance_after')}</th>
              <th>{t('d_recorded_by')}</th>
            </tr>
          </thead>
          <tbody>
            {repayments.map((r) => (
              <tr key={r.id}>
                <td data-label={t('d_paid_on')}>{fmt(r.paidOn)}</td>
                <td data-label={t('d_amount')} className="num">
                  {yuan(r.amountFen)}
                </td>
                <td data-label={t('d_receipt_no')}>{r.receiptNo}</td>
                <td data-label={t('d_balance_after')} className="num">
                  {yuan(r.balanceAfterFen)}
                </td>
                <td data-label={t('d_recorded_by')}>{r.recordedBy.displayName ?? r.recordedBy.username}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRepay && (
        <form onSubmit={ask} className="d-inline-form" aria-label={t('d_record_repayment')}>
          <h3>{t('d_record_repayment')}</h3>
          {formLevelError(action.error, fields) !== undefined && <ErrorBox error={formLevelError(action.error, fields)} />}
          <div className="grid three">
            <FormField label={t('d_paid_on')} error={fieldError(action.error, 'paidOn')}>
              <input type="date" name="paidOn" value={f.paidOn} max={today} onChange={(e) => setF({ ...f, paidOn: e.target.value })} />
            </FormField>
            <FormField label={t('d_amount_yuan')} error={local ?? fieldError(action.error, 'amountFen')} hint={t('d_balance_is', { amount: yuan(loan.balanceFen) })}>
              <input name="repayAmount" inputMode="decimal" value={f.amount} onChange={(e) => setF({ ...f, amount: e.target.value })} />
            </FormField>
            <FormField label={t('d_receipt_no')} error={fieldError(action.error, 'receiptNo')}>
              <input name="receiptNo" value={f.receiptNo} onChange={(e) => setF({ ...f, receiptNo: e.target.value })} />
            </FormField>
          </div>
          <div className="actions">
            <button type="submit" disabled={action.busy}>
              {t('d_record_repayment_ellipsis')}
            </button>
          </div>
        </form>
      )}
      {confirming !== undefined && (
        <ConfirmDialog title={t('d_confirm_repayment_title')} onCancel={() => setConfirming(undefined)} onConfirm={repay} busy={action.busy}>
          <p>{t('d_confirm_repayment_body', { name: loan.mother.name, date: fmt(f.paidOn), receipt: f.receiptNo })}</p>
          <p className="d-big-amount">{yuan(confirming)}</p>
          <p className="muted">{fenInCapitals(confirming)}</p>
          <p className="muted d-small">{t('d_balance_after_is', { amount: yuan(loan.balanceFen - confirming) })}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
