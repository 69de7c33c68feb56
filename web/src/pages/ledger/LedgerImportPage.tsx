/**
 * District office: bring the office's history in from its Excel ledger. Download the
 * templates, upload the four sheets, type the paper totals, check (a dry run: every row
 * reported, the totals reconciled to the fen), then send the batch to the committee.
 */
import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { parseYuan, yuan } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { ConfirmDialog, Empty, ErrorBox, Field, Loading, useLoad } from '../../ui.tsx';
import { Differences, LedgerStatus, Progress, Reconciliation, type LedgerBatch, type LedgerReport } from './parts.tsx';
import './words.ts';

const KINDS = ['rounds', 'loans', 'repayments', 'writeOffs'] as const;
type Kind = (typeof KINDS)[number];
const TOTALS = [
  ['disbursedFen', 'l_disbursed'],
  ['repaidFen', 'l_repaid'],
  ['writtenOffFen', 'l_written_off'],
  ['outstandingFen', 'l_outstanding'],
] as const;
type TotalKey = (typeof TOTALS)[number][0];
const MAX_ROWS_SHOWN = 200;

/** A chosen file as the API takes it: CSV as text, Excel as base64. */
async function contentOf(file: File): Promise<{ format: 'csv' | 'xlsx'; content: string }> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: 'xlsx', content: btoa(binary) };
  }
  return { format: 'csv', content: await file.text() };
}

