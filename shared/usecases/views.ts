/** What lists and detail pages show of a record: resident ID numbers are masked in lists. */
import { daysPastDue } from '../domain/lifecycle.ts';
import type { Application, Loan } from '../domain/entities.ts';
import { maskResidentId } from '../domain/resident-id.ts';
import type { Caller } from '../domain/roles.ts';

/**
 * PIPL minimal exposure: the full resident ID number is shown only to the township and
 * district staff handling the mother's case (the record is in their subtree, which every
 * detail read checks); the committee and field staff see it masked and may ask for the
 * full number through the audited reveal action.
 */
export const seesFullResidentId = (caller: Caller): boolean => caller.role === 'township' || caller.role === 'district';

/** A record's mother as the caller may see her: masked ID unless the caller handles her case. */
export function withMotherFor<T extends { mother: { residentId: string } }>(caller: Caller, record: T): T {
  return seesFullResidentId(caller) ? record : { ...record, mother: { ...record.mother, residentId: maskResidentId(record.mother.residentId) } };
}

export function applicationSummary(app: Application) {
  return { ...app, mother: { ...app.mother, residentId: maskResidentId(app.mother.residentId) } };
}

export function loanView(loan: Loan, today: string) {
  const overdueDays = daysPastDue(loan, today);
  return { ...loan, overdue: overdueDays > 0, daysPastDue: overdueDays };
}

export function loanSummary(loan: Loan, today: string) {
  const view = loanView(loan, today);
  return { ...view, mother: { ...loan.mother, residentId: maskResidentId(loan.mother.residentId) } };
}
