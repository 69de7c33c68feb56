/** A loan's balance as lists and the loan file show it: a written-off loan says so, with the amount written off, never "¥0" alone (which reads as repaid). */
import '../../i18n/zh-CN.edges.ts';
import { yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Loan } from '../../api/records.ts';

export function Balance({ loan }: { loan: Pick<Loan, 'balanceFen' | 'writeOff'> }) {
  const { t } = useI18n();
  if (loan.writeOff) return <span className="d-written-off-amount">{t('d_written_off_amount', { amount: yuan(loan.writeOff.amountFen) })}</span>;
  return <>{yuan(loan.balanceFen)}</>;
}
