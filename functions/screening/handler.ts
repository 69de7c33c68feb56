/** Screening and the decision: the "three nos and one priority" rules, approve or reject. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { AREA_FIELD_LABELS } from '#shared/i18n/fields-all.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { SETTINGS_ERROR_MESSAGES } from '#shared/i18n/errors-settings.ts';
import { SMS_ERROR_MESSAGES } from '#shared/i18n/errors-sms.ts';
import { SCREENING_ROUTES } from '#shared/routes/screening.ts';
import { decideApplication, runScreening } from '#shared/usecases/screening.ts';

export const handler = lambdaHandler(
  'screening',
  SCREENING_ROUTES,
  {
    'POST /applications/{id}/screening': ({ ctx, params }) => runScreening(ctx, params.id!),
    'POST /applications/{id}/decision': ({ ctx, params, body }) => decideApplication(ctx, params.id!, body),
  },
  [VALUE_ERRORS, STATE_ERRORS, SETTINGS_ERROR_MESSAGES, SMS_ERROR_MESSAGES],
  AREA_FIELD_LABELS,
);
