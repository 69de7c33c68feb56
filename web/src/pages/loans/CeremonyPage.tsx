/**
 * Disbursement day in a township (集中放款): the approved loans with a signed agreement, a tick
 * for each mother who came in person and showed her ID card, one date, then every
 * disbursement recorded in one go. Each loan has its own Idempotency-Key and request body,
 * kept while the outcome is uncertain, so a retry can never pay a mother twice.
 */
import '../../i18n/zh-CN.district.ts';
import { ConfirmDialog, Empty, ErrorBox, Loading } from '../../ui.tsx';
import { useRef, useState } from 'react';
import { ApiError, call, newIdempotencyKey } from '../../api/client.ts';
import { invalidateAfter, readAll, useLoad } from '../../api/queries.ts';
import type { PageProps } from '../../paths.ts';
import { useAuth } from '../../auth.tsx';
import { maskId, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link, navigate, hrefOf } from '../../router.tsx';
import { fenInCapitals } from '../../i18n/chinese-numerals.ts';
import { FormField } from '../../ui/form.tsx';
import { useOfficeName, useOffices, RoundSelect, useRounds } from '../../ui/offices.tsx';
import type { Loan } from '../../api/records.ts';
import { useDate } from '../../ui/layout.tsx';

type Result = { state: 'sending' } | { state: 'paid' } | { state: 'refused'; message: string } | { state: 'uncertain'; message: string };
interface Pending {
  key: string;
  body: { disbursedOn: string; amountFen: number; motherPresent: true; idChecked: true; place?: string };
}

