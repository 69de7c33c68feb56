/** The routes served by the `ledger-stage` function (see `shared/routes.ts`): an office's ledger read, checked and staged. */
import type { RouteSpec } from './spec.ts';
import { LedgerReport } from '../domain/ledger-schemas.ts';
import { LedgerImportInput } from '../domain/schemas/ledger-import.ts';

export const LEDGER_STAGE_ROUTES = {
  'POST /ledger-imports': {
    fn: 'ledger-stage',
    summary:
      'Bring a district’s history in from its Excel ledger: every row checked, totals reconciled to the fen with the paper totals; a dry run writes nothing, otherwise the batch is staged for the committee',
    roles: ['district'],
    body: LedgerImportInput,
    maxBodyBytes: 5_900_000,
    response: LedgerReport,
  },
} as const satisfies Record<string, RouteSpec>;
