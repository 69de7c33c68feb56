/** The routes served by the `remittances` function (see `shared/routes.ts`). */
import type { RouteSpec } from './spec.ts';
import { RemittanceInput, RemittanceListQuery, RemittanceWaitingQuery } from '../domain/remittance-schemas.ts';
import { RepaymentPage } from '../domain/responses/repayments.ts';
import { RemittanceBatch, RemittanceBatchFile, RemittanceBatchPage } from '../domain/responses/remittances.ts';

export const REMITTANCES_ROUTES = {
  'POST /remittances': {
    fn: 'remittances',
    summary: 'Record a hand-off of collected repayments (township → district → committee)',
    roles: ['township', 'district'],
    body: RemittanceInput,
    idempotencyKey: 'required',
    status: 201,
    response: RemittanceBatch,
  },
  'GET /remittances': {
    fn: 'remittances',
    summary: 'Remittance batches of the caller’s offices',
    roles: ['committee', 'district', 'township'],
    query: RemittanceListQuery,
    response: RemittanceBatchPage,
  },
  'GET /remittances/waiting': {
    fn: 'remittances',
    summary: 'Repayments an office still holds (township) or has received and not yet remitted (district)',
    roles: ['district', 'township'],
    query: RemittanceWaitingQuery,
    response: RepaymentPage,
  },
  'GET /remittances/{id}': { fn: 'remittances', summary: 'One remittance batch with its repayments', roles: ['committee', 'district', 'township'], response: RemittanceBatchFile },
} as const satisfies Record<string, RouteSpec>;
