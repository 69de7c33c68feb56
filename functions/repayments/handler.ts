/** Money coming back: repayments, partial or full, exactly once per Idempotency-Key; and write-offs. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { AREA_FIELD_LABELS } from '#shared/i18n/fields-all.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { SETTINGS_ERROR_MESSAGES } from '#shared/i18n/errors-settings.ts';
import { SMS_ERROR_MESSAGES } from '#shared/i18n/errors-sms.ts';
import { REPAYMENTS_ROUTES } from '#shared/routes/repayments.ts';
import { recordRepayment, writeOffLoan } from '#shared/usecases/repayments.ts';

export const handler = lambdaHandler(
  'repayments',
  REPAYMENTS_ROUTES,
  {
    'POST /loans/{id}/repayments': ({ ctx, params, body }) => recordRepayment(ctx, params.id!, body),
    'POST /loans/{id}/write-off': ({ ctx, params, body }) => writeOffLoan(ctx, params.id!, body),
  },
  [VALUE_ERRORS, STATE_ERRORS, SETTINGS_ERROR_MESSAGES, SMS_ERROR_MESSAGES],
  AREA_FIELD_LABELS,
);
