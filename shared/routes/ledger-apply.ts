/** The routes served by the `ledger-apply` function (see `shared/routes.ts`): the committee's decision on a staged ledger import, and writing it. */
import type { RouteSpec } from './spec.ts';
import { LedgerApprovalInput } from '../domain/ledger-schemas.ts';
import { LedgerBatch } from '../domain/responses/ledger.ts';

export const LEDGER_APPLY_ROUTES = {
  'POST /ledger-imports/{id}/approval': {
    fn: 'ledger-apply',
    summary: 'The committee approves a staged ledger import (its records are written) or rejects it with a reason; never the person who staged it',
    roles: ['committee'],
    body: LedgerApprovalInput,
    response: LedgerBatch,
  },
  'POST /ledger-imports/{id}/apply': {
    fn: 'ledger-apply',
    summary: 'Go on writing an approved ledger import from where it stopped (large ledgers take several calls)',
    roles: ['committee'],
    response: LedgerBatch,
  },
} as const satisfies Record<string, RouteSpec>;
