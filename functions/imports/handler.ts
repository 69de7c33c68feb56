/** Bulk intake: a township's list of applications from CSV or Excel, answered row by row. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { AREA_FIELD_LABELS } from '#shared/i18n/fields-all.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { FILE_IMPORT_ERRORS } from '#shared/i18n/errors-file-import.ts';
import { SETTINGS_ERROR_MESSAGES } from '#shared/i18n/errors-settings.ts';
import { SMS_ERROR_MESSAGES } from '#shared/i18n/errors-sms.ts';
import { IMPORTS_ROUTES } from '#shared/routes/imports.ts';
import { importApplications } from '#shared/usecases/imports.ts';

export const handler = lambdaHandler(
  'imports',
  IMPORTS_ROUTES,
  {
    'POST /rounds/{id}/imports': ({ ctx, params, body }) => importApplications(ctx, params.id!, body),
  },
  [VALUE_ERRORS, STATE_ERRORS, FILE_IMPORT_ERRORS, SETTINGS_ERROR_MESSAGES, SMS_ERROR_MESSAGES],
  AREA_FIELD_LABELS,
);
