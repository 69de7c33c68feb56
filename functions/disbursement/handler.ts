/** Paying out: the signed agreement with guarantors, then the disbursement to the mother in person. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { AREA_FIELD_LABELS } from '#shared/i18n/fields-all.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { SETTINGS_ERROR_MESSAGES } from '#shared/i18n/errors-settings.ts';
import { SMS_ERROR_MESSAGES } from '#shared/i18n/errors-sms.ts';
import { DISBURSEMENT_ROUTES } from '#shared/routes/disbursement.ts';
import { disburseLoan, recordAgreement } from '#shared/usecases/disbursement.ts';

export const handler = lambdaHandler(
  'disbursement',
  DISBURSEMENT_ROUTES,
  {
    'POST /loans/{id}/agreement': ({ ctx, params, body }) => recordAgreement(ctx, params.id!, body),
    'POST /loans/{id}/disbursement': ({ ctx, params, body }) => disburseLoan(ctx, params.id!, body),
  },
  [VALUE_ERRORS, STATE_ERRORS, SETTINGS_ERROR_MESSAGES, SMS_ERROR_MESSAGES],
  AREA_FIELD_LABELS,
);
