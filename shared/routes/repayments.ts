/** The routes served by the `repayments` function (see `shared/routes.ts`). */
import type { RouteSpec } from './spec.ts';
import { WriteOffInput, RepaymentInput } from '../domain/schemas/repayments.ts';
import { Loan } from '../domain/responses/loans.ts';
import { Repayment } from '../domain/responses/repayments.ts';

export const REPAYMENTS_ROUTES = {
  'POST /loans/{id}/repayments': {
    fn: 'repayments',
    summary: 'Record a repayment (partial or full)',
    roles: ['township', 'district'],
    body: RepaymentInput,
    idempotencyKey: 'required',
    status: 201,
    response: Repayment,
  },
  'POST /loans/{id}/write-off': {
    fn: 'repayments',
    summary: 'Write off the remaining balance (counts as written off, not repaid)',
    roles: ['committee'],
    body: WriteOffInput,
    idempotencyKey: 'required',
    response: Loan,
  },
} as const satisfies Record<string, RouteSpec>;
