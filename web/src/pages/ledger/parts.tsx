/** What the two ledger pages share: the batch and report as the route table types them, the reconciliation table, status and progress. */
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import '../../i18n/zh-CN.ledger.ts';
import type { ResponseOf } from '../../../../shared/routes.ts';
import { yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import './ledger.css';

/** The answer to a check or a staging (POST /ledger-imports). */
export type LedgerReport = ResponseOf<'POST /ledger-imports'>;
/** A ledger import batch (GET /ledger-imports/{id}). */
export type LedgerBatch = ResponseOf<'GET /ledger-imports/{id}'>;
type LedgerFigures = LedgerReport['totals'];
type RoundFigures = LedgerReport['rounds'][number];
type TotalDifference = LedgerReport['differences'][number];

const FIELDS = ['disbursedFen', 'repaidFen', 'writtenOffFen', 'outstandingFen'] as const;
const LABEL = { disbursedFen: 'l_disbursed', repaidFen: 'l_repaid', writtenOffFen: 'l_written_off', outstandingFen: 'l_outstanding' } as const;

export function LedgerStatus({ status }: { status: LedgerBatch['status'] }) {
  const { t } = useI18n();
  const tone = status === 'applied' ? 'approved' : status === 'rejected' ? 'rejected' : status === 'applying' ? 'active' : 'pending';
  return <span className={`badge badge-${tone}`}>{t(`l_status_${status}`)}</span>;
}

/** Per round and whole ledger: loans and money as the rows add up, the paper figure under each where given, differences marked. */
export function Reconciliation({ totals, rounds, declared, differences }: { totals: LedgerFigures; rounds: RoundFigures[]; declared: LedgerBatch['declaredTotals']; differences: TotalDifference[] }) {
  const { t } = useI18n();
  const off = (round: string | undefined, field: string) => differences.some((d) => d.round === round && d.field === field);
  const cell = (key: string, value: number, paper: number | undefined, bad: boolean) => (
    <td key={key} className={`num${bad ? ' l-off' : ''}`}>
      {yuan(value)}
      {paper !== undefined && (
        <span className="l-paper">
          {t('l_declared')} {yuan(paper)}
        </span>
      )}
    </td>
  );
  return (
    <ScrollRegion label={t('l_reconciliation')}>
      <table className="l-recon">
        <thead>
          <tr>
            <th>{t('l_round')}</th>
            <th className="num">{t('l_loans')}</th>
            {FIELDS.map((f) => (
              <th key={f} className="num">
                {t(LABEL[f])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td className="num">{r.loans}</td>
              {FIELDS.map((f) => cell(f, r[f], r.declared?.[f], off(r.name, f)))}
            </tr>
          ))}
          <tr className="l-total">
            <td>{t('l_whole')}</td>
            <td className="num">{totals.loans}</td>
            {FIELDS.map((f) => cell(f, totals[f], declared[f], off(undefined, f)))}
          </tr>
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Each difference in words, naming the round. */
export function Differences({ differences }: { differences: TotalDifference[] }) {
  const { t } = useI18n();
  if (!differences.length) return null;
  return (
    <ul className="l-diffs" role="alert">
      {differences.map((d) => (
        <li key={`${d.round ?? ''}|${d.field}`}>
          {d.round ? `${d.round} · ` : `${t('l_whole')} · `}
          {t('l_difference', { what: t(LABEL[d.field]), declared: yuan(d.declaredFen), computed: yuan(d.computedFen), diff: `${d.differenceFen > 0 ? '+' : ''}${yuan(d.differenceFen)}` })}
        </li>
      ))}
    </ul>
  );
}

export function Progress({ batch }: { batch: LedgerBatch }) {
  const { t } = useI18n();
  const total = batch.counts.loans;
  const done = batch.progress.loansWritten;
  const share = batch.status === 'applied' ? 1 : (done / Math.max(1, total)) * 0.8 + (batch.progress.countersTotal ? (batch.progress.countersDone / batch.progress.countersTotal) * 0.2 : 0);
  return (
    <div className="l-progress">
      <progress max={100} value={Math.round(share * 100)} aria-label={t('l_status_applying')} />
      <span className="muted">{t('l_progress', { done, total, cdone: batch.progress.countersDone, ctotal: batch.progress.countersTotal || '…' })}</span>
      {batch.lastError && <p className="error">{t('l_stopped', { reason: batch.lastError })}</p>}
    </div>
  );
}
