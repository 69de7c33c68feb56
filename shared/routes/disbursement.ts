/** The routes served by the `disbursement` function (see `shared/routes.ts`). */
import type { RouteSpec } from './spec.ts';
import { AgreementInput, DisbursementInput } from '../domain/schemas/disbursement.ts';
import { Loan } from '../domain/responses/loans.ts';

export const DISBURSEMENT_ROUTES = {
  'POST /loans/{id}/agreement': {
    fn: 'disbursement',
    summary: 'Record the signed loan agreement and guarantors',
    roles: ['district'],
    body: AgreementInput,
    idempotencyKey: 'optional',
    response: Loan,
  },
  'POST /loans/{id}/disbursement': {
    fn: 'disbursement',
    summary: 'Record the disbursement to the mother in person',
    roles: ['district', 'township'],
    body: DisbursementInput,
    idempotencyKey: 'required',
    response: Loan,
  },
} as const satisfies Record<string, RouteSpec>;
