/**
 * Committee: ledger imports staged by district offices. The list of batches, and one batch to
 * review (counts, totals against the paper, per-round figures, rows imported before) and to
 * approve or reject with a reason. An approved batch is written in steps: the page goes on
 * calling until it is applied, showing the progress.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { LedgerApprovalInput } from '../../../../shared/domain/ledger-schemas.ts';
import { call } from '../../api/client.ts';
import { invalidateAfter, readKey, useRead, useWrite } from '../../api/queries.ts';
import { date, fenInCapitals, inChina, moment, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { Link } from '../../router.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { Empty, ErrorMessage, Loaded } from '../../ui/feedback.tsx';
import { FormError, FormField, useSchemaForm } from '../../ui/form.tsx';
import { Person } from '../../ui/person.tsx';
import { Differences, LedgerStatus, Progress, Reconciliation, type LedgerBatch } from './parts.tsx';

export function LedgerReviewPage({ id }: PageProps) {
  return id ? <LedgerBatchReview id={id} /> : <LedgerBatchList />;
}

/** A district's name in the reader's language (from GET /offices); its id until the names are loaded. */
function useDistrictName(): (id: string) => string {
  const { lang } = useI18n();
  const offices = useRead('GET /offices', { query: undefined });
  return (id) => {
    const o = offices.data?.items.find((x) => x.id === id);
    return o ? (lang === 'en' ? (o.nameEn ?? o.name) : o.name) : id;
  };
}

function LedgerBatchList() {
  const { t, lang } = useI18n();
  const districtName = useDistrictName();
  const batches = useRead('GET /ledger-imports', { query: { limit: 100 } });
  return (
    <div className="ledger">
      <h1>{t('l_review_title')}</h1>
      <p className="muted">{t('l_review_intro')}</p>
      <Loaded query={batches}>
        {(data) =>
          !data.items.length ? (
            <Empty>{t('l_no_batches')}</Empty>
          ) : (
            <ul className="list">
              {data.items.map((b) => (
                <li key={b.id}>
                  <div className="row">
                    <strong>{districtName(b.districtId)}</strong>
                    <LedgerStatus status={b.status} />
                  </div>
                  <div className="muted">{t('l_counts', { ...b.counts })}</div>
                  <div className="row">
                    <span className="muted">
                      {t('l_staged_by')}: <Person who={b.stagedBy} /> · {date(inChina(b.stagedAt).day, lang)} · {yuan(b.counts.disbursedFen)}
                    </span>
                    <Link className="button secondary" to={`/ledger-imports/${b.id}`}>
                      {t('l_open')}
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}

function LedgerBatchReview({ id }: { id: string }) {
  const batch = useRead('GET /ledger-imports/{id}', { params: { id } });
  return (
    <div className="ledger">
      <p>
        <LedgerBackLink />
      </p>
      <Loaded query={batch}>{(b) => <LedgerBatchView batch={b} />}</Loaded>
    </div>
  );
}

function LedgerBackLink() {
  const { t } = useI18n();
  return <Link to="/ledger-imports">← {t('l_review_title')}</Link>;
}

interface RejectForm {
  reason: string;
}

function LedgerBatchView({ batch }: { batch: LedgerBatch }) {
  const { t, lang } = useI18n();
  const districtName = useDistrictName();
  const client = useQueryClient();
  const key = readKey('GET /ledger-imports/{id}', { params: { id: batch.id } });
  const decide = useWrite('POST /ledger-imports/{id}/approval');
  const [dialog, setDialog] = useState<LedgerApprovalInput>();
  const [applying, setApplying] = useState(false);
  /** bumped by "go on writing" */
  const [goOn, setGoOn] = useState(0);
  const [problem, setProblem] = useState<unknown>();
  const form = useSchemaForm<RejectForm, LedgerApprovalInput>(LedgerApprovalInput, {
    defaultValues: { reason: '' },
    prepare: (f) => ({ decision: 'reject', reason: f.reason.trim() }),
  });
  const busy = decide.isPending || applying;

  // an approved batch is written in steps: keep calling while it is being written, it moves on and nothing stopped it
  useEffect(() => {
    if (batch.status !== 'applying' || batch.lastError) return;
    let cancelled = false;
    const go = async () => {
      setApplying(true);
      let current = batch;
      try {
        while (!cancelled && current.status === 'applying' && !current.lastError) {
          const next = await call('POST /ledger-imports/{id}/apply', { params: { id: batch.id } });
          if (cancelled) return;
          // the records it wrote show in the loans, rounds and reports
          if (next.status === 'applied') void invalidateAfter('POST /ledger-imports/{id}/apply');
          const moved =
            next.status !== current.status ||
            next.progress.phase !== current.progress.phase ||
            next.progress.loansWritten !== current.progress.loansWritten ||
            next.progress.countersDone !== current.progress.countersDone;
          client.setQueryData(key, next);
          current = next;
          if (!moved) break;
        }
      } catch (error) {
        if (!cancelled) setProblem(error);
      } finally {
        if (!cancelled) setApplying(false);
      }
    };
    void go();
    return () => {
      cancelled = true;
    };
  }, [batch.status, batch.lastError, goOn]);

  const onReject = form.submit(async (body) => setDialog(body));

  async function confirm() {
    if (!dialog) return;
    setProblem(undefined);
    try {
      client.setQueryData(key, await decide.mutateAsync({ params: { id: batch.id }, body: dialog }));
    } catch (e) {
      form.reportError(e);
    } finally {
      setDialog(undefined);
    }
  }

  return (
    <>
      <div className="row">
        <h1>{districtName(batch.districtId)}</h1>
        <LedgerStatus status={batch.status} />
      </div>
      <section className="card">
        <dl className="l-facts">
          <dt>{t('l_staged_by')}</dt>
          <dd>
            <Person who={batch.stagedBy} /> · {moment(batch.stagedAt, lang)}
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
                <Person who={batch.decision.decidedBy} /> · {moment(batch.decision.decidedAt, lang)}
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
          {batch.status === 'applying' && (batch.lastError || !applying) && (
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setProblem(undefined);
                client.setQueryData(key, { ...batch, lastError: undefined });
                setGoOn((n) => n + 1);
              }}
            >
              {t('l_continue')}
            </button>
          )}
        </section>
      )}
      {problem !== undefined && <ErrorMessage error={problem} />}
      {batch.status === 'staged' && (
        <form className="card" onSubmit={onReject} noValidate aria-label={t('l_reject')}>
          <FormField label={t('l_reject_reason')} error={form.errorOf('reason')}>
            {(p) => <textarea {...p} {...form.register('reason')} />}
          </FormField>
          <FormError message={form.serverError} />
          <div className="actions">
            <button type="submit" className="secondary" disabled={busy}>
              {t('l_reject')}
            </button>
            <button type="button" disabled={busy} onClick={() => setDialog({ decision: 'approve' })}>
              {t('l_approve')}
            </button>
          </div>
        </form>
      )}
      {dialog && (
        <ConfirmDialog title={t(dialog.decision === 'approve' ? 'l_approve' : 'l_reject')} onConfirm={() => void confirm()} onCancel={() => setDialog(undefined)} busy={busy}>
          <p>{dialog.decision === 'approve' ? t('l_approve_confirm') : dialog.reason}</p>
          <p>{t('l_counts', { ...batch.counts })}</p>
          {dialog.decision === 'approve' && (
            <>
              <p className="muted">{t('l_approve_amount')}</p>
              <p className="d-big-amount">{yuan(batch.counts.disbursedFen)}</p>
              <p className="muted">{fenInCapitals(batch.counts.disbursedFen)}</p>
            </>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
