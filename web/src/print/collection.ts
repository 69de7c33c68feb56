/**
 * The collection list (收款清单) a township takes on collection day, shaped from
 * `GET /reports/collection?townshipId=&asOf=`: per village, the loans due this month and the
 * overdue ones, with their balances and the totals to collect. Money is integer fen.
 */

import type { DataOf } from '../api/client.ts';

/** The answer of `GET /reports/collection` (the route's response schema). */
export type CollectionReport = DataOf<'GET /reports/collection'>;
export type CollectionVillage = CollectionReport['villages'][number];
export type CollectionLoan = CollectionVillage['loans'][number];
export type CollectionState = CollectionLoan['state'];

export interface CollectionTotals {
  /** balances of the loans due this month */
  dueFen: number;
  /** balances of the overdue loans */
  overdueFen: number;
  /** dueFen + overdueFen: what there is to collect */
  toCollectFen: number;
  loans: number;
}

export interface CollectionSheetVillage {
  officeId: string;
  name: string;
  /** overdue loans first (longest overdue first), then those due this month by due date */
  loans: CollectionLoan[];
  totals: CollectionTotals;
  /** the server's totals for this village agree with the sum of its loans */
  totalsAgree: boolean;
}

export interface CollectionSheet {
  asOf: string;
  townshipId: string;
  /** villages with something to collect, in the report's order */
  villages: CollectionSheetVillage[];
  totals: CollectionTotals & { villages: number };
}

const byUrgency = (a: CollectionLoan, b: CollectionLoan) =>
  (a.state === b.state ? 0 : a.state === 'overdue' ? -1 : 1) ||
  b.daysPastDue - a.daysPastDue ||
  a.dueOn.localeCompare(b.dueOn) ||
  a.motherName.localeCompare(b.motherName, 'zh') ||
  a.loanId.localeCompare(b.loanId);

function totalsOf(loans: readonly CollectionLoan[]): CollectionTotals {
  let dueFen = 0;
  let overdueFen = 0;
  for (const l of loans) {
    if (l.state === 'overdue') overdueFen += l.balanceFen;
    else dueFen += l.balanceFen;
  }
  return { dueFen, overdueFen, toCollectFen: dueFen + overdueFen, loans: loans.length };
}

/**
 * Shapes the report into the printed sheet.
 * 1. Drops villages with nothing due or overdue (no empty pages on collection day).
 * 2. Orders each village's loans: overdue first, longest overdue first; then due this month by due date.
 * 3. Totals each village from its own lines and notes whether the server's totals agree.
 * 4. Totals the township from the villages.
 */
export function collectionSheet(report: CollectionReport): CollectionSheet {
  const villages = report.villages
    .filter((v) => v.loans.length > 0)
    .map((v): CollectionSheetVillage => {
      const totals = totalsOf(v.loans);
      return {
        officeId: v.officeId,
        name: v.name,
        loans: [...v.loans].sort(byUrgency),
        totals,
        totalsAgree: totals.dueFen === v.totals.dueFen && totals.overdueFen === v.totals.overdueFen,
      };
    });
  const all = totalsOf(villages.flatMap((v) => v.loans));
  return { asOf: report.asOf, townshipId: report.townshipId, villages, totals: { ...all, villages: villages.length } };
}
