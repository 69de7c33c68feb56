import type { Loan } from '../domain/entities.ts';
import { historyView } from '../i18n/history.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import { NotFound, dateTooEarly, futureDate, notOneOf } from '../domain/errors.ts';
import { LoanStatus } from '../domain/schemas/common.ts';
import { listLoans as queryLoans, loadLoanFile, type LoanFile } from '../store/loans.ts';
import type { Context } from './context.ts';
import { receiptToken } from './receipt-token.ts';
import { assertSeesRecordOf, listScope, officePrefixFor } from './scope.ts';
import { loanSummary, loanView, withMotherFor } from './views.ts';

export const LOAN_LIST_STATUSES = LoanStatus.options;

/** Loads a loan the caller may see, with its repayments, evaluations and history, or fails with 404 / 403. */
export async function loadFile(ctx: Context, id: string): Promise<LoanFile> {
  const file = await loadLoanFile(id);
  if (!file) throw new NotFound('loan', id);
  assertSeesRecordOf(ctx.caller, file.loan.villageId, 'loan');
  return file;
}

export async function getLoanFile(ctx: Context, id: string) {
  const file = await loadFile(ctx, id);
  return {
    ...withMotherFor(ctx.caller, loanView(file.loan, ctx.today)),
    repayments: file.repayments.map((r) => ({ ...r, verifyToken: receiptToken(r.loanId, r.id) })),
    evaluations: file.evaluations,
    history: historyView(file.history, ctx.lang ?? DEFAULT_LANG),
  };
}

export function dateNotFuture(ctx: Context, date: string, field: string): void {
  if (date > ctx.today) throw futureDate(field, ctx.today);
}

export function dateNotBefore(date: string, earliest: string | undefined, field: string, what: string): void {
  if (earliest && date < earliest) throw dateTooEarly(field, earliest, what);
}

/** Loans by round or district, filtered by status; `overdue` is an active loan past its due date. */
export async function listLoans(ctx: Context, q: { roundId?: string; districtId?: string; status?: string; limit: number; cursor?: string }) {
  if (q.status && !(LOAN_LIST_STATUSES as readonly string[]).includes(q.status)) throw notOneOf('status', LOAN_LIST_STATUSES);
  const overdue = q.status === 'overdue';
  const opts = { status: overdue ? undefined : q.status, officePrefix: officePrefixFor(ctx.caller), limit: q.limit, cursor: q.cursor, ...(overdue ? { overdueOn: ctx.today } : {}) };
  const page = await queryLoans(await listScope(ctx.caller, q), opts);
  return { ...page, items: page.items.map((l: Loan) => loanSummary(l, ctx.today)) };
}
