/** The 报批表 of one confirmation list, ready to print (`/confirmations/{id}/print`); the print button and the way back never reach paper. */
import { useRead } from '../../api/queries.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { Link } from '../../router.tsx';
import { Loaded } from '../../ui/feedback.tsx';
import { ConfirmationListDocument } from '../../print/ConfirmationListDocument.tsx';
import '../../print/print.css';

export function ConfirmationPrintPage({ id }: PageProps) {
  const { t } = useI18n();
  const list = useRead('GET /confirmation-lists/{id}', { params: { id } });
  const offices = useRead('GET /offices', { query: undefined });
  const byId = new Map((offices.data?.items ?? []).map((o) => [o.id, o.name]));
  const nameOf = (officeId: string) => byId.get(officeId) ?? officeId.split('.').at(-1) ?? officeId;
  const committee = offices.data?.items.find((o) => o.level === 'committee')?.name ?? t('p_doc_committee');
  return (
    <div className="d-page d-print-page">
      <div className="no-print d-print-actions">
        <Link to={`/confirmations/${id}`}>← {t('p_conf_list_title')}</Link>
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>
      <Loaded query={list}>{(data) => (offices.data ? <ConfirmationListDocument list={data} nameOf={nameOf} committee={committee} /> : null)}</Loaded>
    </div>
  );
}
