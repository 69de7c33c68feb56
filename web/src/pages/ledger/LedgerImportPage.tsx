/**
 * District office: bring the office's history in from its Excel ledger. Download the
 * templates, upload the four sheets, type the paper totals, check (a dry run: every row
 * reported, the totals reconciled to the fen), then send the batch to the committee: what is
 * sent is exactly what was checked.
 */
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { useEffect, useState } from 'react';
import { DeclaredTotals } from '../../../../shared/domain/ledger-schemas.ts';
import { download, type BodyIn } from '../../api/client.ts';
import { useRead, useWrite } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { date, fenInCapitals, inChina, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { Empty, ErrorMessage, Loaded } from '../../ui/feedback.tsx';
import { FormError, FormField, MoneyInput, useSchemaForm } from '../../ui/form.tsx';
import { Person } from '../../ui/person.tsx';
import { Differences, LedgerStatus, Progress, Reconciliation, type LedgerReport } from './parts.tsx';
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

type Totals = Partial<Record<TotalKey, number>>;
type ImportBody = BodyIn<'POST /ledger-imports'>;

export function LedgerImportPage() {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const districtId = session?.officeId ?? '';
  const [files, setFiles] = useState<Partial<Record<Kind, File>>>({});
  // the last check: what was sent and what the API answered (staging sends the same)
  const [checked, setChecked] = useState<{ body: ImportBody; report: LedgerReport }>();
  const [fileProblem, setFileProblem] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [staged, setStaged] = useState<string>();
  const [templateProblem, setTemplateProblem] = useState<unknown>();
  const batches = useRead('GET /ledger-imports', { query: { districtId } });
  const send = useWrite('POST /ledger-imports');
  const form = useSchemaForm<Totals, DeclaredTotals>(DeclaredTotals, { defaultValues: {} });
  // a changed total makes the last check stale
  useEffect(() => {
    const subscription = form.watch(() => setChecked(undefined));
    return () => subscription.unsubscribe();
  }, [form.watch]);

  const check = form.submit(async (declaredTotals) => {
    setFileProblem(undefined);
    setStaged(undefined);
    if (!files.rounds || !files.loans || !files.repayments) return setFileProblem(t('l_missing_files'));
    const chosen = KINDS.flatMap((k) => (files[k] ? [[k, files[k]] as const] : []));
    const read = await Promise.all(chosen.map(async ([k, file]) => [k, await contentOf(file)] as const));
    const formats = new Set(read.map(([, r]) => r.format));
    const [format] = formats;
    if (formats.size > 1 || !format) return setFileProblem(t('l_mixed_formats'));
    const contents = Object.fromEntries(read.map(([k, r]) => [k, r.content])) as Pick<ImportBody, Kind>;
    const body: ImportBody = { districtId, format, ...contents, declaredTotals, dryRun: true };
    const report = await send.mutateAsync({ body });
    setChecked({ body, report });
  });

  async function stage() {
    if (!checked) return;
    try {
      const answer = await send.mutateAsync({ body: { ...checked.body, dryRun: false } });
      setStaged(answer.batchId);
      setChecked(undefined);
    } catch (e) {
      form.reportError(e);
    } finally {
      setConfirming(false);
    }
  }

  const report = checked?.report;
  const busy = send.isPending;
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
              {/* spaces between the buttons: their words stay apart in the page's text */}
              {(['xlsx', 'csv'] as const).flatMap((format) => [
                ' ',
                <button
                  key={format}
                  type="button"
                  className="secondary"
                  onClick={() => void download('GET /ledger-imports/templates', { kind, format }, `ledger-${kind}.${format}`).then(() => setTemplateProblem(undefined), setTemplateProblem)}
                >
                  {format === 'xlsx' ? 'Excel' : 'CSV'}
                </button>,
              ])}{' '}
            </div>
          ))}
        </div>
        {templateProblem !== undefined && <ErrorMessage error={templateProblem} />}
      </section>

      <form className="card" onSubmit={check} noValidate aria-labelledby="l-upload">
        <h2 id="l-upload">{t('l_upload')}</h2>
        <div className="grid l-files">
          {KINDS.map((kind) => (
            <FormField key={kind} label={`${t(`l_kind_${kind}`)}${kind === 'writeOffs' ? ` ${t('l_optional')}` : ''}`} hint={t('l_file_hint')}>
              {(p) => (
                <input
                  {...p}
                  type="file"
                  name={kind}
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(e) => {
                    setFiles((f) => ({ ...f, [kind]: e.target.files?.[0] }));
                    setChecked(undefined);
                  }}
                />
              )}
            </FormField>
          ))}
        </div>
        <h2>{t('l_paper')}</h2>
        <p className="muted">{t('l_paper_hint')}</p>
        <div className="grid l-totals">
          {TOTALS.map(([key, label]) => (
            <MoneyInput key={key} control={form.control} name={key} label={t(label)} />
          ))}
        </div>
        <FormError message={fileProblem ?? form.serverError} />
        <div className="actions">
          <button type="submit" className={ready ? 'secondary' : ''} disabled={busy}>
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
      </form>

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
              <ScrollRegion label={t('l_refused_rows')}>
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
                        {/* the column as headed in the file (the API names it); a problem of the whole row has none */}
                        <td>{r.errors?.flatMap((e) => (e.column ? [e.column] : [])).join(', ')}</td>
                        <td>{r.errors?.map((e) => e.message).join('; ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              {refusedRows.length > MAX_ROWS_SHOWN && <p className="muted">{t('l_more_rows', { n: refusedRows.length - MAX_ROWS_SHOWN })}</p>}
            </>
          )}
        </section>
      )}

      <section className="card">
        <h2>{t('l_batches')}</h2>
        <Loaded query={batches}>
          {(data) =>
            !data.items.length ? (
              <Empty>{t('l_no_batches')}</Empty>
            ) : (
              <ul className="list">
                {data.items.map((b) => (
                  <li key={b.id} data-batch={b.id}>
                    <div className="row">
                      <strong>{t('l_batch_heading', { date: date(inChina(b.stagedAt).day, lang), time: inChina(b.stagedAt).time })}</strong>
                      <LedgerStatus status={b.status} />
                    </div>
                    <div className="muted">{t('l_counts', { ...b.counts })}</div>
                    <div className="muted">
                      {t('l_staged_by')}: <Person who={b.stagedBy} /> · {date(inChina(b.stagedAt).day, lang)} · {yuan(b.counts.disbursedFen)}
                    </div>
                    {b.decision?.reason && <div className="muted">{b.decision.reason}</div>}
                    {b.status === 'applying' && <Progress batch={b} />}
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>

      {confirming && (
        <ConfirmDialog title={t('l_stage')} onConfirm={() => void stage()} onCancel={() => setConfirming(false)} busy={busy}>
          <p>{t('l_stage_confirm')}</p>
          {report && (
            <>
              <p>{t('l_counts', { rounds: report.rounds.length, loans: report.totals.loans, repayments: report.totals.repayments, writeOffs: report.totals.writeOffs })}</p>
              <p className="muted">{t('l_stage_amount')}</p>
              <p className="d-big-amount">{yuan(report.totals.disbursedFen)}</p>
              <p className="muted">{fenInCapitals(report.totals.disbursedFen)}</p>
            </>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
