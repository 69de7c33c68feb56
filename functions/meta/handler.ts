/** Health and the OpenAPI document (no token needed). */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { AREA_FIELD_LABELS } from '#shared/i18n/fields-all.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { OUTREACH_MESSAGES } from '#shared/i18n/errors-outreach.ts';
import { EVALUATION_REPORT_ERRORS } from '#shared/i18n/errors-evaluation-reports.ts';
import { SETTINGS_ERROR_MESSAGES } from '#shared/i18n/errors-settings.ts';
import { SMS_ERROR_MESSAGES } from '#shared/i18n/errors-sms.ts';
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
  [VALUE_ERRORS, STATE_ERRORS, OUTREACH_MESSAGES, EVALUATION_REPORT_ERRORS, SETTINGS_ERROR_MESSAGES, SMS_ERROR_MESSAGES],
  AREA_FIELD_LABELS,
);
