/**
 * Writes the reminder-run pointer (`LOANDUE#{districtId}` / `{dueOn}#{loanId}`, see
 * shared/store/loan-due.ts) of every loan out with a balance, with its expiry: for loans paid out
 * before pointers were kept, and for pointers written before they carried an expiry.
 * Query-only: per district (the office directory), the loans listed as active and as overdue
 * (casesByScope, then read by key). Safe to run again: a pointer is a Put of the same item under the same key.
 */
import { reminderDueOn } from '../../shared/domain/sms.ts';
import { listLoans } from '../../shared/store/loans.ts';
import { districtIds, putDuePointer } from '../../shared/store/loan-due.ts';

export interface LoanDueBackfillCounts {
  /** loans out with a balance given their pointer (or that would be, in a dry run) */
  written: number;
  /** loans listed active or overdue with nothing left to remind of (no balance or no due date) */
  skipped: number;
}

export async function backfillLoanDue(opts: { dryRun: boolean; districtIds?: string[] }): Promise<LoanDueBackfillCounts> {
  const counts: LoanDueBackfillCounts = { written: 0, skipped: 0 };
  for (const districtId of opts.districtIds ?? (await districtIds()))
    for (const status of ['active', 'overdue'] as const) {
      let cursor: string | undefined;
      do {
        const page = await listLoans({ districtIds: [districtId] }, { status, limit: 100, cursor });
        for (const loan of page.items) {
          if (!reminderDueOn(loan)) {
            counts.skipped++;
            continue;
          }
          if (!opts.dryRun) await putDuePointer(loan);
          counts.written++;
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
  return counts;
}
