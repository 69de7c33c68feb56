/**
 * What each index of the records table copies of a record besides its keys (the stack's table
 * definition, infra/constructs/data.ts). Apart from the keys (./keys.ts) so that no function
 * bundles the attribute names: a function reads an index, it never defines one.
 */
import type { INDEX } from './keys.ts';

/** What the evaluations-due list reads of a loan (index byDue): `loansWithEvaluationDue` in ./loans.ts. */
export const DUE_LIST_ATTRIBUTES = ['id', 'districtId', 'mother', 'fieldOfficer', 'evaluationSchedule'] as const;

/** What each index copies of a record (its keys always): ALL, or only the attributes named. */
export const INDEX_PROJECTION: Record<keyof typeof INDEX, 'ALL' | string[]> = {
  byScope: 'ALL',
  byRound: 'ALL',
  byMother: ['type', 'villageId'],
  byDue: [...DUE_LIST_ATTRIBUTES],
  byName: ['type', 'villageId'],
};
