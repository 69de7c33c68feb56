/** The ageing of arrears and the portfolio by status, per group. */
import { ScrollRegion } from '../../../ui/scroll-region.tsx';
import '../../../i18n/zh-CN.edges.ts';
import type { ReactNode } from 'react';
import { yuan } from '../../../i18n/format.ts';
import { useI18n, type MessageKey } from '../../../i18n/index.tsx';
import { Legend, StackedBar, type Segment } from '../charts.tsx';
import type { PortfolioRow, RepaymentRow, RowBase } from '../reports.ts';

const AGE_BANDS = [
  { key: 'days1to30', word: 'c_ageing_1', className: 'c-age-1' },
  { key: 'days31to90', word: 'c_ageing_31', className: 'c-age-31' },
  { key: 'days91to180', word: 'c_ageing_91', className: 'c-age-91' },
  { key: 'days181plus', word: 'c_ageing_181', className: 'c-age-181' },
] as const;

export function Money({ fen, loans, count = 'c_loans_n' }: { fen: number; loans: number; count?: 'c_loans_n' | 'c_pf_repaid_in_full' }) {
  const { t } = useI18n();
  return (
    <>
      <span className="c-fen">{yuan(fen)}</span>
      <span className="c-count">{t(count, { n: loans })}</span>
    </>
  );
}

export function Ageing({ rows, focus, rowLabel }: { rows: RepaymentRow[]; focus: RepaymentRow; rowLabel: (r: RowBase) => string }) {
  const { t } = useI18n();
  const segments: Segment[] = AGE_BANDS.map((b) => ({
    key: b.key,
    label: t(b.word),
    value: focus.ageing[b.key].fen,
    display: `${yuan(focus.ageing[b.key].fen)} · ${t('c_loans_n', { n: focus.ageing[b.key].loans })}`,
    className: b.className,
  }));
  return (
    <section className="card" data-card="ageing">
      <h2>{t('c_ageing')}</h2>
      <p className="muted c-note">{t('c_ageing_note')}</p>
      {focus.arrearsFen === 0 && <p className="c-all-clear">{t('c_ageing_none')}</p>}
      {focus.arrearsFen > 0 && (
        <>
          <StackedBar name="ageing" label={t('c_ageing')} segments={segments} />
          <Legend segments={segments} />
        </>
      )}
      {focus.arrearsFen > 0 && (
        <ScrollRegion label={t('c_ageing')}>
          <table className="c-table">
            <thead>
              <tr>
                <th>{t('c_group')}</th>
                {AGE_BANDS.map((b) => (
                  <th key={b.key} className="num">
                    {t(b.word)}
                  </th>
                ))}
                <th className="num">{t('c_kpi_arrears')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.groupBy === 'total' ? 'c-total' : undefined} data-row={r.id}>
                  <th scope="row">{rowLabel(r)}</th>
                  {AGE_BANDS.map((b) => (
                    <td key={b.key} className={`num ${r.ageing[b.key].fen > 0 ? 'c-late' : ''}`}>
                      <Money fen={r.ageing[b.key].fen} loans={r.ageing[b.key].loans} />
                    </td>
                  ))}
                  <td className="num">
                    <Money fen={r.arrearsFen} loans={r.arrearsLoans} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

/** A table of every group, folded away when there are many. */
export function GroupDetail({ count, children }: { count: number; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <details className="c-details" open={count <= 8}>
      <summary>{t('c_group_detail', { n: count })}</summary>
      {children}
    </details>
  );
}

export function Portfolio({ rows, focus, rowLabel }: { rows: PortfolioRow[]; focus: PortfolioRow; rowLabel: (r: RowBase) => string }) {
  const { t } = useI18n();
  const seg = (key: string, word: MessageKey, band: { fen: number; loans: number }, className: string, count: 'c_loans_n' | 'c_pf_repaid_in_full' = 'c_loans_n'): Segment => ({
    key,
    label: t(word),
    value: band.fen,
    display: `${yuan(band.fen)} · ${t(count, { n: band.loans })}`,
    className,
  });
  const segments = [
    // principal repaid on every loan, and how many loans are repaid in full
    seg('repaid', 'c_pf_repaid', focus.repaid, 'c-pf-repaid', 'c_pf_repaid_in_full'),
    seg('active', 'c_pf_active', focus.active, 'c-pf-active'),
    seg('overdue', 'c_pf_overdue', focus.overdue, 'c-pf-overdue'),
    seg('writtenOff', 'c_pf_written_off', focus.writtenOff, 'c-pf-written-off'),
  ];
  const columns = [
    ['approved', 'c_pf_approved'],
    ['active', 'c_pf_active'],
    ['overdue', 'c_pf_overdue'],
    ['repaid', 'c_pf_repaid'],
    ['writtenOff', 'c_pf_written_off'],
    ['disbursed', 'c_pf_disbursed'],
  ] as const;
  return (
    <section className="card" data-card="portfolio">
      <h2>{t('c_portfolio')}</h2>
      <p className="muted c-note">{t('c_portfolio_note', { fen: yuan(focus.disbursed.fen), n: focus.disbursed.loans })}</p>
      <StackedBar name="portfolio" label={t('c_portfolio')} segments={segments} />
      <Legend
        segments={[
          ...segments,
          { key: 'approved', label: t('c_pf_approved'), value: 0, display: `${yuan(focus.approved.fen)} · ${t('c_loans_n', { n: focus.approved.loans })}`, className: 'c-pf-approved' },
        ]}
      />
      {rows.length > 1 && (
        <GroupDetail count={rows.length}>
          <ScrollRegion label={t('c_portfolio')}>
            <table className="c-table">
              <thead>
                <tr>
                  <th>{t('c_group')}</th>
                  {columns.map(([k, w]) => (
                    <th key={k} className="num">
                      {t(w)}
                    </th>
                  ))}
                  <th className="num">{t('c_pf_outstanding')}</th>
                </tr>
              </thead>
              <tbody>
                {[...rows, focus].map((r) => (
                  <tr key={r.id} className={r.groupBy === 'total' ? 'c-total' : undefined}>
                    <th scope="row">{rowLabel(r)}</th>
                    {columns.map(([k]) => (
                      <td key={k} className="num">
                        <Money fen={r[k].fen} loans={r[k].loans} count={k === 'repaid' ? 'c_pf_repaid_in_full' : 'c_loans_n'} />
                      </td>
                    ))}
                    <td className="num">{yuan(r.outstandingFen)}</td>
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
