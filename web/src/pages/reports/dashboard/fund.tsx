/** The revolving fund per district, and the outcomes (mothers, households, villages, income, poverty exit). */
import { ScrollRegion } from '../../../ui/scroll-region.tsx';
import type { ReactNode } from 'react';
import { percent, yuan } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { Empty } from '../../../ui/feedback.tsx';
import { Legend, StackedBar, type Segment } from '../charts.tsx';
import { GroupDetail } from './portfolio.tsx';
import type { FundRow, OutcomeRow, RowBase } from '../reports.ts';

export function Figure({ label, value, sub }: { label: string; value: ReactNode; sub?: string }) {
  return (
    <div className="c-figure">
      <dt>{label}</dt>
      <dd>
        {value}
        {sub && <span className="c-figure-sub">{sub}</span>}
      </dd>
    </div>
  );
}

export function Fund({ rows, nameOf }: { rows: FundRow[]; nameOf: (id: string, fallback?: string) => string }) {
  const { t } = useI18n();
  const segmentsOf = (r: FundRow): Segment[] => [
    { key: 'outstanding', label: t('c_fund_outstanding'), value: r.outstandingFen, display: yuan(r.outstandingFen), className: 'c-fund-out' },
    { key: 'cash', label: t('c_fund_cash'), value: r.cashHeldFen, display: yuan(r.cashHeldFen), className: 'c-fund-cash' },
    { key: 'writtenOff', label: t('c_fund_written_off'), value: r.writtenOffFen, display: yuan(r.writtenOffFen), className: 'c-fund-lost' },
  ];
  return (
    <section className="card" data-card="fund">
      <h2>{t('c_fund')}</h2>
      <p className="muted c-note">{t('c_fund_note')}</p>
      {rows.length === 0 && <Empty>{t('c_fund_none')}</Empty>}
      {rows.map((r) => (
        <div key={r.districtId} className="c-fund" data-district={r.districtId}>
          <h3>{nameOf(r.districtId, r.label)}</h3>
          {r.grantedFen > 0 ? (
            <>
              <StackedBar label={`${nameOf(r.districtId, r.label)} ${t('c_fund_granted')} ${yuan(r.grantedFen)}`} segments={segmentsOf(r)} />
              <Legend segments={segmentsOf(r)} />
            </>
          ) : (
            <p className="muted">{t('c_fund_none')}</p>
          )}
          <dl className="c-figures">
            <Figure label={t('c_fund_granted')} value={yuan(r.grantedFen)} />
            <Figure label={t('c_fund_lent')} value={yuan(r.lentOutFen)} />
            <Figure label={t('c_fund_recovered')} value={yuan(r.recoveredFen)} />
            <Figure label={t('c_fund_written_off')} value={yuan(r.writtenOffFen)} />
            <Figure label={t('c_fund_outstanding')} value={yuan(r.outstandingFen)} />
            <Figure label={t('c_fund_cash')} value={yuan(r.cashHeldFen)} />
            <Figure label={t('c_fund_available')} value={yuan(r.availableToRelendFen)} />
            <Figure label={t('c_fund_rounds')} value={`${r.roundsCompleted} / ${r.roundsOpened}`} />
          </dl>
        </div>
      ))}
    </section>
  );
}

export function Outcomes({ focus, rows, rowLabel }: { focus: OutcomeRow; rows: OutcomeRow[]; rowLabel: (r: RowBase) => string }) {
  const { t } = useI18n();
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    <section className="card" data-card="outcomes">
      <h2>{t('c_outcomes')}</h2>
      <dl className="c-figures c-figures-big">
        <Figure label={t('c_oc_mothers')} value={t('c_people', { n: n(focus.mothersHelped) })} />
        <Figure label={t('c_oc_members')} value={t('c_people', { n: n(focus.householdMembersReached) })} />
        <Figure label={t('c_oc_villages')} value={t('c_places', { n: n(focus.villagesCovered) })} />
        <Figure label={t('c_oc_income')} value={yuan(focus.incomeGainedFen)} />
        <Figure label={t('c_oc_exit')} value={percent(focus.povertyExitRateBp)} sub={t('c_oc_final', { n: focus.finalEvaluations })} />
      </dl>
      {rows.length > 1 && (
        <GroupDetail count={rows.length}>
          <ScrollRegion label={t('c_outcomes')}>
            <table className="c-table">
              <thead>
                <tr>
                  <th>{t('c_group')}</th>
                  <th className="num">{t('c_oc_mothers')}</th>
                  <th className="num">{t('c_oc_members')}</th>
                  <th className="num">{t('c_oc_villages')}</th>
                  <th className="num">{t('c_oc_income')}</th>
                  <th className="num">{t('c_oc_exit')}</th>
                </tr>
              </thead>
              <tbody>
                {[...rows, focus].map((r) => (
                  <tr key={r.id} className={r.groupBy === 'total' ? 'c-total' : undefined}>
                    <th scope="row">{rowLabel(r)}</th>
                    <td className="num">{n(r.mothersHelped)}</td>
                    <td className="num">{n(r.householdMembersReached)}</td>
                    <td className="num">{n(r.villagesCovered)}</td>
                    <td className="num">{yuan(r.incomeGainedFen)}</td>
                    <td className="num">{percent(r.povertyExitRateBp)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </GroupDetail>
      )}
    </section>
  );
}
