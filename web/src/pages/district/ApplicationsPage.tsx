/**
 * The application queue of a round: filter by township and status, sort by priority score,
 * open an application, print a village's public notice, and submit a new application.
 */
import { useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../../api/client.ts';
import { write } from '../../api/queries.ts';
import type { PageProps } from '../../pages.tsx';
import { useAuth } from '../../auth.tsx';
import { maskId, parseYuan, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link, navigate } from '../../router.tsx';
import { Empty, ErrorBox, Loading, StatusBadge } from '../../ui.tsx';
import { FormField, LoadMore, fieldError, formLevelError, hrefOf, noticeState, townshipOf, useDate, useOfficeName, useOffices, usePaged, useRounds, RoundSelect } from './common.tsx';
import type { Application, FamilyPlanning, Office, ProjectType, Round } from './types.ts';

const STATUSES = ['submitted', 'approved', 'rejected'] as const;
export const PROJECT_TYPES: ProjectType[] = ['livestock', 'farming', 'shop', 'transport', 'handicraft', 'service', 'other'];
export const FAMILY_PLANNING: FamilyPlanning[] = ['compliant', 'one_child', 'two_daughters', 'violation'];

/** Highest priority first; applications not yet screened last, in the order they came. */
export function byPriority(a: Application, b: Application): number {
  const sa = a.screening?.priorityScore ?? -1;
  const sb = b.screening?.priorityScore ?? -1;
  return sb - sa;
}

export function ApplicationsPage({ route }: PageProps) {
  const { query } = route;
  const { t } = useI18n();
  const { session } = useAuth();
  const role = session?.role;
  const rounds = useRounds();
  const { offices } = useOffices();
  const officeName = useOfficeName();
  const fmt = useDate();
  const today = todayIso();
  const [creating, setCreating] = useState(false);
  const [printVillage, setPrintVillage] = useState('');

  const status = query.get('status') ?? '';
  const township = query.get('township') ?? '';
  const sort = query.get('sort') ?? '';
  const roundId = query.get('roundId') || rounds.data?.[0]?.id || '';
  const round = rounds.data?.find((r) => r.id === roundId);
  const list = usePaged('GET /applications', { roundId, status: status || undefined }, !!roundId);
  const set = (patch: Record<string, string>) => navigate(hrefOf('/applications', { roundId, status, township, sort, ...patch }));

  const townships = (offices ?? []).filter((o) => o.level === 'township');
  const villages = (offices ?? []).filter((o) => o.level === 'village' && (!township || townshipOf(o.id) === township));
  const shown = list.items.filter((a) => !township || a.townshipId === township);
  if (sort === 'priority') shown.sort(byPriority);
  const canSubmit = role === 'township' || role === 'district';

  if (rounds.error) return <ErrorBox error={rounds.error} onRetry={rounds.reload} />;
  if (!rounds.data) return <Loading />;

  return (
    <div className="d-page">
      <div className="row">
        <h1>{t('d_applications_title')}</h1>
        {canSubmit && round?.status === 'open' && (
          <button type="button" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>
            {creating ? t('d_close_form') : t('d_new_application')}
          </button>
        )}
      </div>
      {rounds.data.length === 0 ? (
        <Empty>{t('d_no_rounds')}</Empty>
      ) : (
        <>
          <div className="filters d-filters">
            <RoundSelect rounds={rounds.data} value={roundId} onChange={(id) => set({ roundId: id })} />
            <label className="field">
              <span className="label">{t('d_township')}</span>
              <select value={township} onChange={(e) => set({ township: e.target.value })} aria-label={t('d_township')}>
                <option value="">{t('d_all_townships')}</option>
                {townships.map((o) => (
                  <option key={o.id} value={o.id}>
                    {officeName(o.id)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="label">{t('d_status')}</span>
              <select value={status} onChange={(e) => set({ status: e.target.value })} aria-label={t('d_status')}>
                <option value="">{t('d_all_statuses')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status_${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="label">{t('d_sort')}</span>
              <select value={sort} onChange={(e) => set({ sort: e.target.value })} aria-label={t('d_sort')}>
                <option value="">{t('d_sort_submitted')}</option>
                <option value="priority">{t('d_sort_priority')}</option>
              </select>
            </label>
          </div>

          {round && (
            <p className="muted d-round-line">
              {t('d_round_line', { opened: fmt(round.openedOn), min: yuan(round.minLoanFen), max: yuan(round.maxLoanFen), left: yuan(round.uncommittedFen), days: round.noticeDays })}
            </p>
          )}

          {creating && round && (
            <NewApplicationForm round={round} villages={(offices ?? []).filter((o) => o.level === 'village')} onCancel={() => setCreating(false)} />
          )}

          <div className="d-print-bar no-print">
            <label className="field">
              <span className="label">{t('d_print_notice_of')}</span>
              <select value={printVillage} onChange={(e) => setPrintVillage(e.target.value)} aria-label={t('d_print_notice_of')}>
                <option value="">{t('d_choose_village')}</option>
                {villages.map((v) => (
                  <option key={v.id} value={v.id}>
                    {officeName(townshipOf(v.id))} · {officeName(v.id)}
                  </option>
                ))}
              </select>
            </label>
            {printVillage && roundId ? (
              <Link className="button secondary" to={hrefOf('/notice', { roundId, villageId: printVillage })}>
                {t('d_open_notice')}
              </Link>
            ) : (
              <span className="button secondary d-disabled" aria-disabled="true">
                {t('d_open_notice')}
              </span>
            )}
          </div>

          {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
          {!list.loading && list.error === undefined && shown.length === 0 && <Empty>{t('d_no_applications')}</Empty>}
          {shown.length > 0 && (
            <>
              <p className="muted d-count">{t(list.next ? 'd_count_more' : 'd_count', { n: shown.length })}</p>
              <table className="d-rtable" aria-label={t('d_applications_title')}>
                <thead>
                  <tr>
                    <th>{t('d_mother')}</th>
                    <th>{t('d_village')}</th>
                    <th className="num">{t('d_amount')}</th>
                    <th>{t('d_notice')}</th>
                    <th className="num">{t('d_visits')}</th>
                    <th>{t('d_screening')}</th>
                    <th>{t('d_status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((a) => {
                    const ns = noticeState(a.notice, today);
                    return (
                      <tr key={a.id} data-id={a.id}>
                        <td data-label={t('d_mother')} className="d-cell-main">
                          <Link to={`/applications/${a.id}`} className="d-name">
                            {a.mother.name}
                          </Link>
                          <span className="d-id">{maskId(a.mother.residentId)}</span>
                        </td>
                        <td data-label={t('d_village')}>
                          {officeName(a.villageId)}
                          <span className="d-sub">{officeName(a.townshipId)}</span>
                        </td>
                        <td data-label={t('d_amount')} className="num">
                          {yuan(a.amountRequestedFen)}
                        </td>
                        <td data-label={t('d_notice')}>
                          <span className={`d-notice d-notice-${ns}`}>{ns === 'running' ? t('d_notice_running_until', { date: fmt(a.notice!.endsOn) }) : t(`d_notice_${ns}`)}</span>
                        </td>
                        <td data-label={t('d_visits')} className="num">
                          {a.visitCount ?? 0}
                        </td>
                        <td data-label={t('d_screening')}>
                          {a.screening ? (
                            <span className={a.screening.passed ? 'd-pass' : 'd-fail'}>
                              {a.screening.passed ? `✓ ${t('d_passed')}` : `✗ ${t('d_failed')}`} · {t('d_score', { n: a.screening.priorityScore })}
                            </span>
                          ) : (
                            <span className="muted">{t('d_not_screened')}</span>
                          )}
                        </td>
                        <td data-label={t('d_status')}>
                          <StatusBadge status={a.status} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}
          <LoadMore next={list.next} loading={list.loading} onMore={list.loadMore} />
          {sort === 'priority' && list.next && <p className="muted d-small">{t('d_sort_loaded_only')}</p>}
        </>
      )}
    </div>
  );
}

const FIELDS = [
  'roundId',
  'submittedOn',
  'villageId',
  'mother.name',
  'mother.residentId',
  'mother.phone',
  'householdSize',
  'householdAnnualIncomeFen',
  'villagePerCapitaIncomeFen',
  'familyPlanning',
  'project.type',
  'project.description',
  'project.expectedAnnualReturnFen',
  'amountRequestedFen',
];

/** The paper application form, field by field; amounts in yuan, sent as integer fen. */
function NewApplicationForm({ round, villages, onCancel }: { round: Round; villages: Office[]; onCancel: () => void }) {
  const { t } = useI18n();
  const officeName = useOfficeName();
  const [f, setF] = useState({
    submittedOn: todayIso(),
    villageId: '',
    name: '',
    residentId: '',
    phone: '',
    householdSize: '',
    householdIncome: '',
    villageIncome: '',
    familyPlanning: 'compliant' as FamilyPlanning,
    projectType: 'livestock' as ProjectType,
    description: '',
    expectedReturn: '',
    amount: '',
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const upd = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const err = (field: string) => local[field] ?? fieldError(error, field);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const money = (text: string, field: string, allowZero: boolean) => {
      const v = parseYuan(text);
      if (v === undefined || (!allowZero && v === 0)) problems[field] = t('d_err_yuan');
      return v ?? 0;
    };
    const householdAnnualIncomeFen = money(f.householdIncome, 'householdAnnualIncomeFen', true);
    const villagePerCapitaIncomeFen = money(f.villageIncome, 'villagePerCapitaIncomeFen', false);
    const expectedAnnualReturnFen = money(f.expectedReturn, 'project.expectedAnnualReturnFen', true);
    const amountRequestedFen = money(f.amount, 'amountRequestedFen', false);
    const householdSize = /^\d{1,2}$/.test(f.householdSize.trim()) ? Number(f.householdSize) : NaN;
    if (!(householdSize >= 1)) problems.householdSize = t('d_err_household');
    if (!f.villageId) problems.villageId = t('d_err_village');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        roundId: round.id,
        submittedOn: f.submittedOn,
        villageId: f.villageId,
        mother: { name: f.name, residentId: f.residentId.trim(), ...(f.phone.trim() ? { phone: f.phone.trim() } : {}) },
        householdSize,
        householdAnnualIncomeFen,
        villagePerCapitaIncomeFen,
        familyPlanning: f.familyPlanning,
        project: { type: f.projectType, description: f.description, expectedAnnualReturnFen },
        amountRequestedFen,
      };
      const created = await write('POST /applications', { body, idempotencyKey: key.current });
      key.current = newIdempotencyKey();
      navigate(`/applications/${created.id}`);
    } catch (e2) {
      setError(e2);
    } finally {
      setBusy(false);
    }
  }

  const shownError = formLevelError(error, FIELDS);
  return (
    <form className="card d-form" onSubmit={submit} aria-label={t('d_new_application')} noValidate>
      <h2>{t('d_new_application')}</h2>
      <p className="muted d-small">{t('d_new_application_hint', { round: round.name, min: yuan(round.minLoanFen), max: yuan(round.maxLoanFen) })}</p>
      {shownError !== undefined && <ErrorBox error={shownError} />}
      <h3>{t('d_mother')}</h3>
      <div className="grid three">
        <FormField label={t('d_mother_name')} error={err('mother.name')}>
          <input name="mother.name" value={f.name} onChange={upd('name')} required autoComplete="off" />
        </FormField>
        <FormField label={t('d_resident_id')} error={err('mother.residentId')} hint={t('d_resident_id_hint')}>
          <input name="mother.residentId" value={f.residentId} onChange={upd('residentId')} required maxLength={18} autoComplete="off" inputMode="text" />
        </FormField>
        <FormField label={t('d_phone_optional')} error={err('mother.phone')}>
          <input name="mother.phone" value={f.phone} onChange={upd('phone')} inputMode="tel" maxLength={11} autoComplete="off" />
        </FormField>
      </div>
      <div className="grid three">
        <FormField label={t('d_village')} error={err('villageId')}>
          <select name="villageId" value={f.villageId} onChange={upd('villageId')} required>
            <option value="">{t('d_choose_village')}</option>
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {officeName(townshipOf(v.id))} · {officeName(v.id)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('d_submitted_on')} error={err('submittedOn')} hint={t('d_submitted_on_hint')}>
          <input name="submittedOn" type="date" value={f.submittedOn} onChange={upd('submittedOn')} max={todayIso()} />
        </FormField>
        <FormField label={t('d_family_planning')} error={err('familyPlanning')}>
          <select name="familyPlanning" value={f.familyPlanning} onChange={upd('familyPlanning')}>
            {FAMILY_PLANNING.map((x) => (
              <option key={x} value={x}>
                {t(`d_fp_${x}`)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <h3>{t('d_household')}</h3>
      <div className="grid three">
        <FormField label={t('d_household_size')} error={err('householdSize')}>
          <input name="householdSize" value={f.householdSize} onChange={upd('householdSize')} inputMode="numeric" />
        </FormField>
        <FormField label={t('d_household_income_yuan')} error={err('householdAnnualIncomeFen')}>
          <input name="householdAnnualIncomeFen" value={f.householdIncome} onChange={upd('householdIncome')} inputMode="decimal" placeholder="12000" />
        </FormField>
        <FormField label={t('d_village_income_yuan')} error={err('villagePerCapitaIncomeFen')}>
          <input name="villagePerCapitaIncomeFen" value={f.villageIncome} onChange={upd('villageIncome')} inputMode="decimal" placeholder="4000" />
        </FormField>
      </div>
      <h3>{t('d_project')}</h3>
      <div className="grid three">
        <FormField label={t('d_project_type')} error={err('project.type')}>
          <select name="project.type" value={f.projectType} onChange={upd('projectType')}>
            {PROJECT_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`d_pt_${x}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('d_expected_return_yuan')} error={err('project.expectedAnnualReturnFen')}>
          <input name="project.expectedAnnualReturnFen" value={f.expectedReturn} onChange={upd('expectedReturn')} inputMode="decimal" placeholder="8000" />
        </FormField>
        <FormField label={t('d_amount_requested_yuan')} error={err('amountRequestedFen')} hint={`${yuan(round.minLoanFen)} – ${yuan(round.maxLoanFen)}`}>
          <input name="amountRequestedFen" value={f.amount} onChange={upd('amount')} inputMode="decimal" placeholder="10000" />
        </FormField>
      </div>
      <FormField label={t('d_project_description')} error={err('project.description')} hint={t('d_project_description_hint')}>
        <textarea name="project.description" value={f.description} onChange={upd('description')} required />
      </FormField>
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" disabled={busy}>
          {busy ? t('loading') : t('submit')}
        </button>
      </div>
    </form>
  );
}
