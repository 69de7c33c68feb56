/**
 * The reminder run's due-date pointer is written only by the steps that change it: the payout
 * and a ledger import put it, the last repayment and a write-off set it to expire (TTL), and every other step
 * (a repayment leaving a balance, the close of business marking the loan overdue) stages nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Loan } from '../../shared/domain/entities.ts';
import { reminderDueOn } from '../../shared/domain/sms.ts';
import { stageDueDateChange } from '../../shared/store/loan-due.ts';
import { Transaction } from '../../shared/store/transaction.ts';

type Facts = Pick<Loan, 'id' | 'districtId' | 'status' | 'balanceFen' | 'dueOn'>;
const approved: Facts = { id: 'L1', districtId: 'lhasa.chengguan', status: 'approved', balanceFen: 1_000_000 };
const active: Facts = { ...approved, status: 'active', dueOn: '2028-12-01' };

/** How many items a step from `before` to `after` adds to its transaction. */
function itemsStaged(before: Facts | undefined, after: Facts): number {
  const tx = new Transaction('records');
  stageDueDateChange(tx, before, after);
  return tx.size;
}

describe('the reminder run’s due-date pointer', () => {
  it('is listed only while the loan is out with a balance', () => {
    expect(reminderDueOn(active)).toBe('2028-12-01');
    expect(reminderDueOn({ ...active, status: 'overdue' })).toBe('2028-12-01');
    expect(reminderDueOn(approved)).toBeUndefined();
    expect(reminderDueOn({ ...active, status: 'repaid', balanceFen: 0 })).toBeUndefined();
    expect(reminderDueOn({ ...active, status: 'written_off', balanceFen: 0 })).toBeUndefined();
  });

  it('costs one item at the payout, the import of a loan out, the last repayment and a write-off, and none at any other step', () => {
    expect(itemsStaged(approved, active)).toBe(1);
    expect(itemsStaged(undefined, active)).toBe(1);
    expect(itemsStaged(undefined, { ...active, status: 'repaid', balanceFen: 0 })).toBe(0);
    expect(itemsStaged(active, { ...active, balanceFen: 400_000 })).toBe(0);
    expect(itemsStaged(active, { ...active, status: 'overdue' })).toBe(0);
    expect(itemsStaged({ ...active, status: 'overdue' }, { ...active, status: 'repaid', balanceFen: 0 })).toBe(1);
    expect(itemsStaged(active, { ...active, status: 'written_off', balanceFen: 0 })).toBe(1);
    // the closing step deletes nothing (no function may delete): it sets the pointer's expiry
    const tx = new Transaction('records');
    stageDueDateChange(tx, active, { ...active, status: 'repaid', balanceFen: 0 });
    expect(JSON.stringify(tx)).not.toContain('"Delete"');
    expect(JSON.stringify(tx)).toContain('expiresAt');
    // a due date moved (no step does it today): the old pointer set to expire, the new one put
    expect(itemsStaged(active, { ...active, dueOn: '2029-03-01' })).toBe(2);
  });
});
