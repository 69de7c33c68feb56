/** A mother's requests about her personal data (PIPL arts. 45, 46): the copy of everything held about her, a correction of her details. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { AREA_FIELD_LABELS } from '#shared/i18n/fields-all.ts';
import { OUTREACH_MESSAGES } from '#shared/i18n/errors-outreach.ts';
import { PERSONAL_DATA_ERROR_MESSAGES } from '#shared/i18n/errors-personal-data.ts';
import { PROGRAMME_ERROR_MESSAGES } from '#shared/i18n/errors-programme.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { SETTINGS_ERROR_MESSAGES } from '#shared/i18n/errors-settings.ts';
import { SMS_ERROR_MESSAGES } from '#shared/i18n/errors-sms.ts';
import { PERSONAL_DATA_ROUTES } from '#shared/routes/personal-data.ts';
import { copyPersonalData, correctPersonalData } from '#shared/usecases/personal-data.ts';

export const handler = lambdaHandler(
  'personal-data',
  PERSONAL_DATA_ROUTES,
  {
    'POST /applications/{id}/personal-data-copy': ({ ctx, params, body }) => copyPersonalData(ctx, params.id!, body),
    'POST /applications/{id}/personal-data-correction': ({ ctx, params, body }) => correctPersonalData(ctx, params.id!, body),
  },
  [VALUE_ERRORS, STATE_ERRORS, PERSONAL_DATA_ERROR_MESSAGES, PROGRAMME_ERROR_MESSAGES, OUTREACH_MESSAGES, SETTINGS_ERROR_MESSAGES, SMS_ERROR_MESSAGES],
  AREA_FIELD_LABELS,
);
