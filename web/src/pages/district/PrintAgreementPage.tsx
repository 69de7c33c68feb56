/** The loan agreement (借款协议), bilingual Tibetan–Chinese, to print, sign and keep: five parties, amount in figures and capitals, term, guarantors by title. */
import { api } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { AgreementDocument } from '../../print/AgreementDocument.tsx';
import { placesOf } from '../../print/offices.ts';
import '../../print/print.css';
import { useLoad } from '../../ui.tsx';
import { BackLink, Loaded, useOffices } from './common.tsx';
import type { Application, LoanDetail, Round } from './types.ts';

export function PrintAgreementPage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useLoad(async (signal) => {
    const loan = await api.get<LoanDetail>(`/loans/${id}`, { signal });
    const [round, app] = await Promise.all([
      api.get<Round>(`/rounds/${loan.roundId}`, { signal }).catch(() => undefined),
      api.get<Application>(`/applications/${loan.applicationId}`, { signal }).catch(() => undefined),
    ]);
    return { loan, round, app };
  }, [id]);
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
