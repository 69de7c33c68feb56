/**
 * The reminder run's due-date pointer is written only by the steps that put it: the payout and
 * a ledger import, with its expiry (TTL) already set after the last notice it can serve; the
 * last repayment, a write-off and every other step (a repayment leaving a balance, the close of
 * business marking the loan overdue) stage nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Loan } from '../../shared/domain/entities.ts';
import { dueDatesMessagedOn, MAX_OVERDUE_DAYS, reminderDueOn } from '../../shared/domain/sms.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { duePointerItem, stageDueDateChange } from '../../shared/store/loan-due.ts';
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

  it('costs one item at the payout and the import of a loan out, and none at the last repayment, a write-off or any other step', () => {
    expect(itemsStaged(approved, active)).toBe(1);
    expect(itemsStaged(undefined, active)).toBe(1);
    expect(itemsStaged(undefined, { ...active, status: 'repaid', balanceFen: 0 })).toBe(0);
    expect(itemsStaged(active, { ...active, balanceFen: 400_000 })).toBe(0);
    expect(itemsStaged(active, { ...active, status: 'overdue' })).toBe(0);
    expect(itemsStaged({ ...active, status: 'overdue' }, { ...active, status: 'repaid', balanceFen: 0 })).toBe(0);
    expect(itemsStaged(active, { ...active, status: 'written_off', balanceFen: 0 })).toBe(0);
    // the payout's put carries its expiry and deletes nothing (no function may delete)
    const tx = new Transaction('records');
    stageDueDateChange(tx, approved, active);
    expect(JSON.stringify(tx)).not.toContain('"Delete"');
    expect(JSON.stringify(tx)).toContain('expiresAt');
    // a due date moved (no step does it today): the old pointer set to expire, the new one put
    expect(itemsStaged(active, { ...active, dueOn: '2029-03-01' })).toBe(2);
  });

  it('expires only after the last notice any setting can send for its due date, in China time', () => {
    const expiresAt = duePointerItem(active).expiresAt as number;
    const lastRun = addDays(active.dueOn!, MAX_OVERDUE_DAYS);
    // the run on the last day an overdue notice can go out still lists the loan's due date …
    expect(dueDatesMessagedOn(lastRun, { reminderDaysBefore: [], overdueDaysAfter: [MAX_OVERDUE_DAYS] })).toEqual([active.dueOn]);
    // … and the pointer outlives that whole China day
    expect(expiresAt * 1000).toBeGreaterThan(Date.parse(`${addDays(lastRun, 1)}T00:00:00+08:00`));
    expect(expiresAt * 1000).toBeLessThanOrEqual(Date.parse(`${addDays(lastRun, 3)}T00:00:00+08:00`));
  });
});
