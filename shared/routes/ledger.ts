/**
 * The routes served by the `ledger` function (see `shared/routes.ts`): the templates and the
 * view of ledger imports. Staging is `ledger-stage` (./ledger-stage.ts), approving and
 * applying `ledger-apply` (./ledger-apply.ts).
 */
import type { RouteSpec } from './spec.ts';
import { LedgerListQuery, LedgerTemplateQuery } from '../domain/ledger-schemas.ts';
import { LedgerBatch, LedgerBatchPage, LedgerTemplateFile } from '../domain/responses/ledger.ts';

export const LEDGER_ROUTES = {
  'GET /ledger-imports/templates': {
    fn: 'ledger',
    summary: 'A ledger template to fill in (rounds, loans, repayments or write-offs; CSV or Excel), with column notes and an example row',
    roles: ['district', 'committee'],
    query: LedgerTemplateQuery,
    response: LedgerTemplateFile,
  },
  'GET /ledger-imports': {
    fn: 'ledger',
    summary: 'Ledger imports by district and status (staged, applying, applied, rejected)',
    roles: ['committee', 'district'],
    query: LedgerListQuery,
    response: LedgerBatchPage,
  },
  'GET /ledger-imports/{id}': { fn: 'ledger', summary: 'One ledger import: counts, totals, per-round figures, progress', roles: ['committee', 'district'], response: LedgerBatch },
} as const satisfies Record<string, RouteSpec>;