export function LedgerImportPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const districtId = session?.officeId ?? '';
  const [files, setFiles] = useState<Partial<Record<Kind, File>>>({});
  const [totals, setTotals] = useState<Record<TotalKey, string>>({ disbursedFen: '', repaidFen: '', writtenOffFen: '', outstandingFen: '' });
  const [report, setReport] = useState<LedgerReport>();
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [staged, setStaged] = useState<string>();
  const batches = useLoad((signal) => api.get<{ items: LedgerBatch[] }>('/ledger-imports', { query: { districtId }, signal }), [districtId, staged]);

  const declared = Object.fromEntries(TOTALS.map(([k]) => [k, parseYuan(totals[k])])) as Record<TotalKey, number | undefined>;
  const badTotal = TOTALS.find(([k]) => totals[k] !== '' && declared[k] === undefined);

  async function send(dryRun: boolean) {
    setProblem(undefined);
    if (!files.rounds || !files.loans || !files.repayments) return setProblem(new Error(t('l_missing_files')));
    if (TOTALS.some(([k]) => declared[k] === undefined)) return setProblem(new Error(t('l_bad_amount')));
    const chosen = KINDS.filter((k) => files[k]);
    const read = await Promise.all(chosen.map(async (k) => [k, await contentOf(files[k]!)] as const));
    const formats = new Set(read.map(([, r]) => r.format));
    if (formats.size > 1) return setProblem(new Error(t('l_mixed_formats')));
    const body = { districtId, format: [...formats][0], ...Object.fromEntries(read.map(([k, r]) => [k, r.content])), declaredTotals: declared, dryRun };
    setBusy(true);
    try {
      const answer = await api.post<LedgerReport>('/ledger-imports', body);
      if (dryRun) setReport(answer);
      else {
        setStaged(answer.batchId);
        setReport(undefined);
      }
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  const refusedRows = report?.rows.filter((r) => r.status === 'refused') ?? [];
  const ready = report?.reconciled && report.refused === 0 && report.accepted > 0;

  return (
    <div className="ledger">
      <h1>{t('l_title')}</h1>
      <p className="muted">{t('l_intro')}</p>

      <section className="card">
        <h2>{t('l_templates')}</h2>
        <p className="muted">{t('l_templates_hint')}</p>
        <div className="l-templates">
          {KINDS.map((kind) => (
            <div key={kind} className="l-template">
              <span className="label">{t(`l_kind_${kind}`)}</span>
              {(['xlsx', 'csv'] as const).map((format) => (
                <button key={format} type="button" className="secondary" onClick={() => void api.download('/ledger-imports/templates', { kind, format }, `ledger-${kind}.${format}`).catch(setProblem)}>
                  {format === 'xlsx' ? 'Excel' : 'CSV'}
                </button>
              ))}
            </div>
          ))}
        </div>
      </section>

      <section className="card">
        <h2>{t('l_upload')}</h2>
        <div className="grid l-files">
          {KINDS.map((kind) => (
            <Field key={kind} label={`${t(`l_kind_${kind}`)}${kind === 'writeOffs' ? ` ${t('l_optional')}` : ''}`} hint={t('l_file_hint')}>
              <input
                type="file"
                name={kind}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  setFiles((f) => ({ ...f, [kind]: e.target.files?.[0] }));
                  setReport(undefined);
                }}
              />
            </Field>
          ))}
        </div>
        <h2>{t('l_paper')}</h2>
        <p className="muted">{t('l_paper_hint')}</p>
        <div className="grid l-totals">
          {TOTALS.map(([key, label]) => (
            <Field key={key} label={t(label)}>
              <input
                name={key}
                inputMode="decimal"
                value={totals[key]}
                aria-invalid={totals[key] !== '' && declared[key] === undefined}
                onChange={(e) => {
                  setTotals((v) => ({ ...v, [key]: e.target.value }));
                  setReport(undefined);
                }}
              />
            </Field>
          ))}
        </div>
        {badTotal && <p className="error">{`${t(badTotal[1])}: ${t('l_bad_amount')}`}</p>}
        {problem !== undefined && <ErrorBox error={problem instanceof ApiError || problem instanceof Error ? problem : new Error(String(problem))} />}
        <div className="actions">
          <button type="button" className={ready ? 'secondary' : ''} disabled={busy} onClick={() => void send(true)}>
            {busy && !confirming ? t('l_checking') : t('l_check')}
          </button>
          {ready && (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              {t('l_stage')}
            </button>
          )}
        </div>
        {staged && (
          <p className="notice-ok" role="status">
            {t('l_staged', { id: staged })}
          </p>
        )}
      </section>

      {report && (
        <section className="card" aria-live="polite">
          <h2>{t('l_report')}</h2>
          <p className="l-counts">
            <span className="badge badge-approved">{t('l_rows_accepted', { n: report.accepted })}</span>{' '}
            <span className={`badge ${report.refused ? 'badge-rejected' : ''}`}>{t('l_rows_refused', { n: report.refused })}</span>{' '}
            <span className="badge">{t('l_rows_already', { n: report.alreadyImported })}</span>
          </p>
          <p className={report.reconciled ? 'notice-ok' : 'error'}>{report.reconciled ? t('l_reconciled') : t('l_not_reconciled')}</p>
          <h3>{t('l_reconciliation')}</h3>
          <Reconciliation totals={report.totals} rounds={report.rounds} declared={report.declaredTotals} differences={report.differences} />
          <Differences differences={report.differences} />
          {refusedRows.length > 0 && (
            <>
              <h3>{t('l_refused_rows')}</h3>
              <p className="error">{t('l_fix_rows')}</p>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>{t('l_file')}</th>
                      <th className="num">{t('l_row')}</th>
                      <th>{t('l_column')}</th>
                      <th>{t('l_problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {refusedRows.slice(0, MAX_ROWS_SHOWN).map((r) => (
                      <tr key={`${r.file}|${r.row}`}>
                        <td>{t(`l_kind_${r.file}`)}</td>
                        <td className="num">{r.row}</td>
                        <td>{r.errors?.map((e) => e.column ?? e.field).join(', ')}</td>
                        <td>{r.errors?.map((e) => e.message).join('; ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {refusedRows.length > MAX_ROWS_SHOWN && <p className="muted">{t('l_more_rows', { n: refusedRows.length - MAX_ROWS_SHOWN })}</p>}
            </>
          )}
        </section>
      )}

      <section className="card">
        <h2>{t('l_batches')}</h2>
        {batches.loading && !batches.data ? (
          <Loading />
        ) : batches.error ? (
          <ErrorBox error={batches.error} onRetry={batches.reload} />
        ) : !batches.data?.items.length ? (
          <Empty>{t('l_no_batches')}</Empty>
        ) : (
          <ul className="list">
            {batches.data.items.map((b) => (
              <li key={b.id}>
                <div className="row">
                  <strong>{b.id}</strong>
                  <LedgerStatus status={b.status} />
                </div>
                <div className="muted">{t('l_counts', { ...b.counts })}</div>
                <div className="muted">
                  {t('l_staged_by')}: {b.stagedBy.username} · {b.stagedAt.slice(0, 10)} · {yuan(b.counts.disbursedFen)}
                </div>
                {b.decision?.reason && <div className="muted">{b.decision.reason}</div>}
                {b.status === 'applying' && <Progress batch={b} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      {confirming && (
        <ConfirmDialog title={t('l_stage')} onConfirm={() => void send(false)} onCancel={() => setConfirming(false)} busy={busy}>
          <p>{t('l_stage_confirm')}</p>
          {report && <p>{t('l_counts', { rounds: report.rounds.length, loans: report.totals.loans, repayments: report.totals.repayments, writeOffs: report.totals.writeOffs })}</p>}
        </ConfirmDialog>
      )}
    </div>
  );
}
