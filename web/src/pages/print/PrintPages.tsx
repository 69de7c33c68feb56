/**
 * Pages for the receipt, the repayment card and the collection list, ready to be routed in
 * `pages.tsx` (suggested: `/receipt?loanId=&repaymentId=`, `/loans/{id}/card`,
 * `/collection?townshipId=&asOf=`). Each loads its data, then renders the bilingual document;
 * the print button and the way back never reach paper.
 */
import '../../i18n/zh-CN.district.ts';
import { call } from '../../api/client.ts';
import { useLoad, useRead } from '../../api/queries.ts';
import { todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { useOffices } from '../../ui/offices.tsx';
import { BackLink, Loaded } from '../../ui/layout.tsx';
import { hrefOf } from '../../router.tsx';
import { Empty } from '../../ui.tsx';
import { collectionSheet } from '../../print/collection.ts';
import { CollectionListDocument } from '../../print/CollectionListDocument.tsx';
import { ConsentDocument } from '../../print/ConsentDocument.tsx';
import { placesOf } from '../../print/offices.ts';
import '../../print/print.css';
import { ReceiptDocument } from '../../print/ReceiptDocument.tsx';
import { RepaymentCardDocument } from '../../print/RepaymentCardDocument.tsx';
import { verifyUrl } from '../../print/QrCode.tsx';

function PrintBar({ back, label }: { back: string; label: string }) {
  const { t } = useI18n();
  return (
    <div className="no-print d-print-actions">
      <BackLink to={back} label={label} />
      <button type="button" onClick={() => window.print()}>
        {t('print')}
      </button>
    </div>
  );
}

/** The receipt of one repayment of a loan: counterfoil and the mother's copy. */
export function PrintReceiptPage({ route }: PageProps) {
  const { t } = useI18n();
  const { byId } = useOffices();
  const loanId = route.query.get('loanId') ?? '';
  const repaymentId = route.query.get('repaymentId') ?? '';
  const state = useLoad(['GET /loans/{id}', { id: loanId }, 'receipt'], (signal) => call('GET /loans/{id}', { params: { id: loanId }, signal }));
  return (
    <div className="d-page d-print-page">
      <PrintBar back={`/loans/${loanId}`} label={t('d_back_to_loan')} />
      <Loaded state={state}>
        {(loan) => {
          const repayment = loan.repayments.find((r) => r.id === repaymentId);
          if (!repayment) return <Empty>{t('empty')}</Empty>;
          const places = placesOf(loan.villageId, byId);
          const clerk = repayment.recordedBy;
          const receivedBy = 'displayName' in clerk && typeof clerk.displayName === 'string' ? clerk.displayName : undefined;
          return (
            <ReceiptDocument
              repayment={repayment}
              loan={loan}
              township={places.township}
              village={places.village}
              receivedBy={receivedBy}
              verifyUrl={verifyUrl(loan.id, repayment.id, repayment.verifyToken)}
            />
          );
        }}
      </Loaded>
    </div>
  );
}

/** The repayment card of a loan's mother. */
export function PrintCardPage({ id: loanId }: PageProps) {
  const { t } = useI18n();
  const { byId } = useOffices();
  const state = useLoad(['GET /loans/{id}', { id: loanId }, 'card'], (signal) => call('GET /loans/{id}', { params: { id: loanId }, signal }));
  return (
    <div className="d-page d-print-page">
      <PrintBar back={`/loans/${loanId}`} label={t('d_back_to_loan')} />
      <Loaded state={state}>
        {(loan) => {
          const places = placesOf(loan.villageId, byId);
          // the QR code checks her latest repayment (its balance after, and today's when it differs)
          const latest = loan.repayments.toSorted((a, b) => (a.paidOn + a.recordedAt).localeCompare(b.paidOn + b.recordedAt)).at(-1);
          return (
            <RepaymentCardDocument
              loan={loan}
              repayments={loan.repayments}
              township={places.township}
              village={places.village}
              {...(latest ? { verifyUrl: verifyUrl(loan.id, latest.id, latest.verifyToken) } : {})}
            />
          );
        }}
      </Loaded>
    </div>
  );
}

/** A township's collection list for collection day (`GET /reports/collection`), as of a date (today by default). */
export function PrintCollectionPage({ route }: PageProps) {
  const { t } = useI18n();
  const { byId } = useOffices();
  const townshipId = route.query.get('townshipId') ?? '';
  const asOf = route.query.get('asOf') ?? todayIso();
  const q = useRead('GET /reports/collection', { query: { townshipId, asOf } });
  const state = { data: q.data, error: q.error ?? undefined, loading: q.isPending, reload: () => void q.refetch() };
  return (
    <div className="d-page d-print-page">
      <PrintBar back={hrefOf('/collection-day', { townshipId, asOf })} label={t('back')} />
      <Loaded state={state}>{(report) => <CollectionListDocument sheet={collectionSheet(report)} township={{ zh: byId.get(report.townshipId)?.name ?? report.townshipId }} />}</Loaded>
    </div>
  );
}

/**
 * The consent form a mother signs before her data is recorded: blank (from the new-application
 * form), or with her name and village (`?applicationId=`, from her application).
 */
export function PrintConsentPage({ route }: PageProps) {
  const { t } = useI18n();
  const { byId } = useOffices();
  const applicationId = route.query.get('applicationId') ?? '';
  const q = useRead('GET /applications/{id}', { params: { id: applicationId }, enabled: !!applicationId });
  const back = applicationId ? `/applications/${applicationId}` : '/applications';
  if (!applicationId)
    return (
      <div className="d-page d-print-page">
        <PrintBar back={back} label={t('back')} />
        <ConsentDocument />
      </div>
    );
  const state = { data: q.data, error: q.error ?? undefined, loading: q.isPending, reload: () => void q.refetch() };
  return (
    <div className="d-page d-print-page">
      <PrintBar back={back} label={t('back')} />
      <Loaded state={state}>
        {(app) => {
          const places = placesOf(app.villageId, byId);
          return <ConsentDocument name={app.mother.name} township={places.township} village={places.village} />;
        }}
      </Loaded>
    </div>
  );
}
