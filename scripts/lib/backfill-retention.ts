/**
 * Writes the retention work-list entry (`RETENTION` / `{closedOn}#{loanId}`, see
 * shared/store/retention.ts) of every loan repaid or written off before entries were kept.
 * Query-only: per district (the office tree), the loans listed as repaid and as written off
 * (casesByScope, then read by key). Safe to run again: an entry is a Put of the same item under the same key, and an
 * anonymised loan gets none (the retention job removes the entries it has handled).
 */
import { listLoans } from '../../shared/store/loans.ts';
import { officeSubtree } from '../../shared/store/offices.ts';
import { closedOnOf, putClosure } from '../../shared/store/retention.ts';

export interface RetentionBackfillCounts {
  /** closed loans given their entry */
  written: number;
  /** closed loans already anonymised (no entry) */
  anonymised: number;
}

export async function backfillRetention(opts: { dryRun: boolean }): Promise<RetentionBackfillCounts> {
  const counts: RetentionBackfillCounts = { written: 0, anonymised: 0 };
  const districts = (await officeSubtree(undefined)).filter((o) => o.level === 'district').map((o) => o.id);
  for (const districtId of districts)
    for (const status of ['repaid', 'written_off'] as const) {
      let cursor: string | undefined;
      do {
        const page = await listLoans({ districtIds: [districtId] }, { status, limit: 100, cursor });
        for (const loan of page.items) {
          const closedOn = closedOnOf(loan);
          if (!closedOn) continue;
          if (loan.anonymisedOn) {
            counts.anonymised++;
            continue;
          }
          if (!opts.dryRun) await putClosure({ loanId: loan.id, closedOn, districtId: loan.districtId });
          counts.written++;
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
  return counts;
}
