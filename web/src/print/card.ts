/**
 * The repayment card (还款卡) a mother keeps: her loan and one line per repayment, in the
 * order paid, with the balance after each, then empty lines for the repayments to come.
 */
import type { Repayment } from '../../../shared/domain/entities.ts';

export type CardRepayment = Pick<Repayment, 'id' | 'paidOn' | 'amountFen' | 'receiptNo' | 'balanceAfterFen'>;

export interface CardLine {
  /** 1-based line number on the card */
  n: number;
  repayment?: CardRepayment;
}

/**
 * Lines of the card.
 * 1. Repayments in the order paid (same day: by receipt number).
 * 2. Then empty lines: at least `minBlank`, and enough to fill `minLines` in all, none once the loan is repaid.
 */
export function repaymentCardLines(repayments: readonly CardRepayment[], balanceFen: number, minLines = 10, minBlank = 2): CardLine[] {
  const paid = [...repayments].sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.receiptNo.localeCompare(b.receiptNo, 'en', { numeric: true }));
  const blanks = balanceFen > 0 ? Math.max(minBlank, minLines - paid.length) : 0;
  return [...paid.map((repayment, i) => ({ n: i + 1, repayment })), ...Array.from({ length: blanks }, (_, i) => ({ n: paid.length + i + 1 }))];
}
