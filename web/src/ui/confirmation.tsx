/** A loan's confirmation by the committee (审核确定) as a badge: not sent, waiting, confirmed, returned. Lists and pages of loans show it. */
import '../i18n/zh-CN.programme.ts';
import { useI18n } from '../i18n/index.tsx';
import './confirmation.css';

export type LoanConfirmationState = 'unconfirmed' | 'listed' | 'confirmed' | 'returned';

/** Where a loan stands with the committee (a ledger loan counts as confirmed). */
export function confirmationOf(loan: { confirmation?: { status: 'listed' | 'confirmed' | 'returned' }; source?: 'ledger' }): LoanConfirmationState {
  if (loan.source === 'ledger') return 'confirmed';
  return loan.confirmation?.status ?? 'unconfirmed';
}

export function ConfirmationBadge({ state }: { state: LoanConfirmationState }) {
  const { t } = useI18n();
  return (
    <span className={`badge cf-badge cf-${state}`} data-confirmation={state}>
      {t(`p_conf_state_${state}`)}
    </span>
  );
}
