/** Staging an office's Excel ledger: every sheet read and every row checked (a dry run writes nothing), then the batch staged for the committee. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { LEDGER_FIELD_PARTS, LEDGER_STAGE_MESSAGES } from '#shared/i18n/ledger-row-text.ts';
import { LEDGER_STAGE_ROUTES } from '#shared/routes/ledger-stage.ts';
import { importLedger } from '#shared/usecases/ledger-stage.ts';

export const handler = lambdaHandler(
  'ledger-stage',
  LEDGER_STAGE_ROUTES,
  {
    'POST /ledger-imports': ({ ctx, body }) => importLedger(ctx, body),
  },
  LEDGER_STAGE_MESSAGES,
  LEDGER_FIELD_PARTS,
);
