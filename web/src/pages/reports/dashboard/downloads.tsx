/** The reports as CSV files (for Excel), as of the view's date. */
import { useState } from 'react';
import { download as downloadCsv } from '../../../api/client.ts';
import { useI18n, type MessageKey } from '../../../i18n/index.tsx';
import { ErrorMessage } from '../../../ui/feedback.tsx';
import { reportQuery, type View } from '../reports.ts';

type ReportPath = '/reports/repayment' | '/reports/portfolio' | '/reports/outcomes' | '/reports/fund';

const CSV_FILES: { path: ReportPath; word: MessageKey; file: string }[] = [
  { path: '/reports/repayment', word: 'c_csv_repayment', file: '还款率报表' },
  { path: '/reports/portfolio', word: 'c_csv_portfolio', file: '贷款组合报表' },
  { path: '/reports/outcomes', word: 'c_csv_outcomes', file: '成效报表' },
  { path: '/reports/fund', word: 'c_csv_fund', file: '基金报表' },
] as const;

export function Downloads({ view, asOf }: { view: View; asOf: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const download = async (path: ReportPath, file: string) => {
    setBusy(path);
    setError(undefined);
    try {
      await downloadCsv(`GET ${path}`, { ...reportQuery(view), asOf, format: 'csv' }, `${file}-${asOf}.csv`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section className="card c-downloads" data-card="downloads">
      <h2>{t('c_downloads')}</h2>
      {error !== undefined && <ErrorMessage error={error} />}
      <div className="c-download-buttons">
        {CSV_FILES.map((f) => (
          <button key={f.path} type="button" className="secondary" data-csv={f.path.split('/').pop()} disabled={busy !== undefined} onClick={() => void download(f.path, f.file)}>
            ⬇ {t(f.word)}
          </button>
        ))}
      </div>
    </section>
  );
}
