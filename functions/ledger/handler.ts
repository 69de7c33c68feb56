/** Bringing an office's history in from its Excel ledger: templates, staging, the committee's review and approval. */
import { ledgerTemplate } from '#shared/http/ledger-templates.ts';
import { lambdaHandler } from '#shared/http/lambda.ts';
import { WORKBOOK_ERROR_MESSAGES } from '#shared/i18n/errors-workbooks.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { FILE_IMPORT_ERRORS } from '#shared/i18n/errors-file-import.ts';
import { LEDGER_IMPORT_ERRORS } from '#shared/i18n/errors-ledger-import.ts';
import { LOAN_VALUE_ERRORS } from '#shared/i18n/errors-loan-values.ts';
import { APPLICATION_FIELD_LABELS } from '#shared/i18n/fields-applications.ts';
import { DISBURSEMENT_FIELD_LABELS } from '#shared/i18n/fields-disbursement.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { LEDGER_FIELD_LABELS } from '#shared/i18n/fields-ledger.ts';
import { REPAYMENT_FIELD_LABELS } from '#shared/i18n/fields-repayments.ts';
import { ROUND_FIELD_LABELS } from '#shared/i18n/fields-rounds.ts';
import { LEDGER_ROUTES } from '#shared/routes/ledger.ts';
import { continueLedgerImport, decideLedgerImport, findLedgerImport, importLedger, listLedgerImports } from '#shared/usecases/ledger.ts';

export const handler = lambdaHandler(
  'ledger',
  LEDGER_ROUTES,
  {
    'GET /ledger-imports/templates': async ({ query }) => ledgerTemplate(query.kind, query.format),
    'POST /ledger-imports': ({ ctx, body }) => importLedger(ctx, body),
    'GET /ledger-imports': ({ ctx, query }) => listLedgerImports(ctx, query),
    'GET /ledger-imports/{id}': ({ ctx, params }) => findLedgerImport(ctx, params.id!),
    'POST /ledger-imports/{id}/approval': ({ ctx, params, body }) => decideLedgerImport(ctx, params.id!, body),
    'POST /ledger-imports/{id}/apply': ({ ctx, params }) => continueLedgerImport(ctx, params.id!),
  },
  [VALUE_ERRORS, LOAN_VALUE_ERRORS, STATE_ERRORS, FILE_IMPORT_ERRORS, LEDGER_IMPORT_ERRORS, WORKBOOK_ERROR_MESSAGES],
  [APPLICATION_FIELD_LABELS, DISBURSEMENT_FIELD_LABELS, FORM_FIELD_LABELS, LEDGER_FIELD_LABELS, REPAYMENT_FIELD_LABELS, ROUND_FIELD_LABELS],
);
