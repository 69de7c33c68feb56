/** Loans: lists by status and the full file of one loan. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { PLACE_ERRORS } from '#shared/i18n/errors-places.ts';
import { APPLICATION_FIELD_LABELS } from '#shared/i18n/fields-applications.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { LEDGER_FIELD_LABELS } from '#shared/i18n/fields-ledger.ts';
import { LOANS_ROUTES } from '#shared/routes/loans.ts';
import { getLoanFile, listLoans } from '#shared/usecases/loans.ts';
import { searchMothers } from '#shared/usecases/search.ts';

export const handler = lambdaHandler(
  'loans',
  LOANS_ROUTES,
  {
    'GET /loans': ({ ctx, query }) => listLoans(ctx, query),
    'GET /loans/{id}': ({ ctx, params }) => getLoanFile(ctx, params.id!),
    'GET /search': ({ ctx, query }) => searchMothers(ctx, query),
  },
  [VALUE_ERRORS, PLACE_ERRORS],
  [APPLICATION_FIELD_LABELS, FORM_FIELD_LABELS, LEDGER_FIELD_LABELS],
);
