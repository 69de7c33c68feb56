/** Health and the OpenAPI document (no token needed). */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { EVALUATION_REPORT_ERRORS } from '#shared/i18n/errors-evaluation-reports.ts';
import { SMS_ERROR_MESSAGES } from '#shared/i18n/errors-sms.ts';
import { APPLICATION_FIELD_LABELS } from '#shared/i18n/fields-applications.ts';
import { EVALUATION_FIELD_LABELS } from '#shared/i18n/fields-evaluations.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { LEDGER_FIELD_LABELS } from '#shared/i18n/fields-ledger.ts';
import { META_ROUTES } from '#shared/routes/meta.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { checkHealth } from '#shared/usecases/health.ts';

export const handler = lambdaHandler(
  'meta',
  META_ROUTES,
  {
    'GET /health': () => checkHealth(),
    'GET /openapi.json': async () => openApiDocument(),
  },
  // the OpenAPI document holds every route's schemas, so their rules too
  [VALUE_ERRORS, SMS_ERROR_MESSAGES, EVALUATION_REPORT_ERRORS],
  [APPLICATION_FIELD_LABELS, EVALUATION_FIELD_LABELS, FORM_FIELD_LABELS, LEDGER_FIELD_LABELS],
);
