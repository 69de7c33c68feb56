/** The routes served by the `ledger` function (see `shared/routes.ts`). */
import type { RouteSpec } from './spec.ts';
import { LedgerApprovalInput, LedgerImportInput, LedgerListQuery, LedgerTemplateQuery } from '../domain/ledger-schemas.ts';
import { LedgerReport } from '../domain/ledger-schemas.ts';
import { LedgerBatch, LedgerBatchPage, LedgerTemplateFile } from '../domain/responses/ledger.ts';

export const LEDGER_ROUTES = {
  'GET /ledger-imports/templates': {
    fn: 'ledger',
    summary: 'A ledger template to fill in (rounds, loans, repayments or write-offs; CSV or Excel), with column notes and an example row',
    roles: ['district', 'committee'],
    query: LedgerTemplateQuery,
    response: LedgerTemplateFile,
  },
  'POST /ledger-imports': {
    fn: 'ledger',
    summary:
      'Bring a district’s history in from its Excel ledger: every row checked, totals reconciled to the fen with the paper totals; a dry run writes nothing, otherwise the batch is staged for the committee',
    roles: ['district'],
    body: LedgerImportInput,
    maxBodyBytes: 5_900_000,
    response: LedgerReport,
  },
  'GET /ledger-imports': {
    fn: 'ledger',
    summary: 'Ledger imports by district and status (staged, applying, applied, rejected)',
    roles: ['committee', 'district'],
    query: LedgerListQuery,
    response: LedgerBatchPage,
  },
  'GET /ledger-imports/{id}': { fn: 'ledger', summary: 'One ledger import: counts, totals, per-round figures, progress', roles: ['committee', 'district'], response: LedgerBatch },
  'POST /ledger-imports/{id}/approval': {
    fn: 'ledger',
    summary: 'The committee approves a staged ledger import (its records are written) or rejects it with a reason; never the person who staged it',
    roles: ['committee'],
    body: LedgerApprovalInput,
    response: LedgerBatch,
  },
  'POST /ledger-imports/{id}/apply': {
    fn: 'ledger',
    summary: 'Go on writing an approved ledger import from where it stopped (large ledgers take several calls)',
    roles: ['committee'],
    response: LedgerBatch,
  },
} as const satisfies Record<string, RouteSpec>;
