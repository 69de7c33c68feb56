/** The evaluation report ready to print (`/evaluation-reports/{id}/print`); the print button and the way back never reach paper. */
import { useRead } from '../../api/queries.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { Link } from '../../router.tsx';
import { Loaded } from '../../ui/feedback.tsx';
import { EvaluationReportDocument } from './EvaluationReportDocument.tsx';
import '../../print/print.css';

export function EvaluationReportPrintPage({ id }: PageProps) {
  const { t } = useI18n();
  const report = useRead('GET /evaluation-reports/{id}', { params: { id } });
  const offices = useRead('GET /offices', { query: undefined });
  const byId = new Map((offices.data?.items ?? []).map((o) => [o.id, o as typeof o & { nameBo?: string }]));
  const placeOf = (officeId: string) => {
    const o = byId.get(officeId);
    return o ? { zh: o.name, ...(o.nameBo ? { bo: o.nameBo } : {}) } : { zh: officeId.split('.').at(-1) ?? officeId };
  };
  const committee = offices.data?.items.find((o) => o.level === 'committee')?.name ?? t('er_doc_committee');
  return (
    <div className="d-page d-print-page">
      <div className="no-print d-print-actions">
        <Link to={`/evaluation-reports/${id}`}>← {t('er_title')}</Link>
        <button type="button" onClick={() => void window.print()}>
          {t('print')}
        </button>
      </div>
      <Loaded query={report}>{(data) => (offices.data ? <EvaluationReportDocument report={data} placeOf={placeOf} committee={committee} /> : null)}</Loaded>
    </div>
  );
}
