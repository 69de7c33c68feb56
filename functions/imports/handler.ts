/** Bulk intake: a township's list of applications from CSV or Excel, answered row by row. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { WORKBOOK_ERROR_MESSAGES } from '#shared/i18n/errors-workbooks.ts';
import { IMPORT_ROW_MESSAGES } from '#shared/i18n/import-row-text.ts';
import { APPLICATION_FIELD_LABELS } from '#shared/i18n/fields-applications.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { IMPORTS_ROUTES } from '#shared/routes/imports.ts';
import { importApplications } from '#shared/usecases/imports.ts';

export const handler = lambdaHandler(
  'imports',
  IMPORTS_ROUTES,
  {
    'POST /rounds/{id}/imports': ({ ctx, params, body }) => importApplications(ctx, params.id!, body),
  },
  [...IMPORT_ROW_MESSAGES, WORKBOOK_ERROR_MESSAGES],
  [APPLICATION_FIELD_LABELS, FORM_FIELD_LABELS],
);
