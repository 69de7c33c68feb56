/** Bringing an office's history in from its Excel ledger: the templates, and the ledger imports as staged and written. */
import { ledgerTemplate } from '#shared/http/ledger-templates.ts';
import { lambdaHandler } from '#shared/http/lambda.ts';
import { LEDGER_BATCH_MESSAGES, LEDGER_FIELD_PARTS } from '#shared/i18n/ledger-row-text.ts';
import { LEDGER_ROUTES } from '#shared/routes/ledger.ts';
import { findLedgerImport, listLedgerImports } from '#shared/usecases/ledger-review.ts';

export const handler = lambdaHandler(
  'ledger',
  LEDGER_ROUTES,
  {
    'GET /ledger-imports/templates': async ({ query }) => ledgerTemplate(query.kind, query.format),
    'GET /ledger-imports': ({ ctx, query }) => listLedgerImports(ctx, query),
    'GET /ledger-imports/{id}': ({ ctx, params }) => findLedgerImport(ctx, params.id!),
  },
  LEDGER_BATCH_MESSAGES,
  LEDGER_FIELD_PARTS,
);
