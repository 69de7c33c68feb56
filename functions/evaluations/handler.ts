/** On-site evaluations: mid-term, year-end and final. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { AREA_FIELD_LABELS } from '#shared/i18n/fields-all.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { SETTINGS_ERROR_MESSAGES } from '#shared/i18n/errors-settings.ts';
import { EVALUATIONS_ROUTES } from '#shared/routes/evaluations.ts';
import { recordEvaluation } from '#shared/usecases/evaluations.ts';

export const handler = lambdaHandler(
  'evaluations',
  EVALUATIONS_ROUTES,
  {
    'POST /loans/{id}/evaluations': ({ ctx, params, body }) => recordEvaluation(ctx, params.id!, body),
  },
  [VALUE_ERRORS, STATE_ERRORS, SETTINGS_ERROR_MESSAGES],
  AREA_FIELD_LABELS,
);
