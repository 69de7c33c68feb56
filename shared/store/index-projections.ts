/**
 * What each index of the records table copies of a record besides its keys (the stack's table
 * definition, infra/constructs/data.ts). Apart from the keys (./keys.ts) so that no function
 * bundles the attribute names: a function reads an index, it never defines one.
 */
import type { INDEX } from './keys.ts';

/** What the evaluations-due list reads of a loan (index byDue): `loansWithEvaluationDue` in ./loans.ts. */
export const DUE_LIST_ATTRIBUTES = ['id', 'districtId', 'mother', 'fieldOfficer', 'evaluationSchedule'] as const;

/**
 * What the lists of applications and loans by district read of a record without reading it
 * whole (index casesByScope): the record's id (its key), what their filters test
 * (`villageId`: a township's villages; `dueOn`: past due), and what the township's collection
 * list (`loansOutInTownship` in ./loans.ts) shows and texts: the mother, agreement number,
 * principal and balance. `GET /applications` and `GET /loans` read the page's records by key.
 */
export const CASE_SCOPE_ATTRIBUTES = ['id', 'districtId', 'villageId', 'dueOn', 'mother', 'agreementNo', 'principalFen', 'balanceFen'] as const;

/**
 * What the lists of a round's applications and loans read of a record (index casesByRound): its
 * id, the filters' attributes, and the payout (the first payout of a round dates its evaluation
 * reports: `payoutsOfRound` in ./evaluation-reports.ts).
 */
export const CASE_ROUND_ATTRIBUTES = ['id', 'villageId', 'dueOn', 'disbursement'] as const;

/** What each index copies of a record (its keys always): ALL, or only the attributes named. */
export const INDEX_PROJECTION: Record<keyof typeof INDEX, 'ALL' | string[]> = {
  byScope: 'ALL',
  byRound: 'ALL',
  byMother: ['type', 'villageId'],
  byDue: [...DUE_LIST_ATTRIBUTES],
  byName: ['type', 'villageId'],
  casesByScope: [...CASE_SCOPE_ATTRIBUTES],
  casesByRound: [...CASE_ROUND_ATTRIBUTES],
};
