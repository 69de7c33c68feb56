/**
 * 轮次: the rounds the caller sees, each with its capital position (capital, new money, lent
 * out, repaid, still out, left to approve), by district and status. The committee opens a
 * round from here and has the districts' requests on the second tab; a district sees its
 * fund and asks for a new round here, with its requests and their status.
 */
import { useState } from 'react';
import { useReadAll } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { date, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { Empty, Loaded } from '../../ui/feedback.tsx';
import { DistrictFilter, useOfficeName, useOffices } from '../../ui/offices.tsx';
import { outstandingOf, RoundStatus, RoundsTabs, type Round } from './parts.tsx';
import { DistrictFund, RequestRoundSection } from './RequestRoundSection.tsx';
import { useMarks } from '../../i18n/marks.ts';

export function RoundsPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const role = session?.role;
  const { offices } = useOffices();
  const [districtId, setDistrictId] = useState('');
  const [status, setStatus] = useState('');
  const rounds = useReadAll('GET /rounds', { query: { districtId: districtId || undefined, status: status || undefined } });
  const intro = role === 'committee' ? 'r_intro_committee' : role === 'district' ? 'r_intro_district' : 'r_intro_other';
  return (
    <div className="d-page r-page">
      <h1>{t('r_title')}</h1>
      <p className="muted">{t(intro)}</p>
      {role === 'committee' && <RoundsTabs at="rounds" />}
      {role === 'district' && session && <DistrictFund districtId={session.officeId} />}
      <div className="row">
        <div className="filters">
          <DistrictFilter value={districtId} onChange={setDistrictId} label={t('r_filter_district')} allLabel={t('r_all_districts')} />
          <label className="field">
            <span className="label">{t('r_filter_status')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t('r_filter_status')}>
              <option value="">{t('r_all_statuses')}</option>
              <option value="open">{t('r_status_open')}</option>
              <option value="closed">{t('r_status_closed')}</option>
            </select>
          </label>
        </div>
        {role === 'committee' && (
          <Link className="button" to={districtId ? `/round-open?districtId=${districtId}` : '/round-open'}>
            + {t('r_open_round')}
          </Link>
        )}
      </div>
      <Loaded query={rounds}>{(items) => <RoundTable rounds={sortRounds(items)} showDistrict={(offices ?? []).filter((o) => o.level === 'district').length > 1} />}</Loaded>
      {role === 'district' && <RequestRoundSection />}
    </div>
  );
}

/** Open before closed, newest first. */
const sortRounds = (rounds: Round[]) => [...rounds].sort((a, b) => (a.status === b.status ? b.openedOn.localeCompare(a.openedOn) || b.id.localeCompare(a.id) : a.status === 'open' ? -1 : 1));

function RoundTable({ rounds, showDistrict }: { rounds: Round[]; showDistrict: boolean }) {
  const { t, lang } = useI18n();
  const mk = useMarks();
  const officeName = useOfficeName();
  if (!rounds.length) return <Empty>{t('r_none')}</Empty>;
  return (
    <table className="d-rtable r-table" aria-label={t('r_title')}>
      <thead>
        <tr>
          <th>{t('r_round')}</th>
          {showDistrict && <th>{t('r_district')}</th>}
          <th className="num">{t('r_capital')}</th>
          <th className="num">{t('r_granted')}</th>
          <th className="num">{t('r_disbursed')}</th>
          <th className="num">{t('r_repaid')}</th>
          <th className="num">{t('r_outstanding')}</th>
          <th className="num">{t('r_available')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rounds.map((r) => (
          <tr key={r.id} data-round={r.id}>
            <td className="d-cell-main">
              <Link to={`/rounds/${r.id}`} className="d-name">
                {r.name}
              </Link>{' '}
              <RoundStatus status={r.status} />
              <span className="d-sub">
                {r.number ? `${t('r_round_no', { n: r.number })} · ` : ''}
                {date(r.openedOn, lang)}
              </span>
            </td>
            {showDistrict && <td data-label={t('r_district')}>{officeName(r.districtId)}</td>}
            <td className="num" data-label={t('r_capital')}>
              {yuan(r.capitalFen)}
            </td>
            <td className="num" data-label={t('r_granted')}>
              {yuan(r.grantFen)}
            </td>
            <td className="num" data-label={t('r_disbursed')}>
              {yuan(r.disbursedFen)}
            </td>
            <td className="num" data-label={t('r_repaid')}>
              {yuan(r.repaidFen)}
            </td>
            <td className="num" data-label={t('r_outstanding')}>
              {yuan(outstandingOf(r))}
            </td>
            <td className="num" data-label={t('r_available')}>
              {r.status === 'open' ? yuan(r.uncommittedFen) : '—'}
            </td>
            <td>
              <Link to={`/rounds/${r.id}`} className="button secondary" aria-label={`${t('r_open')}${mk.colon}${r.name}`}>
                {t('r_open')}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