export function CeremonyPage({ route }: PageProps) {
  const { query } = route;
  const { t } = useI18n();
  const { session } = useAuth();
  const rounds = useRounds();
  const { offices } = useOffices();
  const officeName = useOfficeName();
  const fmt = useDate();
  const isTownship = session?.role === 'township';
  const roundId = query.get('roundId') || rounds.data?.find((r) => r.status === 'open')?.id || rounds.data?.[0]?.id || '';
  const township = isTownship ? (session?.officeId ?? '') : (query.get('township') ?? '');
  const set = (patch: Record<string, string>) => navigate(hrefOf('/ceremony', { roundId, township: isTownship ? undefined : township, ...patch }));

  const loans = useLoad(['GET /loans', { roundId, status: 'approved' }, 'ceremony'], async (signal) =>
    roundId ? (await readAll('GET /loans', { query: { roundId, status: 'approved' }, signal })).filter((l) => !!l.agreement) : [],
  );
  const counts = new Map<string, number>();
  for (const l of loans.data ?? []) counts.set(l.townshipId, (counts.get(l.townshipId) ?? 0) + 1);
  const townships = (offices ?? []).filter((o) => o.level === 'township');
  const rows = (loans.data ?? []).filter((l) => l.townshipId === township).sort((a, b) => a.villageId.localeCompare(b.villageId) || a.mother.name.localeCompare(b.mother.name, 'zh'));

  if (rounds.error) return <ErrorBox error={rounds.error} onRetry={rounds.reload} />;
  if (!rounds.data) return <Loading />;

  return (
    <div className="d-page">
      <h1>{t('d_ceremony_title')}</h1>
      <p className="muted d-small">{t('d_ceremony_hint')}</p>
      <div className="filters d-filters">
        <RoundSelect rounds={rounds.data} value={roundId} onChange={(id) => set({ roundId: id })} />
        {!isTownship && (
          <label className="field">
            <span className="label">{t('d_township')}</span>
            <select value={township} onChange={(e) => set({ township: e.target.value })} aria-label={t('d_township')}>
              <option value="">{t('d_choose_township')}</option>
              {townships.map((o) => (
                <option key={o.id} value={o.id}>
                  {officeName(o.id)}
                  {loans.data ? ` (${counts.get(o.id) ?? 0})` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {loans.error !== undefined ? (
        <ErrorBox error={loans.error} onRetry={loans.reload} />
      ) : !loans.data ? (
        <Loading />
      ) : !township ? (
        <Empty>{t('d_choose_township_first')}</Empty>
      ) : rows.length === 0 ? (
        <Empty>{t('d_no_ceremony_loans', { township: officeName(township) })}</Empty>
      ) : (
        <CeremonyList key={`${roundId}|${township}`} rows={rows} townshipName={officeName(township)} fmt={fmt} officeName={officeName} reload={loans.reload} />
      )}
    </div>
  );
}

function CeremonyList({ rows, townshipName, fmt, officeName, reload }: { rows: Loan[]; townshipName: string; fmt: (d?: string) => string; officeName: (id?: string) => string; reload: () => void }) {
  const { t } = useI18n();
  const [day, setDay] = useState(todayIso());
  const [place, setPlace] = useState('');
  const [ticks, setTicks] = useState<Record<string, { present: boolean; id: boolean }>>({});
  const [results, setResults] = useState<Record<string, Result>>({});
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const pending = useRef<Record<string, Pending>>({});

  const tick = (id: string, k: 'present' | 'id', v: boolean) => setTicks((x) => ({ ...x, [id]: { present: false, id: false, ...x[id], [k]: v } }));
  const paid = (id: string) => results[id]?.state === 'paid';
  const chosen = rows.filter((l) => ticks[l.id]?.present && ticks[l.id]?.id && !paid(l.id));
  const total = chosen.reduce((s, l) => s + l.principalFen, 0);
  const paidRows = rows.filter((l) => paid(l.id));
  const refusedRows = rows.filter((l) => results[l.id]?.state === 'refused' || results[l.id]?.state === 'uncertain');

  async function recordAll() {
    setRunning(true);
    for (const loan of chosen) {
      // a retry after an uncertain outcome repeats the very same request (same key, same body)
      const p = pending.current[loan.id] ?? {
        key: newIdempotencyKey(),
        body: { disbursedOn: day, amountFen: loan.principalFen, motherPresent: true, idChecked: true, ...(place.trim() ? { place: place.trim() } : {}) },
      };
      pending.current[loan.id] = p;
      setResults((r) => ({ ...r, [loan.id]: { state: 'sending' } }));
      try {
        await call('POST /loans/{id}/disbursement', { params: { id: loan.id }, body: p.body, idempotencyKey: p.key });
        setResults((r) => ({ ...r, [loan.id]: { state: 'paid' } }));
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(0, 'network', String(e));
        const definite = err.status >= 400 && err.status < 500;
        const message = err.code === 'network' ? t('network_unreachable') : err.message;
        // refused for good: nothing was recorded, so a new attempt may use new values and a new key
        if (definite) delete pending.current[loan.id];
        setResults((r) => ({ ...r, [loan.id]: definite ? { state: 'refused', message } : { state: 'uncertain', message } }));
      }
    }
    setRunning(false);
    setConfirming(false);
    // the loan pages and reports learn of the payouts; this list stays as it is until refreshed
    void invalidateAfter('POST /loans/{id}/disbursement', 'ceremony');
  }

  return (
    <>
      <div className="card d-ceremony-head">
        <div className="grid two">
          <FormField label={t('d_ceremony_date')}>
            {(p) => <input {...p} type="date" name="disbursedOn" value={day} max={todayIso()} onChange={(e) => setDay(e.target.value)} disabled={running} />}
          </FormField>
          <FormField label={t('d_place_optional')}>
            {(p) => (
              <input {...p} name="place" value={place} onChange={(e) => setPlace(e.target.value)} placeholder={t('d_ceremony_place_placeholder', { township: townshipName })} disabled={running} />
            )}
          </FormField>
        </div>
        <p className="muted d-small">{t('d_ceremony_count', { n: rows.length, township: townshipName })}</p>
      </div>

      <ul className="list d-ceremony" aria-label={t('d_ceremony_title')}>
        {rows.map((l) => {
          const r = results[l.id];
          const tk = ticks[l.id] ?? { present: false, id: false };
          const done = r?.state === 'paid';
          return (
            <li key={l.id} data-id={l.id} className={done ? 'd-done' : tk.present && tk.id ? 'd-chosen' : ''}>
              <div className="row">
                <div>
                  <Link to={`/loans/${l.id}`} className="d-name">
                    {l.mother.name}
                  </Link>{' '}
                  <span className="d-id">{maskId(l.mother.residentId)}</span>
                  <div className="muted d-small">
                    {officeName(l.villageId)} · {t('d_signed_on')} {fmt(l.agreement?.signedOn)}
                  </div>
                </div>
                <strong className="d-amount">{yuan(l.principalFen)}</strong>
              </div>
              {!done && (
                <div className="d-ticks">
                  <label className="d-check d-check-big">
                    <input type="checkbox" name={`present-${l.id}`} checked={tk.present} onChange={(e) => tick(l.id, 'present', e.target.checked)} disabled={running} />
                    <span>{t('d_came_in_person')}</span>
                  </label>
                  <label className="d-check d-check-big">
                    <input type="checkbox" name={`id-${l.id}`} checked={tk.id} onChange={(e) => tick(l.id, 'id', e.target.checked)} disabled={running} />
                    <span>{t('d_id_card_checked')}</span>
                  </label>
                </div>
              )}
              {tk.present !== tk.id && !done && <p className="d-warn d-small">{t('d_need_both_ticks')}</p>}
              {r && (
                <p className={`d-result d-result-${r.state}`} role="status">
                  {r.state === 'sending' && t('d_sending')}
                  {r.state === 'paid' && `✓ ${t('d_paid')}`}
                  {r.state === 'refused' && `✗ ${t('d_refused')}: ${r.message}`}
                  {r.state === 'uncertain' && `? ${t('d_uncertain')}: ${r.message}`}
                </p>
              )}
            </li>
          );
        })}
      </ul>

      {(paidRows.length > 0 || refusedRows.length > 0) && !running && (
        <div className={`d-ceremony-summary ${refusedRows.length ? 'd-warn' : 'notice-ok'}`} role="status">
          {t('d_ceremony_done', { paid: paidRows.length, total: yuan(paidRows.reduce((s, l) => s + l.principalFen, 0)), refused: refusedRows.length })}
          {paidRows.length > 0 && (
            <button type="button" className="link" onClick={reload}>
              {t('d_refresh_list')}
            </button>
          )}
        </div>
      )}

      <div className="d-sticky-bar">
        <span>
          {t('d_chosen', { n: chosen.length })} · <strong>{yuan(total)}</strong>
        </span>
        <button type="button" onClick={() => setConfirming(true)} disabled={chosen.length === 0 || running}>
          {refusedRows.some((l) => chosen.includes(l)) ? t('d_retry_record') : t('d_record_all')}
        </button>
      </div>

      {confirming && (
        <ConfirmDialog title={t('d_confirm_ceremony_title')} onCancel={() => setConfirming(false)} onConfirm={recordAll} busy={running}>
          <p>{t('d_confirm_ceremony_body', { n: chosen.length, township: townshipName, date: fmt(day) })}</p>
          <p className="d-big-amount" data-testid="ceremony-total">
            {yuan(total)}
          </p>
          <p className="muted">{fenInCapitals(total)}</p>
          <ul className="d-confirm-list">
            {chosen.map((l) => (
              <li key={l.id}>
                {l.mother.name} · {yuan(l.principalFen)}
              </li>
            ))}
          </ul>
        </ConfirmDialog>
      )}
    </>
  );
}
