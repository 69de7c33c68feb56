/**
 * A published donor report, shown WITHOUT sign-in (`#/public/{id}`, rendered before the sign-in
 * gate in app.tsx, in its own chunk): the language switch, a print button (A4) and the report.
 * A withdrawn or unknown report says so.
 */
import '../../i18n/zh-CN.outreach.ts';
import { useEffect, useState } from 'react';
import { ApiError, call } from '../../api/client.ts';
import { LanguageSwitch, useI18n } from '../../i18n/index.tsx';
import { Loading } from '../../ui/feedback.tsx';
import { type Report, ReportView } from './ReportView.tsx';

export function PublicReportPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ report?: Report; missing?: boolean; error?: string }>({});
  useEffect(() => {
    let live = true;
    call('GET /public/reports/{id}', { params: { id } })
      .then((report) => live && setState({ report }))
      .catch((e: unknown) => live && setState(e instanceof ApiError && e.status === 404 ? { missing: true } : { error: String((e as Error).message) }));
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <div className="pr-public">
      <div className="pr-bar no-print">
        <span className="pr-brand">{t('app_title')}</span>
        <LanguageSwitch />
        {state.report && (
          <button type="button" onClick={() => window.print()}>
            {t('o_print')}
          </button>
        )}
      </div>
      {state.report ? (
        <ReportView report={state.report} />
      ) : state.missing ? (
        <p className="error" role="alert">
          {t('o_not_found')}
        </p>
      ) : state.error ? (
        <p className="error" role="alert">
          {state.error}
        </p>
      ) : (
        <Loading />
      )}
    </div>
  );
}
