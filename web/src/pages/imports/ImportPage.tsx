/**
 * Township or district office: import a list of applications into an open round from an
 * Excel or CSV file. Choose the round and the file; check first (a dry run: every row
 * reported, in the UI language, nothing written); then import what was checked, after a
 * confirmation naming the number of applications; the result links to the applications.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../../api/client.ts';
import { useReadAll, useWrite } from '../../api/queries.ts';
import { yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { ErrorMessage, Loaded } from '../../ui/feedback.tsx';
import { FormError, FormField } from '../../ui/form.tsx';
import { ApplicationLinks, ColumnsTable, Counts, downloadTemplate, RefusedRows, type ImportReport } from './parts.tsx';
import './imports.css';

type Upload = { format: 'csv' | 'xlsx'; content: string };

/** A chosen file as the API takes it: CSV as text, Excel as base64; undefined for any other kind. */
async function uploadOf(file: File): Promise<Upload | undefined> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: 'xlsx', content: btoa(binary) };
  }
  if (/\.(csv|txt)$/i.test(file.name)) return { format: 'csv', content: await file.text() };
  return undefined;
}

export function ImportPage() {
  const { t } = useI18n();
  const rounds = useReadAll('GET /rounds', {});
  const [roundChoice, setRoundChoice] = useState<string>();
  const [file, setFile] = useState<File>();
  const [problem, setProblem] = useState<string>();
  // the last check: what was sent (the import sends the same, with one key for its retries) and the answer
  const [checked, setChecked] = useState<{ roundId: string; upload: Upload; report: ImportReport; key: string }>();
  const [result, setResult] = useState<ImportReport>();
  const [confirming, setConfirming] = useState(false);
  const send = useWrite('POST /rounds/{id}/imports');
  // after an import: the round's applications, for the mothers' names on the links
  const imported = useReadAll('GET /applications', { query: { roundId: result?.roundId }, enabled: !!result });
  const names = useMemo(() => new Map((imported.data ?? []).map((a) => [a.id, a.mother.name])), [imported.data]);

  const open = useMemo(() => (rounds.data ?? []).filter((r) => r.status === 'open').sort((a, b) => b.openedOn.localeCompare(a.openedOn)), [rounds.data]);
  const roundId = roundChoice ?? open[0]?.id ?? '';
  const round = open.find((r) => r.id === roundId);

  const reset = () => {
    setChecked(undefined);
    setResult(undefined);
    setProblem(undefined);
    send.reset();
  };

  async function check(e: FormEvent) {
    e.preventDefault();
    reset();
    if (!round) return setProblem(t('i_choose_round'));
    if (!file) return setProblem(t('i_choose_file'));
    const upload = await uploadOf(file);
    if (!upload) return setProblem(t('i_wrong_file'));
    try {
      const report = await send.mutateAsync({ params: { id: round.id }, body: { ...upload, dryRun: true } });
      setChecked({ roundId: round.id, upload, report, key: newIdempotencyKey() });
    } catch {
      // shown below from send.error
    }
  }

  async function importChecked() {
    if (!checked) return;
    try {
      const report = await send.mutateAsync({ params: { id: checked.roundId }, body: { ...checked.upload, dryRun: false }, idempotencyKey: checked.key });
      setResult(report);
      setChecked(undefined);
    } catch {
      // shown below from send.error
    } finally {
      setConfirming(false);
    }
  }

  const busy = send.isPending;
  const report = result ?? checked?.report;

  return (
    <div className="imports">
      <h1>{t('i_title')}</h1>
      <p className="muted">{t('i_intro')}</p>

      <form className="card" onSubmit={(e) => void check(e)} noValidate aria-labelledby="i-choose">
        <h2 id="i-choose">{t('i_file')}</h2>
        <Loaded query={rounds}>
          {() =>
            open.length ? (
              <div className="grid i-choose">
                <FormField label={t('i_round')} hint={round ? t('i_round_range', { min: yuan(round.minLoanFen), max: yuan(round.maxLoanFen) }) : undefined}>
                  {(p) => (
                    <select
                      {...p}
                      value={roundId}
                      onChange={(e) => {
                        setRoundChoice(e.target.value);
                        reset();
                      }}
                    >
                      {open.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.name}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
                <FormField label={t('i_file')} hint={t('i_file_hint')}>
                  {(p) => (
                    <input
                      {...p}
                      type="file"
                      name="file"
                      accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                      onChange={(e) => {
                        setFile(e.target.files?.[0]);
                        reset();
                      }}
                    />
                  )}
                </FormField>
              </div>
            ) : (
              <p className="error">{t('i_no_open_round')}</p>
            )
          }
        </Loaded>
        <FormError message={problem} />
        {send.error !== null && <ErrorMessage error={send.error} />}
        <div className="actions">
          <button type="submit" className={checked?.report.accepted ? 'secondary' : ''} disabled={busy || !open.length}>
            {busy && !confirming ? t('i_checking') : t('i_check')}
          </button>
          {checked && checked.report.accepted > 0 && (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              {t('i_import')}
            </button>
          )}
        </div>
      </form>

      {report && (
        <section className="card i-report" aria-live="polite" aria-labelledby="i-report">
          <h2 id="i-report">{result ? t('i_result') : t('i_report')}</h2>
          <Counts report={report} />
          {report.refused > 0 && <p className={report.accepted || !report.dryRun ? 'muted' : 'error'}>{report.accepted || !report.dryRun ? t('i_fix_rows') : t('i_nothing_to_import')}</p>}
          {report.dryRun && !report.refused && <p className="notice-ok">{report.accepted ? t('i_all_good') : t('i_nothing_to_import')}</p>}
          <RefusedRows rows={report.rows} />
          {result && <ApplicationLinks rows={result.rows} names={names} />}
          {result && (
            <p>
              <button type="button" className="secondary" onClick={reset}>
                {t('i_again')}
              </button>
            </p>
          )}
        </section>
      )}

      <section className="card" aria-labelledby="i-columns">
        <h2 id="i-columns">{t('i_columns')}</h2>
        <p className="muted">{t('i_columns_hint')}</p>
        <p>
          <button type="button" className="secondary" onClick={() => downloadTemplate(t('i_template_file'))}>
            {t('i_template')}
          </button>
        </p>
        <ColumnsTable />
      </section>

      {confirming && checked && (
        <ConfirmDialog title={t('i_confirm_title')} onConfirm={() => void importChecked()} onCancel={() => setConfirming(false)} busy={busy}>
          <p className="d-big-amount">{t('i_count', { n: checked.report.accepted })}</p>
          <p>{t('i_confirm', { n: checked.report.accepted, round: open.find((r) => r.id === checked.roundId)?.name ?? '' })}</p>
          <p className="muted">{t('i_confirm_hint')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
