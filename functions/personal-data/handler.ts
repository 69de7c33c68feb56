/** A mother's requests about her personal data (PIPL arts. 45, 46): the copy of everything held about her, a correction of her details. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { PERSONAL_DATA_ERROR_MESSAGES } from '#shared/i18n/errors-personal-data.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { REASON_ERROR_MESSAGES } from '#shared/i18n/errors-reasons.ts';
import { APPLICATION_FIELD_LABELS } from '#shared/i18n/fields-applications.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { PERSONAL_DATA_ROUTES } from '#shared/routes/personal-data.ts';
import { copyPersonalData, correctPersonalData } from '#shared/usecases/personal-data.ts';

export const handler = lambdaHandler(
  'personal-data',
  PERSONAL_DATA_ROUTES,
  {
    'POST /applications/{id}/personal-data-copy': ({ ctx, params, body }) => copyPersonalData(ctx, params.id!, body),
    'POST /applications/{id}/personal-data-correction': ({ ctx, params, body }) => correctPersonalData(ctx, params.id!, body),
  },
  [VALUE_ERRORS, PERSONAL_DATA_ERROR_MESSAGES, REASON_ERROR_MESSAGES],
  [APPLICATION_FIELD_LABELS, FORM_FIELD_LABELS],
);
