/** What lists and detail pages show of a record: resident ID numbers are masked in lists. */
import { daysPastDue } from '../domain/lifecycle.ts';
import type { Application, Loan } from '../domain/entities.ts';
import { maskResidentId } from '../domain/resident-id.ts';

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
