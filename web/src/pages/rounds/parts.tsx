/** What the rounds pages share: a round's capital position, its grants, the district fund, the tabs. */
import '../../i18n/zh-CN.rounds.ts';
import '../../i18n/zh-CN.edges.ts';
import './rounds.css';
import type { ResponseOf } from '../../../../shared/routes.ts';
import { useRead } from '../../api/queries.ts';
import { fenInCapitals, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';

export type Round = ResponseOf<'GET /rounds/{id}'>;
export type RoundRequest = ResponseOf<'GET /round-requests'>['items'][number];
export type FundPosition = NonNullable<RoundRequest['fundPosition']>;
export type FundRow = ResponseOf<'GET /reports/fund'>['rows'][number];

/** Principal lent out and not yet back (repaid or written off). */
export const outstandingOf = (r: Pick<Round, 'disbursedFen' | 'repaidFen' | 'writtenOffFen'>) => r.disbursedFen - r.repaidFen - r.writtenOffFen;

/** An amount with its Chinese capitals underneath, as every money confirmation shows it. */
export function AmountInCapitals({ fen }: { fen: number }) {
  return (
    <>
      <p className="d-big-amount">{yuan(fen)}</p>
      <p className="muted r-capitals">{fenInCapitals(fen)}</p>
    </>
  );
}

export function RoundStatus({ status }: { status: Round['status'] }) {
  const { t } = useI18n();
  return <span className={`badge ${status === 'open' ? 'badge-active' : ''}`}>{t(status === 'open' ? 'r_status_open' : 'r_status_closed')}</span>;
}

export function RequestStatus({ status }: { status: RoundRequest['status'] }) {
  const { t } = useI18n();
  const cls = { pending: 'badge-pending', approved: 'badge-approved', rejected: 'badge-rejected' }[status];
  return <span className={`badge ${cls}`}>{t(`r_req_status_${status}`)}</span>;
}

/** A round's money: capital (and what of it is new), approved, paid out, back, still out, left to approve. */
export function CapitalFigures({ round }: { round: Round }) {
  const { t } = useI18n();
  const figures: [string, number][] = [
    [t('r_capital'), round.capitalFen],
    [t('r_granted'), round.grantFen],
    [t('r_committed'), round.committedFen],
    [t('r_disbursed'), round.disbursedFen],
    [t('r_repaid'), round.repaidFen],
    [t('r_outstanding'), outstandingOf(round)],
    [round.status === 'open' ? t('r_available') : t('r_available_closed'), round.status === 'open' ? round.uncommittedFen : round.capitalFen - round.committedFen],
  ];
  if (round.writtenOffFen) figures.splice(5, 0, [t('r_written_off'), round.writtenOffFen]);
  return (
    <dl className="r-figures">
      {figures.map(([label, fen]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{yuan(fen)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The round's new money by source, or its total when no source was listed. */
export function GrantList({ round }: { round: Round }) {
  const { t } = useI18n();
  if (!round.grants?.length) return <p className="muted">{t('r_grants_none', { amount: yuan(round.grantFen) })}</p>;
  return (
    <ul className="r-grants">
      {round.grants.map((g, i) => (
        <li key={`${g.source}-${i}`}>
          <span>{g.source}</span>
          <strong>{yuan(g.amountFen)}</strong>
        </li>
      ))}
    </ul>
  );
}

/** The district fund's figures now (GET /reports/fund): what the committee granted, lent, recovered, what is free to re-lend. */
export function useFundRow(districtId: string | undefined) {
  const fund = useRead('GET /reports/fund', { query: { districtId }, enabled: !!districtId });
  return { row: fund.data?.rows.find((r) => r.districtId === districtId), query: fund };
}

export function FundFigures({ row }: { row: FundRow }) {
  const { t } = useI18n();
  const figures: [string, number | null][] = [
    [t('r_fund_granted'), row.grantedFen],
    [t('r_fund_lent'), row.lentOutFen],
    [t('r_fund_recovered'), row.recoveredFen],
    [t('r_fund_outstanding'), row.outstandingFen],
    [t('r_fund_available'), row.availableToRelendFen],
  ];
  return (
    <>
      <dl className="r-figures">
        {figures.map(([label, fen]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{yuan(fen)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('r_fund_rounds', { opened: row.roundsOpened, completed: row.roundsCompleted })}</p>
    </>
  );
}

/** The fund as a request carried it: the committee decides on it. */
export function PositionFigures({ position }: { position: FundPosition }) {
  const { t } = useI18n();
  return (
    <>
      <dl className="r-figures">
        <div>
          <dt>{t('r_fund_granted')}</dt>
          <dd>{yuan(position.grantedFen)}</dd>
        </div>
        <div>
          <dt>{t('r_fund_outstanding')}</dt>
          <dd>{yuan(position.outstandingFen)}</dd>
        </div>
        <div>
          <dt>{t('r_fund_available')}</dt>
          <dd>{yuan(position.availableFen)}</dd>
        </div>
      </dl>
      {position.roundsNotRecovered.length === 0 ? (
        <p className="muted">{t('r_rounds_all_recovered')}</p>
      ) : (
        <>
          <h4>{t('r_rounds_not_recovered')}</h4>
          <ul className="r-grants">
            {position.roundsNotRecovered.map((r) => (
              <li key={r.roundId}>
                <span>
                  {r.name} · {t(r.status === 'open' ? 'r_status_open' : 'r_status_closed')} ·{' '}
                  {r.loans === 0 ? t('r_no_loans_yet') : t('r_loans_outstanding', { n: r.loansOutstanding, total: r.loans })}
                </span>
                <strong>{yuan(r.outstandingFen)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The committee's two lists: rounds, and the districts' requests (with how many wait). */
export function RoundsTabs({ at }: { at: 'rounds' | 'requests' }) {
  const { t } = useI18n();
  const pending = useRead('GET /round-requests', { query: { status: 'pending', limit: 100 } });
  const n = pending.data?.items.length ?? 0;
  return (
    <nav className="r-tabs" aria-label={t('r_title')}>
      <Link to="/rounds" aria-current={at === 'rounds' ? 'page' : undefined}>
        {t('r_tab_rounds')}
      </Link>
      <Link to="/round-requests" aria-current={at === 'requests' ? 'page' : undefined}>
        {n ? t('r_tab_requests_pending', { n }) : t('r_tab_requests')}
      </Link>
    </nav>
  );
}
