/** The loan agreement (借款协议) as a document to print, sign and keep: parties, amount in figures and capitals, term, guarantors. */
import { call } from '../../api/client.ts';
import { useLoad } from '../../api/queries.ts';
import type { PageProps } from '../../pages.tsx';
import { yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { fenInCapitals } from '../../i18n/chinese-numerals.ts';
import { BackLink, Loaded, useDate, useOfficeName } from './common.tsx';
import type { Application, LoanDetail, Round } from './types.ts';

const CLAUSE_NUMBERS = ['d_ag_n1', 'd_ag_n2', 'd_ag_n3', 'd_ag_n4', 'd_ag_n5', 'd_ag_n6', 'd_ag_n7', 'd_ag_n8'] as const;

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
      <Loaded state={state}>{(d) => <AgreementDocument {...d} />}</Loaded>
    </div>
  );
}

function AgreementDocument({ loan, round, app }: { loan: LoanDetail; round?: Round; app?: Application }) {
  const { t } = useI18n();
  const fmt = useDate();
  const name = useOfficeName();
  const a = loan.agreement;
  const signer = (party: string) => a?.signatories.filter((s) => s.party === party).map((s) => s.name).join('、');
  const blank = '＿＿＿＿＿＿';
  const clauses = [
    t('d_ag_amount', { capitals: fenInCapitals(loan.principalFen), figures: yuan(loan.principalFen) }),
    t('d_ag_use', { project: app ? `${t(`d_pt_${app.project.type}`)}：${app.project.description}` : blank }),
    loan.disbursement && loan.dueOn
      ? t('d_ag_term_dates', { n: loan.termMonths, from: fmt(loan.disbursement.disbursedOn), to: fmt(loan.dueOn) })
      : t('d_ag_term', { n: loan.termMonths }),
    t('d_ag_interest', { township: name(loan.townshipId) }),
    t('d_ag_evaluation', { months: loan.evaluationMonths.join('、') }),
    t('d_ag_guarantee'),
    t('d_ag_in_person'),
    t('d_ag_copies'),
  ];
  return (
    <article className="printable d-doc" aria-label={t('d_ag_title')}>
      <h1 className="d-doc-title">{t('d_ag_title')}</h1>
      <p className="d-doc-sub">
        {t('d_ag_number')} {loan.id}
        {round ? ` · ${round.name}` : ''}
      </p>
      <dl className="d-doc-parties">
        <div>
          <dt>{t('d_ag_lender')}</dt>
          <dd>{t('d_ag_lender_name', { district: name(loan.districtId) })}</dd>
        </div>
        <div>
          <dt>{t('d_ag_borrower')}</dt>
          <dd>
            {loan.mother.name} · {t('d_resident_id')} <span className="d-mono">{loan.mother.residentId}</span>
            <br />
            {t('d_ag_address', { township: name(loan.townshipId), village: name(loan.villageId) })}
          </dd>
        </div>
        <div>
          <dt>{t('d_ag_guarantors')}</dt>
          <dd>
            {t('d_ag_guarantor_township', { name: a?.guarantors.townshipHead ?? blank, township: name(loan.townshipId) })}
            <br />
            {t('d_ag_guarantor_village', { name: a?.guarantors.villageHead ?? blank, village: name(loan.villageId) })}
          </dd>
        </div>
      </dl>
      <p>{t('d_ag_preamble')}</p>
      <ol className="d-doc-clauses">
        {clauses.map((c, i) => (
          <li key={i}>
            <strong>{t('d_ag_clause', { n: t(CLAUSE_NUMBERS[i] ?? 'd_ag_n8') })}</strong> {c}
          </li>
        ))}
      </ol>
      <div className="d-doc-signs d-doc-signs-4">
        {[
          [t('d_ag_sign_lender'), signer('district') || signer('committee')],
          [t('d_ag_sign_borrower'), signer('mother') || loan.mother.name],
          [t('d_ag_sign_guarantor_township'), a?.guarantors.townshipHead],
          [t('d_ag_sign_guarantor_village'), a?.guarantors.villageHead],
        ].map(([label, who]) => (
          <div key={label}>
            <p>{label}</p>
            <p className="d-doc-line">{who ?? ''}</p>
            <p className="d-small">{t('d_ag_date')} {a ? fmt(a.signedOn) : t('d_date_blank')}</p>
          </div>
        ))}
      </div>
    </article>
  );
}
