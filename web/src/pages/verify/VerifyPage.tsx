/**
 * The public check of a printed receipt (`#/verify/{loanId}/{repaymentId}?t=`, the QR code on the
 * receipt and the repayment card): read WITHOUT sign-in (rendered before the sign-in gate in
 * app.tsx, in its own chunk), in 中文, བོད་ཡིག or English. It says "genuine" with the date, the
 * amount, the receipt and agreement numbers, the balance after it (and today's, when later
 * payments changed it) and the mother by her initial only; or "not genuine" and nothing else.
 */
import '../../i18n/zh-CN.sms.ts';
import './verify.css';
import { useQuery } from '@tanstack/react-query';
import { call, type DataOf } from '../../api/client.ts';
import { date, yuan } from '../../i18n/format.ts';
import { LanguageSwitch, useI18n } from '../../i18n/index.tsx';
import type { Route } from '../../router.tsx';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';

type Check = DataOf<'GET /public/receipts/{loanId}/{repaymentId}'>;

export function VerifyPage({ route }: { route: Route }) {
  const { t, lang } = useI18n();
  const [, loanId = '', repaymentId = ''] = route.parts;
  const token = route.query.get('t') ?? '';
  const q = useQuery({
    queryKey: ['GET /public/receipts/{loanId}/{repaymentId}', loanId, repaymentId, token],
    // a malformed link is "not genuine" too: nothing is asked of the API for it
    queryFn: ({ signal }) =>
      /^[A-Za-z0-9_-]{22}$/.test(token) && loanId && repaymentId
        ? call('GET /public/receipts/{loanId}/{repaymentId}', { params: { loanId, repaymentId }, query: { t: token }, signal })
        : Promise.resolve<Check>({ genuine: false }),
    retry: false,
  });
  const r = q.data;
  return (
    <div className="vr-page">
      <div className="pr-bar no-print">
        <span className="pr-brand">{t('app_title')}</span>
        <LanguageSwitch />
      </div>
      <h1>{t('vr_title')}</h1>
      {q.isPending ? (
        <p role="status">
          {t('vr_checking')} <Loading />
        </p>
      ) : q.error ? (
        <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />
      ) : r?.genuine ? (
        <section className="vr-result vr-genuine" data-genuine="true" aria-label={t('vr_genuine')}>
          <p className="vr-verdict" role="status">
            <span aria-hidden="true">✓</span> {t('vr_genuine')}
          </p>
          <p>{t('vr_genuine_text')}</p>
          <dl className="vr-facts">
            <div>
              <dt>{t('vr_amount')}</dt>
              <dd className="vr-amount" data-testid="vr-amount">
                {yuan(r.amountFen)}
              </dd>
            </div>
            <div>
              <dt>{t('vr_paid_on')}</dt>
              <dd>{date(r.paidOn, lang)}</dd>
            </div>
            <div>
              <dt>{t('vr_receipt_no')}</dt>
              <dd className="d-mono">{r.receiptNo}</dd>
            </div>
            {r.agreementNo && (
              <div>
                <dt>{t('vr_agreement_no')}</dt>
                <dd className="d-mono">{r.agreementNo}</dd>
              </div>
            )}
            <div>
              <dt>{t('vr_balance_after')}</dt>
              <dd>{yuan(r.balanceAfterFen)}</dd>
            </div>
            {r.balanceNowFen !== undefined && (
              <div>
                <dt>{t('vr_balance_now')}</dt>
                <dd>{yuan(r.balanceNowFen)}</dd>
              </div>
            )}
            <div>
              <dt>{t('vr_mother')}</dt>
              <dd>{r.mother}</dd>
            </div>
          </dl>
          <p className="muted d-small">{t('vr_privacy')}</p>
        </section>
      ) : (
        <section className="vr-result vr-not-genuine" data-genuine="false" aria-label={t('vr_not_genuine')}>
          <p className="vr-verdict" role="alert">
            <span aria-hidden="true">✗</span> {t('vr_not_genuine')}
          </p>
          <p>{t('vr_not_genuine_text')}</p>
        </section>
      )}
    </div>
  );
}
