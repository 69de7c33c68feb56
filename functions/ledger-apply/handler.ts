/** The committee's decision on a staged ledger import, and writing an approved one (several calls for a large ledger). */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { LEDGER_BATCH_MESSAGES, LEDGER_FIELD_PARTS } from '#shared/i18n/ledger-row-text.ts';
import { LEDGER_APPLY_ROUTES } from '#shared/routes/ledger-apply.ts';
import { continueLedgerImport, decideLedgerImport } from '#shared/usecases/ledger-apply.ts';

export const handler = lambdaHandler(
  'ledger-apply',
  LEDGER_APPLY_ROUTES,
  {
    'POST /ledger-imports/{id}/approval': ({ ctx, params, body }) => decideLedgerImport(ctx, params.id!, body),
    'POST /ledger-imports/{id}/apply': ({ ctx, params }) => continueLedgerImport(ctx, params.id!),
  },
  LEDGER_BATCH_MESSAGES,
  LEDGER_FIELD_PARTS,
);
