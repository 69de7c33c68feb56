/** The loan agreement (借款协议), bilingual Tibetan–Chinese, to print, sign and keep: five parties, amount in figures and capitals, term, guarantors by title. */
import '../../i18n/zh-CN.district.ts';
import { call } from '../../api/client.ts';
import { useLoad } from '../../api/queries.ts';
import type { PageProps } from '../../paths.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AgreementDocument } from '../../print/AgreementDocument.tsx';
import { placesOf } from '../../print/offices.ts';
import '../../print/print.css';
import { useOffices } from '../../ui/offices.tsx';
import { BackLink, Loaded } from '../../ui/layout.tsx';
import type { Application, LoanDetail, Round } from '../../api/records.ts';

export function PrintAgreementPage({ id }: PageProps) {
  const { t } = useI18n();
  const state = useLoad(['GET /loans/{id}', { id }, 'agreement'], async (signal) => {
    const loan = await call('GET /loans/{id}', { params: { id }, signal });
    const [round, app] = await Promise.all([
      call('GET /rounds/{id}', { params: { id: loan.roundId }, signal }).catch(() => undefined),
      call('GET /applications/{id}', { params: { id: loan.applicationId }, signal }).catch(() => undefined),
    ]);
    return { loan, round, app };
  });
  return (
    <div className="d-page d-print-page">
      <div className="no-print d-print-actions">
        <BackLink to={`/loans/${id}`} label={t('d_back_to_loan')} />
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>
      <Loaded state={state}>{(d) => <Agreement {...d} />}</Loaded>
    </div>
  );
}

/** The bilingual agreement (print/AgreementDocument) with the loan's offices by name and its project. */
function Agreement({ loan, round, app }: { loan: LoanDetail; round?: Round; app?: Application }) {
  const { byId } = useOffices();
  const { kinds, ...offices } = placesOf(loan.villageId, byId);
  return <AgreementDocument loan={loan} project={app?.project} offices={offices} kinds={kinds} roundName={round?.name} />;
}
