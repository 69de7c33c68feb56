/**
 * Close of business, run daily by a schedule (EventBridge in AWS, the dev server locally):
 * every active loan whose due date has passed becomes overdue, with a history entry, so the
 * overdue list is a key lookup and each mother's file shows when she fell behind.
 * Report figures do not wait for it: they are computed from due dates as of any day.
 */
import { daysBetween, todayInChina } from '../domain/dates.ts';
import { logger } from '../logger.ts';
import type { Loan } from '../domain/entities.ts';
import { nextLoanStatus } from '../domain/lifecycle.ts';
import type { Caller } from '../domain/roles.ts';
import { ConcurrentChange } from '../domain/errors.ts';
import { keys } from '../store/keys.ts';
import { listedLoans, stageLoanUpdate } from '../store/loans.ts';
import { officeSubtree } from '../store/offices.ts';
import { retryOnConcurrentChange, Transaction } from '../store/transaction.ts';
import { getLoan } from '../store/loans.ts';
import { contextFor, historyItem, type Context } from './context.ts';

export const SYSTEM: Caller = { userId: 'system', username: 'close-of-business', role: 'committee', officeId: 'system' };

async function markOverdue(ctx: Context, loan: Loan): Promise<boolean> {
  const status = nextLoanStatus(loan.status, 'mark_overdue');
  const tx = new Transaction();
  stageLoanUpdate(tx, { ...loan, status, overdueSince: ctx.today });
  tx.create(
    historyItem(ctx, keys.loan(loan.id).pk, 'overdue', `past due since ${loan.dueOn} (${daysBetween(loan.dueOn!, ctx.today)} days) with ${loan.balanceFen} fen outstanding`, {
      balanceFen: loan.balanceFen,
      dueOn: loan.dueOn,
      daysPastDue: daysBetween(loan.dueOn!, ctx.today),
    }),
  );
  await tx.commit(undefined);
  return true;
}

/** Marks every past-due active loan overdue; returns how many were marked. Safe to run twice. */
export async function closeOfBusiness(now = new Date()): Promise<{ today: string; markedOverdue: number }> {
  const ctx = contextFor(SYSTEM, now);
  const root = (await officeSubtree(undefined)).filter((o) => o.level === 'district').map((o) => o.id);
  let marked = 0;
  for (const districtId of root) {
    let cursor: string | undefined;
    do {
      const page = await listedLoans({ districtIds: [districtId] }, { status: 'active', limit: 100, cursor, overdueOn: undefined });
      for (const loan of page.items.filter((l) => l.dueOn && l.dueOn < ctx.today)) {
        const done = await retryOnConcurrentChange(async () => {
          const fresh = await getLoan(loan.id);
          if (fresh?.status !== 'active') return false;
          return markOverdue(ctx, fresh).catch((e: unknown) => {
            if (e instanceof ConcurrentChange) return Promise.reject(e);
            // the job goes on with the other loans, but says which one it could not mark, and why
            logger.error('close of business could not mark a loan overdue', { loanId: fresh.id, error: e });
            return false;
          });
        });
        if (done) marked++;
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return { today: todayInChina(now), markedOverdue: marked };
}
